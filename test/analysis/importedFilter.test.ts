import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters } from '../../src/analysis/filters.ts';
import { layerMatches, matchRows, prepareRows, rowFiltersEmpty, rowMatches, startYearOf } from '../../src/analysis/importedFilter.ts';
import { PRECISIONS, type Precision } from '../../src/data/project.ts';
import type { ImportedRow } from '../../src/import/types.ts';

const ZONES: Record<string, string[]> = { Z1: ['A', 'B'], Z2: ['C'] };
const zoneCounties = (z: string) => ZONES[z] ?? [];

function row(n: number, opts: Partial<Omit<ImportedRow, 'location'>> & { county?: string; precision?: Precision } = {}): ImportedRow {
  const { county = 'A', precision = 'township', ...rest } = opts;
  return {
    row: n,
    name: `项目${n}`,
    total: null,
    plan: null,
    nature: null,
    period: null,
    content: null,
    owner: null,
    remarks: null,
    locationText: null,
    duplicateOf: null,
    warnings: [],
    location: { county, lon: 113, lat: 36, precision, method: 'county', matched: county, note: null },
    ...rest,
  };
}

const f = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });
const names = (rows: ImportedRow[], filters: Filters) => rows.filter((r) => rowMatches(r, filters, zoneCounties)).map((r) => r.name);

describe('startYearOf', () => {
  it('reads the first 4-digit year of a period, and nothing else', () => {
    expect(startYearOf('2023-2025')).toBe(2023);
    expect(startYearOf('2024年')).toBe(2024);
    expect(startYearOf('2023.3—2026.12')).toBe(2023);
    expect(startYearOf('十四五期间（2021—2025）')).toBe(2021);
    expect(startYearOf('续建')).toBeNull();
    expect(startYearOf('12345')).toBeNull(); // five digits: not a year
    expect(startYearOf('')).toBeNull();
    expect(startYearOf(null)).toBeNull();
  });
});

