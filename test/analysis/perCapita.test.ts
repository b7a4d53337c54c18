/** 人均投资: the app's figures against an independent reckoning from the plan's rows and the census table. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../../src/analysis/aggregate.ts';
import { explore } from '../../src/analysis/explore.ts';
import { EMPTY_FILTERS } from '../../src/analysis/filters.ts';
import { COUNTIES, ZONES, project } from './fixtures.ts';
import { repoData } from './repoData.ts';

const { projects, units } = repoData();

/** The census table as the shared folder's README gives it (a copy kept in the test, not read through the app's code). */
const RESIDENTS: Record<string, number> = {
  '140403': 895280, '140404': 319660, '140405': 253756, '140406': 219256, '140423': 260081, '140425': 115927,
  '140426': 134186, '140427': 240109, '140428': 298690, '140429': 155386, '140430': 138578, '140431': 149975,
};

/**
 * Investment allocated to each county, from data/projects.json read afresh:
 * each real project once (a repeat or a part of another row adds nothing),
 * the in-city share where stated, split equally over the row's counties.
 */
function allocatedByCounty(): Map<string, number> {
  const rows = JSON.parse(readFileSync(join(import.meta.dirname, '../../data/projects.json'), 'utf8')) as {
    duplicateOf: string | null;
    partOf: string | null;
    counties: string[];
    investment: { total: number | null; inCity: number | null };
  }[];
  const sums = new Map<string, number>();
  for (const r of rows) {
    if (r.duplicateOf !== null || r.partOf !== null) continue;
    const amount = r.investment.inCity ?? r.investment.total;
    if (amount === null || r.counties.length === 0) continue;
    for (const c of r.counties) sums.set(c, (sums.get(c) ?? 0) + amount / r.counties.length);
  }
  return sums;
}

describe('人均投资 (元/人)', () => {
  it('is each county’s allocated investment ÷ its 2020 residents, computed independently', () => {
    const allocated = allocatedByCounty();
    const e = explore(projects, units, EMPTY_FILTERS, 'percapita', 'quantile');
    expect(e.areaAggregation.counties).toHaveLength(12);
    for (const c of e.areaAggregation.counties) {
      expect(c.population, c.name).toBe(RESIDENTS[c.key]);
      expect(c.perCapita, c.name).toBeCloseTo(((allocated.get(c.key) ?? 0) * 1e8) / RESIDENTS[c.key]!, 6);
    }
    // 平顺县: 97.8 亿元 over 115,927 residents.
    const pingshun = e.areaAggregation.counties.find((c) => c.key === '140425')!;
    expect(Math.round(pingshun.perCapita!)).toBe(Math.round((allocated.get('140425')! * 1e8) / 115927));
    // The choropleth classes follow the per-person figures: a county with more per person never gets a lower class.
    const byValue = [...e.areaAggregation.counties].sort((a, b) => a.perCapita! - b.perCapita!);
    const classes = byValue.map((c) => e.countyClass[c.key]!);
    expect(classes).toEqual([...classes].sort((a, b) => a - b));
    expect(new Set(classes).size).toBeGreaterThan(1);
  });

  it('a zone divides by its members’ residents; the city by all 12, citywide projects included', () => {
    const e = explore(projects, units, EMPTY_FILTERS, 'percapita', 'quantile');
    const zone = e.areaAggregation.zones.find((z) => z.key === '太行山水风景片区')!;
    const members = ['140426', '140425', '140427'];
    const residents = members.reduce((s, c) => s + RESIDENTS[c]!, 0);
    expect(zone.population).toBe(residents);
    expect(zone.perCapita).toBeCloseTo((zone.total * 1e8) / residents, 6);
    expect(e.aggregation.cityPerCapita).toBeCloseTo((e.aggregation.total * 1e8) / 3180884, 6);
  });

  it('on a hand-made set: 4 亿元 over 20,000 residents is 20,000 元/人; no residents, no figure (not 0)', () => {
    const counties = [
      { ...COUNTIES[0]!, population: 20000 },
      { ...COUNTIES[1]!, population: 50000 },
      COUNTIES[2]!,
    ];
    const a = aggregate([project('p1', { total: 4, counties: ['A'] }), project('p2', { total: 2, counties: ['B', 'C'] })], counties, ZONES);
    expect(a.counties.map((c) => c.perCapita)).toEqual([20000, 2000, null]);
    expect(a.cityPerCapita).toBeNull();
  });
});
