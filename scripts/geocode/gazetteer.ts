/**
 * The township and village gazetteer of 长治市 (../shared/gazetteer/adcode-1404,
 * Vonng/adcode, NBS codes of 2016, Amap GCJ-02 centres), read in place and
 * normalised for matching against the plan's 2021 place names:
 *
 * - names lose their office suffixes (五马街道办事处 -> 五马街道, 崇岩村委会 ->
 *   崇岩村, 东南山社区居委会 -> 东南山社区) and carry a stem (五马, 崇岩) so a
 *   乡 that became a 镇 (王陶乡 -> 王陶镇) still matches;
 * - points are converted GCJ-02 -> WGS84 once, here;
 * - each place is assigned to today's county by its point falling in today's
 *   county polygon (geo/counties.geojson), not by its 2016 code (城区, 郊区,
 *   长治县, 屯留县 and 潞城市 were reorganised in 2018). A place without a
 *   point goes with its members' points (a township) or its township (a
 *   village), and only failing both by the 2016 code's successor;
 * - a township without a centre but with two or more member points with
 *   coordinates gets their mean as its centre, marked as derived.
 *
 * Nothing of this table is written to the repository: the geocoder commits
 * only what it derives per project.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon, point } from '@turf/turf';
import type { CountyCollection, LonLat } from '../../src/geo/types.ts';
import { placeStem, successorOf2016Code, townshipClass, withoutOfficeWords } from '../../src/geo/placeNames.ts';
import { gcj02ToWgs84 } from '../geo/crs.ts';
import { roundTo } from '../geo/positions.ts';

export class GazetteerError extends Error {
  constructor(file: string, what: string) {
    super(`${file}: ${what}`);
    this.name = 'GazetteerError';
  }
}

/** The gazetteer stays in ../shared beside the repository (see its README). */
export function gazetteerDir(repoRoot: string): string {
  return join(repoRoot, '..', 'shared', 'gazetteer', 'adcode-1404');
}

export function gazetteerAvailable(repoRoot: string): boolean {
  return existsSync(gazetteerDir(repoRoot));
}

export type PlaceClass = 'town' | 'street' | 'zone' | 'village' | 'community' | 'other';

export interface GazetteerPlace {
  /** 12-digit NBS code of 2016. */
  code: string;
  parentCode: string;
  level: 'town' | 'village';
  /** As in the file: 五马街道办事处, 崇岩村委会. */
  printed: string;
  /** Normalised: 五马街道, 崇岩村, 东南山社区. */
  name: string;
  /** 五马, 崇岩: what 镇/乡 and 街道/办事处 variants share. */
  stem: string;
  cls: PlaceClass;
  /** 2016 county code (the file's adcode column). */
  county2016: string;
  /** Today's county, by point in polygon. */
  county: string;
  /** WGS84, 6 decimals; null when the gazetteer has none and none could be derived. */
  point: LonLat | null;
  /** `gazetteer`: the file's centre; `members`: the mean of member points (townships only). */
  pointSource: 'gazetteer' | 'members' | null;
  /** Names of the member points a derived centre averages. */
  derivedFrom: string[];
  /** For a village: its township. */
  town: GazetteerPlace | null;
  /** Source file name, for messages. */
  file: string;
}

export interface Gazetteer {
  dir: string;
  files: string[];
  towns: GazetteerPlace[];
  villages: GazetteerPlace[];
}

/** Normalised name and class of a gazetteer name (五马街道办事处 -> 五马街道, street). */
export function normaliseGazetteerName(printed: string, level: 'town' | 'village'): { name: string; cls: PlaceClass } {
  return withoutOfficeWords(printed, level);
}

function countyOf(p: LonLat, counties: CountyCollection): string | null {
  const pt = point(p);
  for (const f of counties.features) {
    if (booleanPointInPolygon(pt, f)) return f.properties.adcode;
  }
  return null;
}

const FIELDS = 20;