describe('the explorer filters on imported rows', () => {
  const rows = [
    row(2, { name: '平顺卫生院', county: 'A', total: 0.5, period: '2023-2025', precision: 'village', owner: '平顺县卫健局' }),
    row(3, { name: '沁源康养中心', county: 'C', total: 12, period: '2024', locationText: '灵空山镇' }),
    row(4, { name: '未列投资', county: 'B', total: null, plan: 3, period: null, precision: 'county' }),
  ];

  it('ignores the category filter (rows have no category)', () => {
    expect(rowFiltersEmpty(f({ categories: ['health'] }))).toBe(true);
    expect(names(rows, f({ categories: ['health'] }))).toHaveLength(3);
  });

  it('filters by the located county and by zone', () => {
    expect(names(rows, f({ counties: ['C'] }))).toEqual(['沁源康养中心']);
    expect(names(rows, f({ counties: ['A', 'B'] }))).toEqual(['平顺卫生院', '未列投资']);
    expect(names(rows, f({ zone: 'Z1' }))).toEqual(['平顺卫生院', '未列投资']);
    expect(names(rows, f({ zone: 'Z1', counties: ['C'] }))).toEqual([]);
  });

  it('filters by the row total in 亿元; an unknown total drops out when a bound is set (never read as 0)', () => {
    expect(names(rows, f({ investment: { min: 1, max: null } }))).toEqual(['沁源康养中心']);
    expect(names(rows, f({ investment: { min: null, max: 1 } }))).toEqual(['平顺卫生院']);
    expect(names(rows, f({ investment: { min: 0, max: null } }))).toEqual(['平顺卫生院', '沁源康养中心']);
  });

  it('filters by the first year in 建设起止年限; rows without one are kept or left out as the plan’s are', () => {
    expect(names(rows, f({ startYear: { min: 2024, max: null }, unknownYear: 'exclude' }))).toEqual(['沁源康养中心']);
    expect(names(rows, f({ startYear: { min: null, max: 2023 }, unknownYear: 'exclude' }))).toEqual(['平顺卫生院']);
    expect(names(rows, f({ startYear: { min: 2024, max: null } }))).toEqual(['沁源康养中心', '未列投资']);
  });

  it('在建年份 keeps rows whose period runs through it, never a row without years', () => {
    const periods = [row(2, { name: 'a', period: '2021—2023年' }), row(3, { name: 'b', period: '2024' }), row(4, { name: 'c', period: '续建' })];
    expect(names(periods, f({ asOf: 2022 }))).toEqual(['a']);
    expect(names(periods, f({ asOf: 2024 }))).toEqual(['b']);
    expect(rowFiltersEmpty(f({ asOf: 2024 }))).toBe(false);
  });

  it('filters by location precision', () => {
    expect(names(rows, f({ precisions: ['village', 'county'] }))).toEqual(['平顺卫生院', '未列投资']);
  });

  it('searches name, location text and owner, every term, ignoring case', () => {
    expect(names(rows, f({ query: '灵空山' }))).toEqual(['沁源康养中心']);
    expect(names(rows, f({ query: '卫健局' }))).toEqual(['平顺卫生院']);
    expect(names(rows, f({ query: '平顺 卫生' }))).toEqual(['平顺卫生院']);
    expect(names(rows, f({ query: '平顺 康养' }))).toEqual([]);
    expect(names([row(9, { name: 'Hospital A' })], f({ query: 'hospital a' }))).toEqual(['Hospital A']);
  });

  it('gives back the same mask object when a change leaves the rows as they were', () => {
    const layerRows = [...rows];
    const a = layerMatches(layerRows, f({}), zoneCounties);
    expect(a.count).toBe(3);
    const b = layerMatches(layerRows, f({ categories: ['health'] }), zoneCounties);
    expect(b).toBe(a);
    const c = layerMatches(layerRows, f({ counties: ['C'] }), zoneCounties);
    expect(c).not.toBe(a);
    expect(c.count).toBe(1);
    const d = layerMatches(layerRows, f({ counties: ['C'], categories: ['education'] }), zoneCounties);
    expect(d).toBe(c);
  });

  it('agrees with the rules read one row at a time, on random rows and filters', () => {
    const years = fc.option(fc.integer({ min: 2018, max: 2030 }), { nil: null });
    const arbRow = fc.record({
      county: fc.constantFrom('A', 'B', 'C'),
      total: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
      year: years,
      precision: fc.constantFrom(...PRECISIONS.filter((p) => p !== 'city')),
      name: fc.constantFrom('卫生院', '康养中心', '学校', 'Road'),
      owner: fc.option(fc.constantFrom('县卫健局', '教育局'), { nil: null }),
    });
    // Each filter is left empty most of the time, so the others still let rows through.
    const often = <T,>(empty: T, value: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(empty), weight: 2 }, { arbitrary: value, weight: 1 });
    const bound = fc.option(fc.integer({ min: 0, max: 100 }), { nil: null });
    const yearBound = fc.option(fc.integer({ min: 2018, max: 2030 }), { nil: null });
    const arbFilters = fc.record({
      counties: often<string[]>([], fc.subarray(['A', 'B', 'C'])),
      zone: often<string | null>(null, fc.constantFrom('Z1', 'Z2')),
      investment: often({ min: null, max: null }, fc.record({ min: bound, max: bound })),
      startYear: often({ min: null, max: null }, fc.record({ min: yearBound, max: yearBound })),
      unknownYear: fc.constantFrom('include' as const, 'exclude' as const),
      asOf: often<number | null>(null, fc.integer({ min: 2018, max: 2032 })),
      precisions: often<Precision[]>([], fc.subarray(['village', 'township', 'county'] as Precision[])),
      query: often('', fc.constantFrom('卫生', '局', 'road', '学校 教育')),
    });
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 40 }), arbFilters, (specs, partial) => {
        const rs = specs.map((s, i) =>
          row(i + 2, { county: s.county, total: s.total, period: s.year === null ? null : `${s.year}-${s.year + 2}`, precision: s.precision, name: s.name, owner: s.owner }),
        );
        const filters = f(partial);
        const inRange = (v: number | null, r: { min: number | null; max: number | null }) =>
          (r.min === null && r.max === null) || (v !== null && (r.min === null || v >= r.min) && (r.max === null || v <= r.max));
        const expected = specs.map((s) => {
          if (filters.counties.length > 0 && !filters.counties.includes(s.county)) return 0;
          if (filters.zone && !ZONES[filters.zone]!.includes(s.county)) return 0;
          if (!inRange(s.total, filters.investment)) return 0;
          const yearSet = filters.startYear.min !== null || filters.startYear.max !== null;
          if (yearSet && (s.year === null ? filters.unknownYear === 'exclude' : !inRange(s.year, filters.startYear))) return 0;
          if (filters.asOf !== null && (s.year === null || filters.asOf < s.year || filters.asOf > s.year + 2)) return 0;
          if (filters.precisions.length > 0 && !filters.precisions.includes(s.precision)) return 0;
          const text = [s.name, s.owner].filter(Boolean).join(' ').toLowerCase();
          if (!filters.query.split(' ').filter(Boolean).every((t) => text.includes(t))) return 0;
          return 1;
        });
        const got = matchRows(prepareRows(rs), filters, zoneCounties);
        expect([...got.mask]).toEqual(expected);
        expect(got.count).toBe(expected.reduce((a: number, b) => a + b, 0));
      }),
      { numRuns: 300 },
    );
  });
});
