import { describe, expect, it } from 'vitest';
import { areaCard } from '../../src/analysis/areaCard.ts';
import { EMPTY_FILTERS } from '../../src/analysis/filters.ts';
import { PRINT_LEGEND_MM, printBadges, printMapMm } from '../../src/ui/printLayout.ts';
import { repoData } from '../analysis/repoData.ts';

const { projects, units } = repoData();

describe('the print sheet', () => {
  it('gives the map what the list leaves: taller for few projects, never under 52 mm, never wider than beside the legend', () => {
    expect(printMapMm(4).height).toBe(140);
    expect(printMapMm(24).height).toBeGreaterThan(100);
    expect(printMapMm(24).height).toBeGreaterThan(printMapMm(28).height);
    expect(printMapMm(56).height).toBeLessThanOrEqual(64);
    expect(printMapMm(200).height).toBe(52);
    for (const n of [0, 10, 30, 56, 90]) expect(printMapMm(n).width + PRINT_LEGEND_MM).toBeLessThanOrEqual(186);
  });

  it("numbers every located project of the county on the map with its place in the list, once", () => {
    const card = areaCard(projects, units, { ...EMPTY_FILTERS, counties: ['140425'] }, { kind: 'county', key: '140425' })!;
    const numbers = printBadges(card)
      .flatMap((b) => b.label.split('·'))
      .flatMap((l) => {
        const [a, b] = l.split('–').map(Number);
        return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, i) => a! + i);
      })
      .sort((a, b) => a - b);
    const located = card.projects.flatMap((p, i) => (p.locations.some((l) => l.county === '140425') ? [i + 1] : []));
    expect(numbers).toEqual(located);
    // A line through 平顺县 is numbered at its point in 平顺县, not elsewhere on its line.
    const line = card.projects.findIndex((p) => new Set(p.locations.map((l) => l.county)).size > 1);
    expect(line).toBeGreaterThanOrEqual(0);
    const badge = printBadges(card).find((b) => b.label.split('·').includes(String(line + 1)))!;
    expect(card.projects[line]!.locations.find((l) => l.lon === badge.lon && l.lat === badge.lat)?.county).toBe('140425');
  });
});