/** Reads every county file of the gazetteer and indexes it for today's counties. */
export function loadGazetteer(dir: string, counties: CountyCollection): Gazetteer {
  if (!existsSync(dir)) {
    throw new GazetteerError(
      dir,
      'not found. The geocoder reads the township gazetteer from ../shared/gazetteer/ beside the repository ' +
        '(see its README); it is not copied into the repository. Without it data/locations.json cannot be rebuilt.',
    );
  }
  const files = readdirSync(dir)
    .filter((f) => /^\d{6}\.csv$/.test(f))
    .sort();
  if (files.length === 0) throw new GazetteerError(dir, 'holds no <adcode>.csv files');
  const all: GazetteerPlace[] = [];
  for (const file of files) {
    const path = join(dir, file);
    const lines = readFileSync(path, 'utf8').split(/\r?\n/);
    lines.forEach((line, li) => {
      if (!line.trim()) return;
      const f = line.split(',');
      if (f.length !== FIELDS) {
        throw new GazetteerError(`${path}:${li + 1}`, `has ${f.length} fields, expected ${FIELDS}`);
      }
      const [code, parentCode, printed, level, , county2016] = f as [string, string, string, string, string, string];
      if (level !== 'town' && level !== 'village') return;
      const lon = f[12]!;
      const lat = f[13]!;
      let p: LonLat | null = null;
      if (lon !== '' || lat !== '') {
        const x = Number(lon);
        const y = Number(lat);
        if (!Number.isFinite(x) || !Number.isFinite(y) || x < 110 || x > 115 || y < 35 || y > 38) {
          throw new GazetteerError(`${path}:${li + 1}`, `${printed} has an impossible centre (${lon}, ${lat})`);
        }
        p = gcj02ToWgs84([x, y]);
      }
      const { name, cls } = normaliseGazetteerName(printed, level);
      all.push({
        code,
        parentCode,
        level,
        printed,
        name,
        stem: placeStem(name),
        cls,
        county2016,
        county: '',
        point: p,
        pointSource: p ? 'gazetteer' : null,
        derivedFrom: [],
        town: null,
        file,
      });
    });
  }

  const towns = all.filter((p) => p.level === 'town');
  const villages = all.filter((p) => p.level === 'village');
  const townByCode = new Map(towns.map((t) => [t.code, t]));
  for (const v of villages) {
    const t = townByCode.get(v.parentCode);
    if (!t) throw new GazetteerError(v.file, `village ${v.printed} (${v.code}) has no township ${v.parentCode}`);
    v.town = t;
  }
  const place = (p: GazetteerPlace): string => `${p.printed} (${p.code})`;
  // Points first: today's county is where the point falls.
  for (const p of all) {
    if (!p.point) continue;
    const c = countyOf(p.point, counties);
    if (!c) throw new GazetteerError(p.file, `${place(p)} at ${p.point.join(',')} lies in no county of geo/counties.geojson`);
    p.county = c;
  }
  // Townships without a centre: the mean of their members' points, in the members' county.
  for (const t of towns) {
    if (t.point) continue;
    const members = villages.filter((v) => v.town === t && v.point);
    const countiesOfMembers = [...new Set(members.map((m) => m.county))];
    if (members.length >= 2 && countiesOfMembers.length === 1) {
      const lon = members.reduce((s, m) => s + m.point![0], 0) / members.length;
      const lat = members.reduce((s, m) => s + m.point![1], 0) / members.length;
      const centre: LonLat = [roundTo(lon, 6), roundTo(lat, 6)];
      if (countyOf(centre, counties) === countiesOfMembers[0]) {
        t.point = centre;
        t.pointSource = 'members';
        t.derivedFrom = members.map((m) => m.name);
      }
    }
    t.county = countiesOfMembers.length === 1 ? countiesOfMembers[0]! : (successorOf2016Code(t.county2016) ?? t.county2016);
  }
  for (const v of villages) {
    if (!v.county) v.county = v.town!.county;
  }
  return { dir, files, towns, villages };
}

/** Do two township names name the same unit? 王陶乡 ~ 王陶镇, 五马办事处 ~ 五马街道办事处, 常平开发区 ~ 常平经济开发区. */
export function sameTownship(printed: string, place: GazetteerPlace): boolean {
  const cls = townshipClass(printed);
  if (!cls || cls !== place.cls) return false;
  return placeStem(printed) === place.stem;
}

/** Do two village names name the same village? 崇岩村 ~ 崇岩村委会, 东南山社区 ~ 东南山社区居委会. */
export function sameVillage(printed: string, place: GazetteerPlace): boolean {
  if (place.level !== 'village') return false;
  const stem = placeStem(printed);
  return stem === place.stem || printed === place.name;
}

/** Every spelling under which the plan may print a township: 王陶乡, 王陶镇; 五马街道, 五马办事处. */
export function townshipSpellings(t: GazetteerPlace): string[] {
  if (t.cls === 'town') return [`${t.stem}镇`, `${t.stem}乡`];
  if (t.cls === 'street') return [`${t.stem}街道办事处`, `${t.stem}街道`, `${t.stem}办事处`];
  if (t.cls === 'zone') return [t.name, `${t.stem}开发区`, `${t.stem}经济开发区`];
  return [t.name];
}
