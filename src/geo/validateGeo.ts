import type { FeatureCollection } from 'geojson';
import { COUNTIES } from './countyCodes.ts';
import type { GeoBundle } from './types.ts';

export class GeoValidationError extends Error {
  constructor(file: string, index: number | null, field: string, reason: string) {
    super(`${file}${index === null ? '' : ` feature ${index}`}: ${field}: ${reason}`);
    this.name = 'GeoValidationError';
  }
}

type Check = (props: Record<string, unknown>, fail: (field: string, reason: string) => never) => void;

const isLonLat = (v: unknown): boolean =>
  Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number' && Number.isFinite(n));

function checkCollection(fc: FeatureCollection, file: string, check: Check): void {
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new GeoValidationError(file, null, 'type', 'expected a GeoJSON FeatureCollection');
  }
  fc.features.forEach((f, i) => {
    const fail = (field: string, reason: string): never => {
      throw new GeoValidationError(file, i, field, reason);
    };
    const t = f?.geometry?.type;
    if (t !== 'Polygon' && t !== 'MultiPolygon') fail('geometry.type', `expected Polygon or MultiPolygon, got ${String(t)}`);
    check((f.properties ?? {}) as Record<string, unknown>, fail);
  });
}

const str = (p: Record<string, unknown>, key: string, fail: (f: string, r: string) => never): void => {
  if (typeof p[key] !== 'string' || (p[key] as string).length === 0) fail(`properties.${key}`, 'expected a non-empty string');
};
const num = (p: Record<string, unknown>, key: string, fail: (f: string, r: string) => never): void => {
  if (typeof p[key] !== 'number' || !((p[key] as number) > 0)) fail(`properties.${key}`, 'expected a positive number');
};
const lonLat = (p: Record<string, unknown>, key: string, fail: (f: string, r: string) => never): void => {
  if (!isLonLat(p[key])) fail(`properties.${key}`, 'expected [lon, lat]');
};

/**
 * Checks the shape of the four geo files before anything draws them, so a
 * broken deployment says which file and field is wrong instead of drawing
 * nothing.
 */
export function validateGeoBundle(raw: Record<keyof GeoBundle, FeatureCollection>): GeoBundle {
  checkCollection(raw.counties, 'geo/counties.geojson', (p, fail) => {
    str(p, 'adcode', fail);
    str(p, 'name', fail);
    str(p, 'zone', fail);
    num(p, 'areaKm2', fail);
    lonLat(p, 'seat', fail);
    lonLat(p, 'labelPoint', fail);
  });
  const codes = raw.counties.features.map((f) => String(f.properties?.adcode)).sort();
  const expected: string[] = COUNTIES.map((c) => c.adcode).sort();
  if (codes.join() !== expected.join()) {
    throw new GeoValidationError('geo/counties.geojson', null, 'properties.adcode', `expected the 12 counties ${expected.join(',')}, got ${codes.join(',')}`);
  }
  checkCollection(raw.city, 'geo/city.geojson', (p, fail) => {
    str(p, 'name', fail);
    num(p, 'areaKm2', fail);
    lonLat(p, 'seat', fail);
  });
  checkCollection(raw.zones, 'geo/zones.geojson', (p, fail) => {
    str(p, 'name', fail);
    num(p, 'areaKm2', fail);
    lonLat(p, 'labelPoint', fail);
    if (!Array.isArray(p.counties) || p.counties.some((c) => !expected.includes(String(c)))) {
      fail('properties.counties', 'expected adcodes of 长治 counties');
    }
  });
  checkCollection(raw.context, 'geo/context.geojson', (p, fail) => {
    str(p, 'name', fail);
    lonLat(p, 'labelPoint', fail);
  });
  return raw as unknown as GeoBundle;
}
