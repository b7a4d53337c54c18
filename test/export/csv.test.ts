import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BOM, columnKey, projectsCsv } from '../../src/export/csv.ts';
import { PROJECT_FIELDS } from '../../src/export/fields.ts';
import { projectsGeoJson } from '../../src/export/geojson.ts';
import { cityInvestment, countOnce, sumInvestment } from '../../src/data/totals.ts';
import type { LocatedProject } from '../../src/data/project.ts';
import { project } from '../analysis/fixtures.ts';
import { repoData } from '../analysis/repoData.ts';
import { aggregate } from '../../src/analysis/aggregate.ts';

const { projects, geo, units } = repoData();
const names = new Map(geo.counties.features.map((f) => [f.properties.adcode, f.properties.name]));

/** Reads an exported CSV back: BOM checked and dropped, header keys from the brackets. */
function readBack(csv: string): Record<string, string>[] {
  expect(csv.startsWith(BOM)).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  const keys = header!.map((h) => columnKey(h));
  expect(keys.every((k) => k !== null)).toBe(true);
  return rows.map((r) => Object.fromEntries(r.map((v, i) => [keys[i]!, v])));
}

/** What a cell should read back as: numbers in plain notation, null as an empty cell. */
function asCell(v: unknown): string {
  return v === null ? '' : String(v);
}

describe('CSV export', () => {
  it('reads back to exactly the exported projects, every field, every location with its precision', () => {
    const csv = projectsCsv(projects, names);
    expect(csv.includes('\r\n')).toBe(true);
    const rows = readBack(csv);
    expect(rows.map((r) => r.id)).toEqual(projects.map((p) => p.id));
    const counted = new Set(countOnce(projects));
    rows.forEach((row, i) => {
      const p = projects[i]!;
      for (const f of PROJECT_FIELDS) expect(row[f.key], `${p.id} ${f.key}`).toBe(asCell(f.value(p, { countyNames: names, counted: counted.has(p) })));
      expect(row.investment_total).toBe(asCell(p.investment.total));
      expect(row.name).toBe(p.name);
      expect(row.source_raw).toBe(p.source.raw);
      expect(Number(row.location_count)).toBe(p.locations.length);
      p.locations.forEach((l, j) => {
        expect(Number(row[`loc${j + 1}_lon`])).toBe(l.lon);
        expect(Number(row[`loc${j + 1}_lat`])).toBe(l.lat);
        expect(row[`loc${j + 1}_precision`]).toBe(l.precision);
        expect(row[`loc${j + 1}_county`]).toBe(l.county);
      });
    });
    // The names we gave, the reviewed sub-categories and the structured places travel with the rows.
    expect(rows.find((r) => r.id === 'A4-水运-03')).toMatchObject({
      name: '黎城县',
      display_name: '黎城县水库码头前期研究（塔坡、南村、阳南河）',
      display_name_ours: '是',
      subcategory: 'water',
      subcategory_label: '水运',
      loc1_town: '黎侯镇',
      loc1_village: '南村',
      loc1_place_class: 'town',
    });
    expect(rows.find((r) => r.id === 'A2-02')).toMatchObject({ subcategory_label: '养老服务', subcategory_basis: '名称含“敬老院”', display_name_ours: '否' });
    expect(rows.find((r) => r.id === 'A3-01')).toMatchObject({ subcategory: '', loc1_precision: 'urban', loc1_precision_label: '中心城区' });
    // Unknown stays unknown: an empty cell, never 0.
    const unknown = projects.find((p) => p.investment.total === null)!;
    expect(rows.find((r) => r.id === unknown.id)!.investment_total).toBe('');
    // The 计入合计 column reproduces the once-only total.
    const sum = rows.filter((r) => r.counted === '是').reduce((s, r) => s + (r.city_investment === '' ? 0 : Number(r.city_investment)), 0);
    expect(sum).toBeCloseTo(sumInvestment(projects, 'cityShare').sum, 6);
  });

  it('defuses spreadsheet formulas in text, not in numbers', () => {
    const p: LocatedProject = { ...project('x1', { total: 5, counties: ['140425'] }), name: '=HYPERLINK("http://evil","点")', owner: '@SUM(A1)', remarks: '-2+3', content: '+1', funding: '\tx', nature: '=a\n=b' };
    const row = readBack(projectsCsv([p], names))[0]!;
    expect(row.name).toBe(`'=HYPERLINK("http://evil","点")`);
    expect(row.owner).toBe(`'@SUM(A1)`);
    expect(row.remarks).toBe(`'-2+3`);
    expect(row.content).toBe(`'+1`);
    expect(row.funding).toBe(`'\tx`);
    expect(row.nature).toBe(`'=a\n=b`);
    expect(row.investment_total).toBe('5');
  });

  it('for a county, says what part of each project is there, adding up to the county’s allocated total', () => {
    const pingshun = projects.filter((p) => p.counties.includes('140425'));
    const csv = projectsCsv(pingshun, names, { counties: new Set(['140425']), name: '平顺县' });
    expect(csv).toContain('平顺县计_亿元(place_share_yi)');
    const rows = readBack(csv);
    expect(rows.find((r) => r.id === 'A4-铁路-02')).toMatchObject({ investment_total: '99.6', place_fraction: '0.5', place_share_yi: '49.8' });
    const allocated = aggregate(projects, units.counties, units.zones).counties.find((c) => c.key === '140425')!.total;
    const sum = rows.filter((r) => r.counted === '是').reduce((s, r) => s + Number(r.place_share_yi || 0), 0);
    expect(sum).toBeCloseTo(allocated, 6);
    expect(readBack(projectsCsv(pingshun, names))[0]).not.toHaveProperty('place_share_yi');
  });

  it('sizes the location columns to the most located project', () => {
    const one = readBack(projectsCsv([project('a', { counties: ['140425'] })], names));
    expect(Object.keys(one[0]!).filter((k) => k.startsWith('loc2_'))).toEqual([]);
    const max = Math.max(...projects.map((p) => p.locations.length));
    const all = readBack(projectsCsv(projects, names));
    expect(Object.keys(all[0]!).some((k) => k.startsWith(`loc${max}_`))).toBe(true);
    expect(Object.keys(all[0]!).some((k) => k.startsWith(`loc${max + 1}_`))).toBe(false);
  });
});

