/**
 * What validation needs to know about 长治, built once from the app's own
 * data: the counties (names, label points, a point-in-county locator), the
 * townships and villages the built-in locations matched (the only place names
 * the app knows: the pipeline's gazetteer is not shipped), and the names of
 * the plan's projects, to flag an imported row that repeats one.
 */
import { countyLocator } from '../analysis/countyLocator.ts';
import { isGazetteerPlace, placeLabel } from '../analysis/places.ts';
import type { LocatedProject, Precision } from '../data/project.ts';
import { parseLocation } from '../geocode/parseLocation.ts';
import { countyNamedBy, placeStem } from '../geo/placeNames.ts';
import type { CountyCollection, LonLat } from '../geo/types.ts';

export interface KnownPlace {
  /** 青羊镇, or 集店乡辛村 for a village. */
  name: string;
  lon: number;
  lat: number;
  precision: Precision;
}

export interface CountyInfo {
  adcode: string;
  name: string;
  labelPoint: LonLat;
}

export interface ImportContext {
  counties: ReadonlyMap<string, CountyInfo>;
  /** WGS84 point -> county adcode, or null outside 长治. */
  locate: (lon: number, lat: number) => string | null;
  /** Per county: township stem (青羊) -> place; village stem (辛村 -> 辛) keyed `township|village` and `|village`. */
  townships: ReadonlyMap<string, ReadonlyMap<string, KnownPlace>>;
  villages: ReadonlyMap<string, ReadonlyMap<string, KnownPlace>>;
  /** Normalised plan project name -> project id. */
  builtInNames: ReadonlyMap<string, string>;
  /** The whole city's bounding box, to say how far off a point is. */
  cityBox: [number, number, number, number];
}

/** For comparing names: NFKC, no spaces or punctuation, lower case. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
}

export function buildImportContext(counties: CountyCollection, projects: readonly LocatedProject[]): ImportContext {
  const countyMap = new Map<string, CountyInfo>(
    counties.features.map((f) => [f.properties.adcode, { adcode: f.properties.adcode, name: f.properties.name, labelPoint: f.properties.labelPoint }]),
  );
  const townships = new Map<string, Map<string, KnownPlace>>();
  const villages = new Map<string, Map<string, KnownPlace>>();
  const bucket = (m: Map<string, Map<string, KnownPlace>>, county: string) => {
    let b = m.get(county);
    if (!b) m.set(county, (b = new Map()));
    return b;
  };
  for (const p of projects) {
    for (const l of p.locations) {
      if (!isGazetteerPlace(l) || l.town === null) continue;
      if (l.precision !== 'township' && l.precision !== 'village') continue;
      const place: KnownPlace = { name: placeLabel(l), lon: l.lon, lat: l.lat, precision: l.precision };
      const town = placeStem(l.town);
      if (l.precision === 'township') {
        if (!bucket(townships, l.county).has(town)) bucket(townships, l.county).set(town, place);
      } else if (l.village !== null) {
        const v = placeStem(l.village);
        const b = bucket(villages, l.county);
        if (!b.has(`${town}|${v}`)) b.set(`${town}|${v}`, place);
        if (!b.has(`|${v}`)) b.set(`|${v}`, place);
      }
    }
  }
  const builtInNames = new Map<string, string>();
  for (const p of projects) {
    const key = normaliseName(p.name);
    if (key && !builtInNames.has(key)) builtInNames.set(key, p.id);
  }
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of counties.features) {
    const walk = (c: unknown): void => {
      if (Array.isArray(c) && typeof c[0] === 'number') {
        const [x, y] = c as number[];
        w = Math.min(w, x!);
        e = Math.max(e, x!);
        s = Math.min(s, y!);
        n = Math.max(n, y!);
      } else if (Array.isArray(c)) c.forEach(walk);
    };
    walk(f.geometry.coordinates);
  }
  return { counties: countyMap, locate: countyLocator(counties), townships, villages, builtInNames, cityBox: [w, s, e, n] };
}

/**
 * A county named in a cell: adcode, full name, short name (平顺), a former
 * name (长治县, 长治市郊区, 郊区) or 2016 code, or a county named inside a longer text.
 */
export function countyFromText(text: string): string | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (t === '') return null;
  const named = countyNamedBy(t);
  if (named) return named;
  const county = parseLocation(t).parts.find((p) => p.kind === 'county');
  return county?.adcode ?? null;
}
