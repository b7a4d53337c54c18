import { describe, expect, it } from 'vitest';
import { aggregate } from '../../src/analysis/aggregate.ts';
import { areaCard, BETTER_THAN_COUNTY, cardTarget } from '../../src/analysis/areaCard.ts';
import { withoutPlaceFilters } from '../../src/analysis/filters.ts';
import type { GeoUnits } from '../../src/analysis/explore.ts';
import { EMPTY_FILTERS, projectMatcher } from '../../src/analysis/filters.ts';
import { rankDescending } from '../../src/analysis/rank.ts';
import { countOnce } from '../../src/data/totals.ts';
import { COUNTIES, ZONES, project } from './fixtures.ts';
import { repoData } from './repoData.ts';

// Residents: A has the most money but the most people too.
const RESIDENTS: Record<string, number> = { A: 1_000_000, B: 10_000, C: 100_000 };
const units: GeoUnits = {
  counties: COUNTIES.map((c) => ({ ...c, population: RESIDENTS[c.key] })),
  zones: ZONES,
  zoneCounties: (z) => ZONES.find((x) => x.key === z)?.counties ?? [],
};

describe('area card', () => {
  const projects = [
    project('p1', { total: 10, counties: ['A'], category: 'health' }),
    project('p2', { total: 6, counties: ['A', 'B'], category: 'transport' }),
    project('p3', { total: null, counties: ['A'], category: 'education' }),
    project('p4', { total: 4, counties: ['C'], category: 'health' }),
    project('dup', { total: 10, counties: ['A'], category: 'eldercare', duplicateOf: 'p1' }),
  ];
  projects[0]!.locations[0]!.precision = 'village';
  projects[1]!.locations.forEach((l) => (l.precision = 'county'));

  it('gives the county the figures and ranks of the county table', () => {
    const card = areaCard(projects, units, EMPTY_FILTERS, { kind: 'county', key: 'A' })!;
    // p1 10 + half of p2 (3); p3 has no figure; the duplicate of p1 counts once.
    expect(card.stats).toMatchObject({ key: 'A', count: 3, total: 13, unknownCount: 1 });
    expect(card.stats.density).toBeCloseTo((13 * 1e4) / 10);
    // 人均: A 13 亿 / 1,000,000 = 1,300 元; B 3 亿 / 10,000 = 30,000; C 7 亿 / 100,000 = 7,000.
    expect(card.stats.perCapita).toBeCloseTo(1300, 9);
    expect(card.ranks).toEqual({ count: 1, total: 1, density: 1, percapita: 3 });
    expect(card.rankedAmong).toBe(3);
    expect(card.zone).toBe('一片区');
    expect(card.projects.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    // p1 (village) and p3 (township, the fixture default) are placed better than the county; p2 only at county level.
    expect(card.precise).toBe(2);
    expect(card.categories).toEqual([
      { category: 'health', count: 1, total: 10, unknownCount: 0 },
      { category: 'education', count: 1, total: 0, unknownCount: 1 },
      { category: 'transport', count: 1, total: 3, unknownCount: 0 },
    ]);
    expect(card.otherFilters).toBe(false);
  });

  it('ranks under the other filters and says so, ignoring the county filter itself', () => {
    const f = { ...EMPTY_FILTERS, counties: ['B'], categories: ['health' as const] };
    const card = areaCard(projects, units, f, { kind: 'county', key: 'B' })!;
    expect(card.stats.count).toBe(0);
    // Health only: A 10, C 4, B nothing: B is third of three, whatever the county filter says.
    expect(card.ranks.total).toBe(3);
    expect(card.ranks.count).toBe(3);
    expect(card.otherFilters).toBe(true);
  });

  it('compares a zone with its members', () => {
    const card = areaCard(projects, units, { ...EMPTY_FILTERS, zone: 'Z1' }, { kind: 'zone', key: 'Z1' })!;
    expect(card.stats).toMatchObject({ key: 'Z1', count: 3, total: 16 });
    expect(card.members.map((m) => [m.key, m.total, m.ranks.total])).toEqual([
      ['A', 13, 1],
      ['B', 3, 3],
    ]);
    // The whole of p2 is inside the zone: its category slice gets all 6.
    expect(card.categories.find((c) => c.category === 'transport')!.total).toBe(6);
    expect(card.rankedAmong).toBe(2);
  });

  it('asks for a card only for one county, or a zone alone', () => {
    expect(cardTarget(EMPTY_FILTERS)).toBeNull();
    expect(cardTarget({ ...EMPTY_FILTERS, counties: ['A'] })).toEqual({ kind: 'county', key: 'A' });
    expect(cardTarget({ ...EMPTY_FILTERS, counties: ['A', 'B'] })).toBeNull();
    expect(cardTarget({ ...EMPTY_FILTERS, zone: 'Z1' })).toEqual({ kind: 'zone', key: 'Z1' });
    expect(withoutPlaceFilters({ ...EMPTY_FILTERS, counties: ['A'], zone: 'Z1', query: 'x' })).toEqual({ ...EMPTY_FILTERS, query: 'x' });
    expect(areaCard(projects, units, EMPTY_FILTERS, { kind: 'county', key: 'nowhere' })).toBeNull();
  });
});

describe('area cards on the repository data', () => {
  const { projects, units } = repoData();
  const agg = aggregate(countOnce(projects), units.counties, units.zones);

  it('every county card adds up: its row of the table, its ranks, categories summing to its total', () => {
    const densityRank = rankDescending(agg.counties, (c) => c.key, (c) => c.density);
    for (const row of agg.counties) {
      const card = areaCard(projects, units, { ...EMPTY_FILTERS, counties: [row.key] }, { kind: 'county', key: row.key })!;
      expect(card.stats).toEqual(row);
      expect(card.ranks.density).toBe(densityRank.get(row.key));
      expect(card.categories.reduce((n, c) => n + c.count, 0)).toBe(row.count);
      expect(card.categories.reduce((s, c) => s + c.total, 0)).toBeCloseTo(row.total, 9);
      expect(card.projects).toHaveLength(row.count);
      // Precise: recomputed from the locations, independently.
      const precise = card.projects.filter((p) => p.locations.some((l) => l.county === row.key && BETTER_THAN_COUNTY.includes(l.precision)));
      expect(card.precise).toBe(precise.length);
      expect(card.precise).toBeLessThanOrEqual(row.count);
    }
  });

  it('every zone card adds up to the zone row, and its members are its counties', () => {
    for (const row of agg.zones) {
      const card = areaCard(projects, units, { ...EMPTY_FILTERS, zone: row.key }, { kind: 'zone', key: row.key })!;
      expect(card.stats).toEqual(row);
      expect(card.members.map((m) => m.key).sort()).toEqual([...units.zoneCounties(row.key)].sort());
      expect(card.categories.reduce((s, c) => s + c.total, 0)).toBeCloseTo(row.total, 9);
    }
  });

  it('under a category filter the card equals the table under that filter', () => {
    const f = { ...EMPTY_FILTERS, categories: ['education' as const] };
    const filtered = projects.filter(projectMatcher(f, units.zoneCounties));
    const rows = aggregate(filtered, units.counties, units.zones).counties;
    const card = areaCard(projects, units, { ...f, counties: ['140425'] }, { kind: 'county', key: '140425' })!;
    expect(card.stats).toEqual(rows.find((r) => r.key === '140425'));
    expect(card.otherFilters).toBe(true);
    expect(card.categories.map((c) => c.category)).toEqual(['education']);
  });
});
