/** How a project's figure reads in a list for a county or zone. */
import { describe, expect, it } from 'vitest';
import { placeInvestmentText, placeWord } from '../../src/ui/describe.ts';
import { repoData } from '../analysis/repoData.ts';

const { projects } = repoData();
const byId = (id: string) => projects.find((p) => p.id === id)!;
const place = (counties: string[], word: string) => ({ counties: new Set(counties), word });

describe('a project listed for a place', () => {
  it('shows a line’s share beside the whole: 本县计 49.8 亿 / 全线 99.6 亿', () => {
    expect(placeInvestmentText(byId('A4-铁路-02'), place(['140425'], '本县'))).toBe('本县计 49.8 亿 / 全线 99.6 亿');
    // Where the plan gives 长治's part of a longer line, the share is of that part, and the whole line is named too.
    expect(placeInvestmentText(byId('A4-铁路-01'), place(['140404'], '本区'))).toBe('本区计 32 亿 / 长治境内 64 亿（全线 156 亿）');
  });

  it('shows the plain figure when all of it is there, when no place is chosen, or when there is no figure', () => {
    const line = byId('A4-铁路-02');
    expect(placeInvestmentText(line, place(['140425', '140403'], '本片区'))).toBe('99.6 亿元');
    expect(placeInvestmentText(line, null)).toBe('99.6 亿元');
    expect(placeInvestmentText(byId('A4-铁路-10'), place(['140405'], '本区'))).toBe('未列投资额');
  });

  it('names the place: 本县, 本区, 本片区, 所选县区', () => {
    expect(placeWord(['平顺县'], null)).toBe('本县');
    expect(placeWord(['潞州区'], null)).toBe('本区');
    expect(placeWord([], '太行山水风景片区')).toBe('本片区');
    expect(placeWord(['平顺县', '潞州区'], null)).toBe('所选县区');
    expect(placeWord(['平顺县'], '太行山水风景片区')).toBe('所选县区');
  });
});
