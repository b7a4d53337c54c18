import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import gcoord from 'gcoord';
import { area, booleanPointInPolygon, distance } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGeo, readZonesFile, sourceMapDir, type GeoBuild } from '../../scripts/build-geo.ts';
import { arealProblems } from '../../scripts/geo/validate.ts';
import { polygonsOf } from '../../scripts/geo/positions.ts';
import { COUNTIES, OFFICIAL_CITY_AREA_KM2 } from '../../src/geo/countyCodes.ts';
import type { CityCollection, ContextCollection, CountyCollection, ZoneCollection } from '../../src/geo/types.ts';

const root = join(import.meta.dirname, '../..');
const read = <T>(path: string): T => JSON.parse(readFileSync(join(root, path), 'utf8')) as T;
const counties = read<CountyCollection>('geo/counties.geojson');
const city = read<CityCollection>('geo/city.geojson');
const zones = read<ZoneCollection>('geo/zones.geojson');
const context = read<ContextCollection>('geo/context.geojson');
const km2 = (g: Parameters<typeof area>[0]) => area(g) / 1e6;

describe('geo/counties.geojson', () => {
  it('holds the 12 counties with their adcodes and names', () => {
    expect(counties.features.map((f) => [f.properties.adcode, f.properties.name])).toEqual(
      COUNTIES.map((c) => [c.adcode, c.name]),
    );
  });

  it('has valid geometry: closed rings, no repeated vertices, no self-intersections', () => {
    for (const f of counties.features) expect(arealProblems(f.geometry), f.properties.name).toEqual([]);
  });

  it('stores each county area as its Turf area', () => {
    for (const f of counties.features) expect(f.properties.areaKm2).toBeCloseTo(km2(f), 2);
  });

  it('has a seat and a label point inside each county', () => {
    for (const f of counties.features) {
      expect(booleanPointInPolygon(f.properties.seat, f), `${f.properties.name} seat`).toBe(true);
      expect(booleanPointInPolygon(f.properties.labelPoint, f), `${f.properties.name} label`).toBe(true);
    }
  });

  it('is WGS84: the source GCJ-02 vertices, converted, are its vertices', () => {
    const source = JSON.parse(readFileSync(join(sourceMapDir(), '140400.json'), 'utf8')) as CountyCollection;
    for (const src of source.features) {
      const out = counties.features.find((f) => f.properties.adcode === String(src.properties.adcode))!;
      const outVertices = new Set(polygonsOf(out.geometry).flat(2).map((p) => p.join(',')));
      const srcVertices = polygonsOf(src.geometry).flat(2);
      for (const p of srcVertices.slice(0, 25)) {
        const [lon, lat] = gcoord.transform([p[0]!, p[1]!], gcoord.GCJ02, gcoord.WGS84) as [number, number];
        expect(outVertices.has(`${+lon.toFixed(6)},${+lat.toFixed(6)}`)).toBe(true);
        // GCJ-02 is offset from WGS84 by a few hundred metres around 长治: the data really moved.
        const shift = distance([p[0]!, p[1]!], [lon, lat], { units: 'meters' });
        expect(shift).toBeGreaterThan(200);
        expect(shift).toBeLessThan(800);
      }
    }
  });

  it('rounds coordinates to 6 decimals', () => {
    const text = readFileSync(join(root, 'geo/counties.geojson'), 'utf8');
    expect(text).not.toMatch(/\d\.\d{7,}/);
  });
});

describe('city outline and areas', () => {
  const cityKm2 = km2(city.features[0]!);
  const sum = counties.features.reduce((s, f) => s + km2(f), 0);

  it('is one polygon with no holes', () => {
    expect(city.features).toHaveLength(1);
    const polys = polygonsOf(city.features[0]!.geometry);
    expect(polys).toHaveLength(1);
    expect(polys[0]).toHaveLength(1);
  });

  it('equals the sum of the county areas within 0.1 %', () => {
    expect(Math.abs(sum - cityKm2) / cityKm2).toBeLessThan(0.001);
  });

  it('is near the official 13,955 km² (within 1 %)', () => {
    expect(Math.abs(cityKm2 - OFFICIAL_CITY_AREA_KM2) / OFFICIAL_CITY_AREA_KM2).toBeLessThan(0.01);
  });

  it('places the city seat in 潞州区', () => {
    const luzhou = counties.features.find((f) => f.properties.adcode === '140403')!;
    expect(booleanPointInPolygon(city.features[0]!.properties.seat, luzhou)).toBe(true);
  });
});

