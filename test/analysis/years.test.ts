import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, projectMatcher } from '../../src/analysis/filters.ts';
import { constructionYears, investmentByYear, nextYear, peakYear, underConstruction } from '../../src/analysis/years.ts';
import { cityInvestment, countOnce } from '../../src/data/totals.ts';
import { project } from './fixtures.ts';
import { repoData } from './repoData.ts';

const dated = (id: string, total: number | null, startYear: number | null, endYear: number | null, extra: Parameters<typeof project>[1] = {}) => ({
  ...project(id, { total, counties: ['A'], ...extra }),
  startYear,
  endYear,
});

describe('construction years', () => {
  it('runs from the start to the end year; a row with only a start is that one year; none without a start', () => {
    expect(constructionYears(dated('a', 1, 2021, 2023))).toEqual([2021, 2023]);
    expect(constructionYears(dated('b', 1, 2021, null))).toEqual([2021, 2021]);
    expect(constructionYears(dated('c', 1, null, null))).toBeNull();
    expect([2020, 2021, 2023, 2024].map((y) => underConstruction(dated('a', 1, 2021, 2023), y))).toEqual([false, true, true, false]);
    expect(underConstruction(dated('c', 1, null, null), 2023)).toBe(false);
  });
});

describe('investment by year', () => {
  it('spreads each amount evenly over its years, counts each real project once and keeps unknown years apart', () => {
    const chart = investmentByYear([
      dated('p1', 6, 2021, 2023), // 2 a year
      dated('p2', 4, 2022, 2022),
      dated('p3', null, 2022, 2024), // counted under construction, no amount
      dated('p4', 5, null, null),
      dated('p5', 9, 2021, 2023, { duplicateOf: 'p1' }),
    ]);
    expect(chart.years).toEqual([
      { year: 2021, amount: 2, projects: 1 },
      { year: 2022, amount: 6, projects: 3 },
      { year: 2023, amount: 2, projects: 2 },
      { year: 2024, amount: 0, projects: 1 },
    ]);
    expect(chart.unknown).toEqual({ amount: 5, projects: 1 });
    expect(chart.withoutAmount).toBe(1);
    expect(peakYear(chart)).toBe(2022);
  });

  it('on the plan: the bars and the 未列年份 bar add up to the investment counted once', () => {
    const { projects } = repoData();
    const chart = investmentByYear(projects);
    const total = countOnce(projects).reduce((s, p) => s + (cityInvestment(p) ?? 0), 0);
    expect(chart.years.reduce((s, b) => s + b.amount, 0) + chart.unknown.amount).toBeCloseTo(total, 6);
    expect(chart.unknown.projects).toBe(countOnce(projects).filter((p) => p.startYear === null).length);
    expect(chart.years[0]!.year).toBe(Math.min(...projects.flatMap((p) => (p.startYear === null ? [] : [p.startYear]))));
  });

  it('steps a play-through to its last year', () => {
    expect(nextYear(2020)).toBe(2021);
    expect(nextYear(2026)).toBe(2027);
    expect(nextYear(2027)).toBeNull();
  });
});

describe('year filters', () => {
  const { projects, units } = repoData();
  const count = (f: Partial<typeof EMPTY_FILTERS>) => projects.filter(projectMatcher({ ...EMPTY_FILTERS, ...f }, units.zoneCounties)).length;
  const withYear = projects.filter((p) => p.startYear !== null);

  it('a start-year range keeps projects without a year unless told to leave them out', () => {
    expect(count({ startYear: { min: 2015, max: 2030 } })).toBe(projects.length);
    expect(count({ startYear: { min: 2015, max: 2030 }, unknownYear: 'exclude' })).toBe(withYear.length);
    const inRange = withYear.filter((p) => p.startYear! >= 2021 && p.startYear! <= 2025).length;
    expect(count({ startYear: { min: 2021, max: 2025 }, unknownYear: 'exclude' })).toBe(inRange);
    expect(count({ startYear: { min: 2021, max: 2025 } })).toBe(inRange + projects.length - withYear.length);
  });

  it('在建年份 keeps exactly the projects whose years include it', () => {
    const expected = withYear.filter((p) => p.startYear! <= 2023 && 2023 <= (p.endYear ?? p.startYear!)).map((p) => p.id);
    expect(projects.filter(projectMatcher({ ...EMPTY_FILTERS, asOf: 2023 }, units.zoneCounties)).map((p) => p.id)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });
});
