/**
 * Shared by the geocoder tests: the repository root, whether the gazetteer is
 * beside it (../shared/gazetteer), and the county polygons.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CityCollection, CountyCollection } from '../../src/geo/types.ts';
import { gazetteerAvailable, gazetteerDir } from '../../scripts/geocode/gazetteer.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const HAS_GAZETTEER = gazetteerAvailable(ROOT);
export const HAS_PROJECTS = existsSync(join(ROOT, 'data', 'projects.json'));

/** Appended to the names of suites that need the gazetteer, so a skip says why. */
export const NEEDS_GAZETTEER = HAS_GAZETTEER
  ? ''
  : ` [SKIPPED: the gazetteer is not at ${gazetteerDir(ROOT)}; it stays in ../shared beside the repository]`;

if (!HAS_GAZETTEER) {
  console.warn(`geocoder tests that need the gazetteer are skipped:${NEEDS_GAZETTEER}`);
}

export const NEEDS_PROJECTS = HAS_PROJECTS ? '' : ' [SKIPPED: data/projects.json is not there yet]';

export function readCounties(): CountyCollection {
  return JSON.parse(readFileSync(join(ROOT, 'geo', 'counties.geojson'), 'utf8')) as CountyCollection;
}

export function readCity(): CityCollection {
  return JSON.parse(readFileSync(join(ROOT, 'geo', 'city.geojson'), 'utf8')) as CityCollection;
}
