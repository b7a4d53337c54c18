import type { FeatureCollection } from 'geojson';
import cityUrl from '../../geo/city.geojson?url';
import contextUrl from '../../geo/context.geojson?url';
import countiesUrl from '../../geo/counties.geojson?url';
import zonesUrl from '../../geo/zones.geojson?url';
import { validateGeoBundle } from './validateGeo.ts';
import type { GeoBundle } from './types.ts';

export class DataLoadError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'DataLoadError';
  }
}

/** Fetches a JSON file of the app's own; errors name the file. */
export async function fetchJson(url: string, file: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (err) {
    throw new DataLoadError(file, `could not be fetched (${String(err)})`);
  }
  if (!response.ok) throw new DataLoadError(file, `answered HTTP ${response.status}`);
  try {
    return (await response.json()) as unknown;
  } catch {
    throw new DataLoadError(file, 'is not valid JSON');
  }
}

/** Fetches the committed geo/ files (served as hashed assets of the build) and checks them. */
export async function loadGeo(): Promise<GeoBundle> {
  const [counties, city, zones, context] = (await Promise.all([
    fetchJson(countiesUrl, 'geo/counties.geojson'),
    fetchJson(cityUrl, 'geo/city.geojson'),
    fetchJson(zonesUrl, 'geo/zones.geojson'),
    fetchJson(contextUrl, 'geo/context.geojson'),
  ])) as FeatureCollection[];
  return validateGeoBundle({ counties: counties!, city: city!, zones: zones!, context: context! });
}
