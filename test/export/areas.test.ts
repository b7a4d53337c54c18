import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { explore } from '../../src/analysis/explore.ts';
import { EMPTY_FILTERS } from '../../src/analysis/filters.ts';
import { areasCsv, countiesGeoJson } from '../../src/export/areas.ts';
import { BOM, columnKey } from '../../src/export/csv.ts';
import { repoData } from '../analysis/repoData.ts';

const { projects, units, geo } = repoData();
const figures = explore(projects, units, { ...EMPTY_FILTERS, categories: ['eldercare'] }, 'percapita', 'quantile').areaAggregation;

describe('area figures export', () => {
  it('writes a row per county then per zone with residents, 人均, share and ranks, as the table computes them', () => {
    const csv = areasCsv(figures);
    expect(csv.startsWith(BOM)).toBe(true);
    const [header, ...rows] = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    const keys = header!.map(columnKey);
    const at = (row: string[], key: string) => row[keys.indexOf(key)]!;
    expect(rows.map((r) => at(r, 'kind'))).toEqual([...Array(12).fill('县区'), ...Array(4).fill('片区')]);
    const counties = rows.slice(0, 12);
    counties.forEach((r, i) => {
      const c = figures.counties[i]!;
      expect(at(r, 'name')).toBe(c.name);
      expect(Number(at(r, 'residents_2020'))).toBe(c.population);
      expect(Number(at(r, 'per_capita_yuan'))).toBeCloseTo(c.perCapita!, 2);
    });
    const shareSum = (rs: string[][]) => rs.reduce((s, r) => s + Number(at(r, 'share_of_counties')), 0);
    expect(shareSum(counties)).toBeCloseTo(1, 5);
    expect(shareSum(rows.slice(12))).toBeCloseTo(1, 5);
    // 潞城区 has the most 康养 investment per person and in total.
    const lucheng = counties.find((r) => at(r, 'name') === '潞城区')!;
    expect([at(lucheng, 'rank_total'), at(lucheng, 'rank_percapita')]).toEqual(['1', '1']);
  });

  it('gives QGIS the 12 county polygons with the same fields', () => {
    const fc = countiesGeoJson(figures, geo);
    expect(fc.features).toHaveLength(12);
    const pingshun = fc.features.find((f) => f.id === '140425')!;
    expect(pingshun.geometry.type).toMatch(/Polygon/);
    expect(pingshun.properties.residents_2020).toBe(115927);
    expect(pingshun.properties.per_capita_yuan).toBeCloseTo(figures.counties.find((c) => c.key === '140425')!.perCapita!, 2);
  });
});