describe('GeoJSON export', () => {
  const fc = projectsGeoJson(projects, names);

  it('has a Point per location in WGS84, and the citywide projects with null geometry', () => {
    const locations = projects.reduce((n, p) => n + p.locations.length, 0);
    const citywide = projects.filter((p) => p.locations.length === 0);
    expect(fc.features.filter((f) => f.geometry !== null)).toHaveLength(locations);
    expect(fc.features.filter((f) => f.geometry === null).map((f) => f.properties.id)).toEqual(citywide.map((p) => p.id));
    expect(fc).not.toHaveProperty('crs');
    for (const f of fc.features) {
      if (!f.geometry) continue;
      const [lon, lat] = f.geometry.coordinates as [number, number];
      expect(lon).toBeGreaterThan(111.9);
      expect(lon).toBeLessThan(113.9);
      expect(lat).toBeGreaterThan(35.6);
      expect(lat).toBeLessThan(37.2);
      expect(['site', 'village', 'township', 'urban', 'county']).toContain(f.properties.loc_precision);
      const p = projects.find((x) => x.id === f.properties.id)!;
      const l = p.locations[(f.properties.loc_index as number) - 1]!;
      expect([l.lon, l.lat, l.precision]).toEqual([lon, lat, f.properties.loc_precision]);
    }
  });

  it('splits each project over its points so sums add up once', () => {
    const sum = fc.features.filter((f) => f.properties.counted === '是').reduce((s, f) => s + ((f.properties.loc_share_yi as number | null) ?? 0), 0);
    expect(sum).toBeCloseTo(sumInvestment(projects, 'cityShare').sum, 6);
    const rail = projects.find((p) => p.locations.length > 1 && cityInvestment(p) !== null)!;
    const parts = fc.features.filter((f) => f.properties.id === rail.id);
    expect(parts).toHaveLength(rail.locations.length);
    expect(parts.reduce((s, f) => s + (f.properties.loc_share_yi as number), 0)).toBeCloseTo(cityInvestment(rail)!, 9);
  });
});
