import { isCountyAdcode } from '../geo/countyCodes.ts';
import { LOCATION_METHODS, PLACE_CLASSES, PRECISIONS, type LocationsById, type ProjectLocation } from './project.ts';

const METHODS: readonly string[] = LOCATION_METHODS;
/** Place classes that are a gazetteer place, and so name their township. */
const GAZETTEER_CLASSES: readonly string[] = ['village', 'community', 'town', 'street', 'zone'];
/** A generous box around 长治: a point outside it cannot be right. */
const BOX = { lon: [111.5, 114.2], lat: [35.5, 37.3] } as const;

export class LocationsError extends Error {
  constructor(file: string, id: string, index: number | null, field: string, reason: string) {
    super(`${file} project ${id}${index === null ? '' : ` location ${index}`}: field ${field}: ${reason}`);
    this.name = 'LocationsError';
  }
}

/** Checks data/locations.json and returns it typed; throws naming project, location and field. */
export function parseLocations(json: unknown, projectIds: readonly string[], file = 'data/locations.json'): LocationsById {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new LocationsError(file, '-', null, '(root)', 'expected an object keyed by project id');
  }
  const byId = json as Record<string, unknown>;
  const known = new Set(projectIds);
  for (const id of Object.keys(byId)) {
    if (!known.has(id)) throw new LocationsError(file, id, null, '(key)', 'no such project in data/projects.json');
  }
  const out: LocationsById = {};
  for (const id of projectIds) {
    const list = byId[id];
    if (list === undefined) {
      out[id] = [];
      continue;
    }
    if (!Array.isArray(list)) throw new LocationsError(file, id, null, '(value)', 'expected an array of locations');
    out[id] = list.map((raw, i): ProjectLocation => {
      const fail = (field: string, reason: string): never => {
        throw new LocationsError(file, id, i, field, reason);
      };
      const l = raw as Record<string, unknown>;
      if (typeof l !== 'object' || l === null) fail('(value)', 'expected an object');
      if (typeof l.county !== 'string' || !isCountyAdcode(l.county)) fail('county', `expected a 长治 county adcode, got ${JSON.stringify(l.county)}`);
      if (typeof l.lon !== 'number' || !(l.lon >= BOX.lon[0] && l.lon <= BOX.lon[1])) fail('lon', `expected a longitude in 长治, got ${JSON.stringify(l.lon)}`);
      if (typeof l.lat !== 'number' || !(l.lat >= BOX.lat[0] && l.lat <= BOX.lat[1])) fail('lat', `expected a latitude in 长治, got ${JSON.stringify(l.lat)}`);
      if (!(PRECISIONS as readonly unknown[]).includes(l.precision)) fail('precision', `expected one of ${PRECISIONS.join(', ')}`);
      if (!METHODS.includes(l.method as string)) fail('method', `expected one of ${METHODS.join(', ')}`);
      if (typeof l.matched !== 'string' || l.matched === '') fail('matched', 'expected the place matched');
      if (!(PLACE_CLASSES as readonly unknown[]).includes(l.placeClass)) fail('placeClass', `expected one of ${PLACE_CLASSES.join(', ')}`);
      const gazetteerPlace = GAZETTEER_CLASSES.includes(l.placeClass as string);
      if (gazetteerPlace ? typeof l.town !== 'string' || l.town === '' : l.town !== null) {
        fail('town', gazetteerPlace ? 'expected the township of a gazetteer place' : `expected null for a ${String(l.placeClass)} point`);
      }
      if (l.village !== null && (typeof l.village !== 'string' || l.village === '' || !gazetteerPlace)) fail('village', 'expected a village name inside a township, or null');
      if ((l.placeClass === 'village' || l.placeClass === 'community') && l.village === null) fail('village', `expected the village of a ${String(l.placeClass)} point`);
      if (l.note !== null && typeof l.note !== 'string') fail('note', 'expected text or null');
      return l as unknown as ProjectLocation;
    });
  }
  return out;
}