describe('geo/zones.geojson', () => {
  const plan = readZonesFile(join(root, 'data/zones.json'));

  it('has the four zones named exactly as in the plan', () => {
    expect(zones.features.map((z) => z.properties.name)).toEqual([
      '城郊休闲乡村片区',
      '太行山水风景片区',
      '文化传承片区',
      '太岳生态康养片区',
    ]);
  });

  it('puts each county in exactly one zone, as data/zones.json says', () => {
    const all = zones.features.flatMap((z) => z.properties.counties);
    expect([...all].sort()).toEqual(COUNTIES.map((c) => c.adcode).sort());
    for (const z of zones.features) {
      const fromFile = plan.zones.find((p) => p.name === z.properties.name)!;
      expect(z.properties.countyNames).toEqual(fromFile.counties);
    }
    for (const c of counties.features) {
      expect(zones.features.find((z) => z.properties.counties.includes(c.properties.adcode))!.properties.name).toBe(
        c.properties.zone,
      );
    }
  });

  it('are unions with no holes or slivers, whose areas add up to their counties', () => {
    for (const z of zones.features) {
      expect(arealProblems(z.geometry)).toEqual([]);
      for (const rings of polygonsOf(z.geometry)) {
        expect(rings, `${z.properties.name} hole`).toHaveLength(1);
        expect(km2({ type: 'Polygon', coordinates: rings }), `${z.properties.name} sliver`).toBeGreaterThan(1);
      }
      const members = counties.features.filter((c) => z.properties.counties.includes(c.properties.adcode));
      const memberSum = members.reduce((s, c) => s + km2(c), 0);
      expect(Math.abs(km2(z) - memberSum) / memberSum).toBeLessThan(0.001);
      expect(z.properties.areaKm2).toBeCloseTo(km2(z), 2);
    }
  });

  it('carries the plan wording: text, theme and models', () => {
    const wenhua = zones.features.find((z) => z.properties.name === '文化传承片区')!.properties;
    expect(wenhua.text).toContain('包括武乡县、沁县、襄垣县');
    expect(wenhua.models).toEqual([
      { name: '红色文化传承型', county: '武乡县' },
      { name: '绿色文化传承型', county: '沁县' },
      { name: '古村文化传承型', county: '襄垣县' },
    ]);
    for (const z of zones.features) {
      for (const m of z.properties.models) expect(z.properties.text).toContain(m.name);
      for (const c of z.properties.column3) expect(plan.column3Models).toContain(c.model);
    }
  });
});

describe('geo/context.geojson', () => {
  it('holds the neighbouring prefectures but not 长治 itself', () => {
    const names = context.features.map((f) => f.properties.name);
    expect(names).not.toContain('长治市');
    for (const n of ['晋中市', '临汾市', '晋城市', '邯郸市', '安阳市', '新乡市']) expect(names).toContain(n);
    for (const f of context.features) expect(arealProblems(f.geometry), f.properties.name).toEqual([]);
  });
});

describe('build:geo', () => {
  let build: GeoBuild;
  beforeAll(() => {
    build = buildGeo();
  }, 60_000);

  it('reproduces every committed geo/ file byte for byte', () => {
    expect(Object.keys(build.files).sort()).toEqual([
      'geo/city.geojson',
      'geo/context.geojson',
      'geo/counties.geojson',
      'geo/zones.geojson',
    ]);
    for (const [path, text] of Object.entries(build.files)) {
      expect(text === readFileSync(join(root, path), 'utf8'), `${path} is stale: run npm run build:geo`).toBe(true);
    }
  });
});
