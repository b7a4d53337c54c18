/**
 * The geocoding rules: a project and its location text -> ProjectLocation[],
 * each point inside its county and labelled with how precise it is and why.
 *
 * For a local project, in this order:
 *   1. a reviewed override (data/geocode-overrides.json)        -> manual
 *   2. a village of the gazetteer with a point                    -> village / gazetteer
 *   3. a village named but without a point, or not in the table   -> township / parent
 *   4. a township (镇 乡 街道, or a zone) with a centre            -> township / gazetteer
 *   5. 新选 (site not chosen), 各乡镇… (spread)                    -> county / county
 *   6. 县城, or a county facility (县人民医院, 县中学 …)            -> township / seat (county seat)
 *      a 市直 facility (长治市第X中学, 长治市中医医院)              -> township / seat (city seat)
 *      a street address in the urban district                     -> township / seat
 *   7. a township the project's content names                     -> township / gazetteer
 *   8. nothing                                                    -> county / county (labelPoint)
 * A multi-county project gets one location per county: the first township of
 * that county its text names, else the county's label point. A citywide
 * project gets none.
 */
import { booleanPointInPolygon, point } from '@turf/turf';
import type { Precision, Project, ProjectLocation } from '../../src/data/project.ts';
import type { CountyFeature, LonLat } from '../../src/geo/types.ts';
import {
  normaliseText,
  parseLocation,
  type LocationPart,
  type ParsedLocation,
} from '../../src/geocode/parseLocation.ts';
import { SCHOOL_KEYWORDS, SEAT_INSTITUTION_KEYWORDS } from '../../src/geo/placeNames.ts';
import { sameTownship, sameVillage, townshipSpellings, type Gazetteer, type GazetteerPlace } from './gazetteer.ts';
import type { GeocodeOverride } from './overrides.ts';

export class GeocodeError extends Error {
  constructor(where: string, what: string) {
    super(`${where}: ${what}`);
    this.name = 'GeocodeError';
  }
}

export interface GeocodeContext {
  gazetteer: Gazetteer;
  /** Today's counties by adcode, with seat and labelPoint. */
  counties: Map<string, CountyFeature>;
  /** Seat of the 长治市 government (geo/city.geojson). */
  citySeat: LonLat;
  overrides: GeocodeOverride[];
  /** File names for messages. */
  files: { projects: string; overrides: string };
}

export interface ProjectGeocode {
  id: string;
  locations: ProjectLocation[];
  /** Places the location text names that neither the gazetteer nor a rule resolved. */
  unresolved: string[];
  /** Places the gazetteer knows without a point, so their township stood in. */
  noPoint: string[];
  /** What looks wrong in the project record for geocoding. */
  warnings: string[];
}

/** Before an institution keyword: nothing, 原 (former site), or an ordinal for the city's hospitals. */
const INSTITUTION_PREFIX = /^(原|第一)?$/;
const CITY_ORDINAL_PREFIX = /^第[一二三四五六七八九十]+$/;

const VILLAGE_KINDS: readonly LocationPart['kind'][] = ['village', 'community', 'hamlet'];
const TOWNSHIP_KINDS: readonly LocationPart['kind'][] = ['township', 'zone'];
const PLACE_KINDS: readonly LocationPart['kind'][] = ['township', 'zone', 'village', 'community', 'hamlet', 'landmark', 'area'];

interface CountyInfo {
  adcode: string;
  name: string;
  feature: CountyFeature;
}

export function geocodeProject(project: Project, ctx: GeocodeContext): ProjectGeocode {
  const out: ProjectGeocode = { id: project.id, locations: [], unresolved: [], noPoint: [], warnings: [] };
  const overrides = ctx.overrides.filter((o) => o.id === project.id);
  if (project.scope === 'citywide') {
    if (overrides.length > 0) {
      throw new GeocodeError(ctx.files.overrides, `${project.id} is citywide (listed, not pinned) but has an override`);
    }
    if (project.counties.length > 0) out.warnings.push(`scope is citywide but counties are ${project.counties.join(', ')}`);
    return out;
  }
  if (project.counties.length === 0) {
    throw new GeocodeError(ctx.files.projects, `${project.id} is ${project.scope} but has no counties`);
  }
  if (project.scope === 'local' && project.counties.length !== 1) {
    out.warnings.push(`scope is local but it has ${project.counties.length} counties (${project.counties.join(', ')}); geocoded per county`);
  }
  if (project.scope === 'multi' && project.counties.length === 1) {
    out.warnings.push(`scope is multi but it has one county (${project.counties[0]})`);
  }
  const counties = project.counties.map((c) => countyInfo(c, ctx, project.id));
  for (const o of overrides) {
    if (o.county && !project.counties.includes(o.county)) {
      throw new GeocodeError(ctx.files.overrides, `${project.id}: override county ${o.county} is not among the project's counties (${project.counties.join(', ')})`);
    }
    if (!o.county && counties.length > 1) {
      throw new GeocodeError(ctx.files.overrides, `${project.id} spans several counties: its override for ${o.place} must name its county`);
    }
  }

  const texts = projectTexts(project);
  checkCountyMentions(project, texts.location, counties, out);
  const single = counties.length === 1;
  for (const county of counties) {
    const mine = overrides.filter((o) => (o.county ?? counties[0]!.adcode) === county.adcode);
    if (mine.length > 0) {
      for (const o of mine) out.locations.push(applyOverride(o, county, ctx));
      continue;
    }
    out.locations.push(single ? locateLocal(project, county, texts, ctx, out) : locateInMulti(project, county, counties, texts, ctx));
  }
  return out;
}

interface Texts {
  location: ParsedLocation | null;
  name: ParsedLocation;
  /** Name, location and content, normalised, for finding printed township names. */
  all: string;
  content: string;
}

function projectTexts(p: Project): Texts {
  return {
    location: p.locationText ? parseLocation(p.locationText) : null,
    name: parseLocation(p.name),
    all: normaliseText([p.locationText ?? '', p.name, p.content ?? ''].join(' ')),
    content: normaliseText(p.content ?? ''),
  };
}

function countyInfo(adcode: string, ctx: GeocodeContext, id: string): CountyInfo {
  const feature = ctx.counties.get(adcode);
  if (!feature) throw new GeocodeError(ctx.files.projects, `${id} has county ${adcode}, which is not in geo/counties.geojson`);
  return { adcode, name: feature.properties.name, feature };
}

function checkCountyMentions(p: Project, loc: ParsedLocation | null, counties: CountyInfo[], out: ProjectGeocode): void {
  if (!loc) return;
  for (const part of loc.parts) {
    if (part.kind === 'county' && part.adcode && !counties.some((c) => c.adcode === part.adcode)) {
      out.warnings.push(`locationText names ${part.text} (${part.adcode}) but counties are ${p.counties.join(', ')}`);
    }
  }
}

function inside(county: CountyInfo, p: LonLat): boolean {
  return booleanPointInPolygon(point(p), county.feature);
}

/** What a point stands for, as data (`town`, `village`, `placeClass`) and as the text shown (`matched`). */
type Place = Pick<ProjectLocation, 'matched' | 'town' | 'village' | 'placeClass'>;

/** A village or 社区 of the gazetteer with a point of its own. */
function villagePlace(v: GazetteerPlace): Place {
  return { matched: `${v.town!.name}${v.name}`, town: v.town!.name, village: v.name, placeClass: v.cls === 'community' ? 'community' : 'village' };
}

/** A township's centre; `tag` says which named village it stands in for (崇岩村 无坐标). */
function townPlace(t: GazetteerPlace, village: string | null = null, tag: string | null = null): Place {
  const placeClass = t.cls === 'street' || t.cls === 'zone' ? t.cls : 'town';
  return { matched: tag ? `${t.name} (${tag})` : t.name, town: t.name, village, placeClass };
}

function otherPlace(matched: string, placeClass: 'seat' | 'county' | 'site'): Place {
  return { matched, town: null, village: null, placeClass };
}

function make(
  county: CountyInfo,
  at: LonLat,
  precision: Precision,
  method: ProjectLocation['method'],
  place: Place,
  note: string | null,
  id: string,
): ProjectLocation {
  if (!inside(county, at)) {
    throw new GeocodeError(id, `${place.matched} at ${at.join(',')} is not inside ${county.name} (${county.adcode})`);
  }
  const { matched, town, village, placeClass } = place;
  return { county: county.adcode, lon: at[0], lat: at[1], precision, method, matched, town, village, placeClass, note };
}

function countyFallback(county: CountyInfo, note: string, id: string): ProjectLocation {
  return make(county, county.feature.properties.labelPoint, 'county', 'county', otherPlace(county.name, 'county'), note, id);
}

/** 迁址, 迁建, 新校区 in the name: the facility moves, and its new site is not where the old one is. */
function movingWord(p: Project): string | null {
  return /迁址|迁建|新校区/.exec(p.name)?.[0] ?? null;
}

function seatOf(county: CountyInfo, id: string, note: string, precision: Precision = 'township'): ProjectLocation {
  return make(county, county.feature.properties.seat, precision, 'seat', otherPlace(`${county.name}人民政府驻地`, 'seat'), note, id);
}

// ---------------------------------------------------------------- gazetteer look-ups

function townsOf(county: string, g: Gazetteer): GazetteerPlace[] {
  return g.towns.filter((t) => t.county === county);
}

interface TownHit {
  town: GazetteerPlace;
  printed: string;
}

/** The township a printed name means in this county, or why not. */
function resolveTownship(printed: string, county: CountyInfo, g: Gazetteer): { hit: TownHit | null; elsewhere: GazetteerPlace[] } {
  const here = townsOf(county.adcode, g).filter((t) => sameTownship(printed, t));
  if (here.length === 1) return { hit: { town: here[0]!, printed }, elsewhere: [] };
  const elsewhere = here.length === 0 ? g.towns.filter((t) => sameTownship(printed, t)) : [];
  return { hit: null, elsewhere };
}

/** A village part in a township (or anywhere in the county when the township is unknown). */
function resolveVillage(part: LocationPart, county: CountyInfo, town: GazetteerPlace | null, g: Gazetteer): GazetteerPlace | null {
  const scope = g.villages.filter((v) => v.county === county.adcode && (!town || v.town === town));
  const exact = scope.filter((v) => sameVillage(part.name, v));
  if (exact.length === 1) return exact[0]!;
  if (exact.length > 1) {
    // The same name in several townships (辛庄村): ambiguous unless they are one place.
    const withPoint = exact.filter((v) => v.point);
    return withPoint.length > 0 && withPoint.every((v) => v.point![0] === withPoint[0]!.point![0] && v.point![1] === withPoint[0]!.point![1]) && town
      ? withPoint[0]!
      : null;
  }
  // 土岭上池上自然村: a hamlet printed after its village's name, no separator.
  if (!town) return null;
  const inside = scope.filter((v) => v.stem.length >= 2 && v.stem !== v.name && part.text.includes(v.stem));
  if (inside.length === 0) return null;
  inside.sort((a, b) => b.stem.length - a.stem.length);
  const best = inside[0]!;
  return inside.length === 1 || inside[1]!.stem.length < best.stem.length ? best : null;
}

/** Townships of this county printed anywhere in `text`, first printed first. */
function townshipsNamedIn(text: string, county: CountyInfo, g: Gazetteer): TownHit[] {
  const hits: { hit: TownHit; index: number }[] = [];
  for (const t of townsOf(county.adcode, g)) {
    if (t.cls === 'other' || (t.cls === 'zone' && t.stem === t.name)) continue;
    let best: { printed: string; index: number } | null = null;
    for (const sp of townshipSpellings(t)) {
      const index = text.indexOf(sp);
      if (index >= 0 && (!best || index < best.index)) best = { printed: sp, index };
    }
    if (best) hits.push({ hit: { town: t, printed: best.printed }, index: best.index });
  }
  hits.sort((a, b) => a.index - b.index || a.hit.town.code.localeCompare(b.hit.town.code));
  return hits.map((h) => h.hit);
}

/** 规划作“王陶镇”，地名表（2016）作“王陶乡”. */
function renameNote(hit: TownHit): string | null {
  const printedSuffix = hit.printed.slice(-1);
  if (hit.town.cls === 'town' && (printedSuffix === '镇' || printedSuffix === '乡') && printedSuffix !== hit.town.name.slice(-1)) {
    return `规划作“${hit.printed}”，地名表（2016）作“${hit.town.name}”`;
  }
  return null;
}

function townNote(hit: TownHit): string | null {
  const notes: string[] = [];
  const renamed = renameNote(hit);
  if (renamed) notes.push(renamed);
  if (hit.town.pointSource === 'members') {
    notes.push(`地名表无${hit.town.name}中心点，取其 ${hit.town.derivedFrom.length} 个有坐标的村/社区（${hit.town.derivedFrom.join('、')}）的平均位置`);
  }
  return notes.length > 0 ? notes.join('；') : null;
}

function townLocation(county: CountyInfo, hit: TownHit, id: string, extra: string | null): ProjectLocation {
  const note = [townNote(hit), extra].filter(Boolean).join('；') || null;
  return make(county, hit.town.point!, 'township', 'gazetteer', townPlace(hit.town), note, id);
}

/** A street of the location text that gives its name to a 街道 of this county: 太行西街289号 -> 太行西街街道. */
function streetTownship(loc: ParsedLocation | null, county: CountyInfo, g: Gazetteer): { hit: TownHit; road: string } | null {
  for (const part of loc?.parts ?? []) {
    if (part.kind !== 'road' || part.boundary) continue;
    const road = part.name.replace(/([东南西北中]段)?(\d+号)?$/, '');
    const { hit } = resolveTownship(`${road}街道`, county, g);
    if (hit?.town.point) return { hit, road };
  }
  return null;
}

// ---------------------------------------------------------------- local projects

function locateLocal(p: Project, county: CountyInfo, texts: Texts, ctx: GeocodeContext, out: ProjectGeocode): ProjectLocation {
  const g = ctx.gazetteer;
  const loc = texts.location;
  const locParts = loc ? [...loc.parts.filter((x) => !x.aside), ...loc.parts.filter((x) => x.aside)] : [];
  const used = new Set<LocationPart>();

  // The township: printed in the location text, else in the name, else found by spelling.
  let town: TownHit | null = null;
  const otherTowns: string[] = [];
  for (const [source, parts] of [
    ['location', locParts],
    ['name', texts.name.parts],
  ] as const) {
    for (const part of parts.filter((x) => TOWNSHIP_KINDS.includes(x.kind) && !x.boundary)) {
      const { hit, elsewhere } = resolveTownship(part.name, county, g);
      if (hit) {
        used.add(part);
        if (!town) town = hit;
        else if (hit.town !== town.town) otherTowns.push(hit.town.name);
      } else if (source === 'location' && elsewhere.length > 0) {
        out.warnings.push(`locationText names ${part.text}, which the gazetteer has in ${[...new Set(elsewhere.map((e) => e.county))].join(', ')}, not in ${county.adcode}`);
      }
    }
    if (town) break;
  }
  if (!town) {
    const spelled = townshipsNamedIn(normaliseText(`${p.locationText ?? ''} ${p.name}`), county, g);
    if (spelled.length > 0) town = spelled[0]!;
  }

  // The village: printed in the location text, looked up in that township or the county.
  let village: GazetteerPlace | null = null;
  let villagePart: LocationPart | null = null;
  const villageParts = locParts.filter((x) => VILLAGE_KINDS.includes(x.kind) && !x.boundary);
  const missing: string[] = [];
  const noPoint: string[] = [];
  for (const part of [...villageParts.filter((x) => x.kind !== 'hamlet'), ...villageParts.filter((x) => x.kind === 'hamlet')]) {
    const v = resolveVillage(part, county, town?.town ?? null, g);
    if (!v) {
      if (part.kind !== 'hamlet') missing.push(part.text);
      continue;
    }
    used.add(part);
    if (!village) {
      village = v;
      villagePart = part;
    }
    if (!v.point) noPoint.push(v.name);
  }
  // 上党区义堂: a bare name in the location text that is exactly one village of the county.
  if (!village && loc) {
    for (const piece of loc.rest.filter((r) => /^[\u4e00-\u9fff]{2,}$/.test(r))) {
      const matches = g.villages.filter((v) => v.county === county.adcode && (!town || v.town === town.town) && v.stem === piece);
      if (matches.length !== 1) continue;
      village = matches[0]!;
      villagePart = { kind: 'village', text: piece, name: village.name, stem: piece, suffix: '', inferred: true, aside: false, boundary: false };
      if (!village.point) noPoint.push(village.name);
      break;
    }
  }
  if (village && !town) town = { town: village.town!, printed: village.town!.name };
  if (village && town && village.town !== town.town) {
    out.warnings.push(`${village.name} is in ${village.town!.name}, not in ${town.town.name} as printed`);
    village = null;
  }

  // Unresolved place names of the location text, reported whatever happens next.
  for (const part of locParts) {
    if (PLACE_KINDS.includes(part.kind) && !used.has(part) && !part.boundary) out.unresolved.push(part.text);
  }
  out.noPoint.push(...noPoint.map((n) => `${n}（${village?.town?.name ?? town?.town.name ?? county.name}）`));
  const also = otherTowns.length > 0 ? `另及${otherTowns.join('、')}` : null;

  if (village?.point) {
    const others = villageParts.filter((x) => x !== villagePart).map((x) => x.text);
    const renamed = town && town.town === village.town ? renameNote(town) : null;
    const note = [renamed, others.length > 0 ? `建设地点另列${others.join('、')}` : null, also].filter(Boolean).join('；') || null;
    return make(county, village.point, 'village', 'gazetteer', villagePlace(village), note, p.id);
  }
  if (town && town.town.point) {
    const named = [...noPoint, ...missing];
    if (named.length > 0) {
      const why = [
        noPoint.length > 0 ? `${noPoint.join('、')}在地名表中无坐标` : null,
        missing.length > 0 ? `${missing.join('、')}不在地名表（2016）` : null,
      ]
        .filter(Boolean)
        .join('，');
      const tag = [noPoint.length > 0 ? `${noPoint.join('、')} 无坐标` : null, missing.length > 0 ? `${missing.join('、')} 不在地名表` : null]
        .filter(Boolean)
        .join('；');
      const note = [`${why}，取所属${town.town.name}中心`, townNote(town), also].filter(Boolean).join('；');
      return make(county, town.town.point, 'township', 'parent', townPlace(town.town, noPoint[0] ?? null, tag), note, p.id);
    }
    return townLocation(county, town, p.id, also);
  }
  if (town && !town.town.point) {
    out.noPoint.push(`${town.town.name}（${county.name}）`);
  }

  const unresolvedNote = out.unresolved.length > 0 ? `“${out.unresolved.join('”“')}”不在地名表` : null;
  // 新选 alone: the site is still to be chosen. (新选址) after a described site (长子县交警队往南200米)
  // only says that site is newly chosen.
  const describesSite = loc?.parts.some((x) => !['province', 'city', 'county'].includes(x.kind)) ?? false;
  if (loc?.flags.newSite && !describesSite) {
    return countyFallback(county, [`建设地点“新选”：选址未定，取县域代表点`, unresolvedNote].filter(Boolean).join('；'), p.id);
  }
  if (loc?.flags.dispersed) {
    return countyFallback(county, `建设地点“${shown(loc)}”：分散于县内多处，取县域代表点`, p.id);
  }

  // 太行西街289号: a street that gives its name to a 街道 of the county names that 街道.
  const street = streetTownship(loc, county, g);
  if (street) {
    return townLocation(county, street.hit, p.id, `建设地点“${shown(loc!)}”在${street.road}，取以该街命名的${street.hit.town.name}（非街道地址点位）`);
  }

  // Seat rules. In the urban district every 街道 is central city: a seat there names no township.
  const urbanDistrict = inside(county, ctx.citySeat);
  const seatPrecision: Precision = urbanDistrict ? 'urban' : 'township';
  const urbanNote = (government: string) => `在中心城区；所在街道未知，点在${government}驻地，只示意中心城区（中心城区级）`;
  for (const parsed of [loc, texts.name]) {
    if (parsed?.parts.some((x) => x.kind === 'countyTown')) {
      const where = parsed === loc ? '建设地点' : '项目名称';
      return seatOf(county, p.id, `${where}称县城（${shown(parsed)}），按县政府驻地定位（驻地规则，非街道地址）`, seatPrecision);
    }
  }
  const moving = movingWord(p);
  let refused: string | null = null;
  for (const parsed of [loc, texts.name]) {
    if (!parsed) continue;
    const seat = seatFacility(parsed);
    if (!seat) continue;
    const fac = seat.part;
    if (fac.level === 'city') {
      if (!urbanDistrict) {
        out.warnings.push(`市直 facility ${fac.text} but the project's county ${county.name} does not hold the city seat`);
        continue;
      }
      const label = `长治市${fac.name}`;
      if (moving) {
        return countyFallback(county, `市直设施“${label}”：项目名称称“${moving}”，新址原文未给出，不按市政府驻地定位，取县域代表点`, p.id);
      }
      return make(
        county,
        ctx.citySeat,
        'urban',
        'seat',
        otherPlace('长治市人民政府驻地', 'seat'),
        `市直设施“${label}”${printedAt(parsed, loc, label)}按“市直设施位于中心城区”的规则${urbanNote('市政府')}`,
        p.id,
      );
    }
    const countyPart = parsed.parts.find((x) => x.kind === 'county');
    const label = countyPart ? `${countyPart.text}${fac.text}` : `${county.name}${fac.name}`;
    if (seat.refused) {
      refused ??= `“${label}”不按县城驻地定位（${seat.refused}）`;
      continue;
    }
    const level = county.name.endsWith('区') ? '区' : '县';
    if (moving) {
      return countyFallback(county, `${level}级设施“${label}”：项目名称称“${moving}”，新址原文未给出，不按${level}政府驻地定位，取县域代表点`, p.id);
    }
    const how = urbanDistrict ? `，${urbanNote(`${level}政府`)}` : `，按${level}政府驻地定位（驻地规则，非街道地址）`;
    return seatOf(county, p.id, `${level}级设施“${label}”${printedAt(parsed, loc, label)}${how}`, seatPrecision);
  }
  if (loc && urbanDistrict) {
    const roads = loc.parts.filter((x) => x.kind === 'road');
    if (roads.length > 0) {
      return seatOf(county, p.id, `市区街道地址（${roads.map((r) => r.text).join('、')}），无离线街道库；${urbanNote('区政府')}`, 'urban');
    }
  }

  // A township or village named only in the content.
  const fromContent = placeInContent(texts.content, county, g);
  if (fromContent) {
    const { town: t, village: v, printed } = fromContent;
    if (v?.point) {
      return make(county, v.point, 'village', 'gazetteer', villagePlace(v), `建设内容提到“${printed}”`, p.id);
    }
    if (v) {
      out.noPoint.push(`${v.name}（${v.town!.name}）`);
      return make(county, v.town!.point!, 'township', 'parent', townPlace(v.town!, v.name, `${v.name} 无坐标`), `建设内容提到“${printed}”，地名表中无坐标，取所属${v.town!.name}中心`, p.id);
    }
    return townLocation(county, { town: t!, printed }, p.id, `建设内容提到“${printed}”`);
  }

  const why =
    unresolvedNote ??
    (refused ? `${refused}，所在乡镇未知` : loc ? `建设地点“${shown(loc)}”未给出县以下地名` : '未给出建设地点');
  return countyFallback(county, `${why}，取县域代表点`, p.id);
}

/** The first township (with a centre) or village the content names in this county. */
function placeInContent(
  content: string,
  county: CountyInfo,
  g: Gazetteer,
): { town: GazetteerPlace | null; village: GazetteerPlace | null; printed: string } | null {
  if (!content) return null;
  const parsed = parseLocation(content);
  let town: TownHit | null = null;
  for (const part of parsed.parts.filter((x) => TOWNSHIP_KINDS.includes(x.kind))) {
    const { hit } = resolveTownship(part.name, county, g);
    if (hit?.town.point) {
      town = hit;
      break;
    }
  }
  if (!town) town = townshipsNamedIn(content, county, g).find((h) => h.town.point) ?? null;
  for (const part of parsed.parts.filter((x) => x.kind === 'village' || x.kind === 'community')) {
    const v = resolveVillage(part, county, town?.town ?? null, g);
    if (v && (v.point || v.town!.point) && (!town || v.town === town.town)) return { town: v.town, village: v, printed: part.text };
  }
  return town ? { town: town.town, village: null, printed: town.printed } : null;
}

/** A location string as printed, without the line-wrap spaces, for notes. */
function shown(parsed: ParsedLocation): string {
  return parsed.raw.replace(/\s+/g, '');
}

/** Where a facility was read, when the label alone does not say it: （建设地点“长子县交警队往南200米”）. */
function printedAt(parsed: ParsedLocation, loc: ParsedLocation | null, label: string): string {
  if (parsed !== loc) {
    const roads = loc?.parts.filter((x) => x.kind === 'road') ?? [];
    return roads.length > 0 ? `（见项目名称；建设地点为街道地址“${shown(loc!)}”，无离线街道库）` : '（见项目名称）';
  }
  return shown(parsed) === label ? '' : `（建设地点“${shown(parsed)}”）`;
}

/**
 * The first facility of a county or the city whose place is its seat town:
 * an institution (县人民医院) or, for the city, any school. A county's school
 * counts only when named for the county alone (平顺中学, 沁县中学): one with an
 * ordinal or a name of its own (平顺县第二中学校, 阳光小学) may be anywhere in
 * the county, so it is returned `refused`, with the reason; so is a county's
 * second or third hospital, which serves another part of the county.
 */
function seatFacility(parsed: ParsedLocation): { part: LocationPart; refused: string | null } | null {
  let refused: { part: LocationPart; refused: string } | null = null;
  for (const part of parsed.parts) {
    if (part.kind !== 'facility' || part.boundary || part.level === null) continue;
    const prefix = part.name.slice(0, part.name.length - part.suffix.length);
    if (SEAT_INSTITUTION_KEYWORDS.has(part.suffix)) {
      // 县第二人民医院 serves another part of the county; 长治市第二人民医院 is in the city.
      if (INSTITUTION_PREFIX.test(prefix) || (part.level === 'city' && CITY_ORDINAL_PREFIX.test(prefix))) return { part, refused: null };
      if (CITY_ORDINAL_PREFIX.test(prefix)) refused ??= { part, refused: '县第二、第三人民医院服务县内其他片区' };
    } else if (SCHOOL_KEYWORDS.includes(part.suffix)) {
      if (part.level === 'city' || prefix === '') return { part, refused: null };
      refused ??= { part, refused: `校名带序号或自有名称“${prefix}”，原文未说明在县城；只有以县名命名的中学按县城驻地` };
    }
  }
  return refused;
}

// ---------------------------------------------------------------- multi-county projects

function locateInMulti(p: Project, county: CountyInfo, all: CountyInfo[], texts: Texts, ctx: GeocodeContext): ProjectLocation {
  const named = townshipsNamedIn(texts.all, county, ctx.gazetteer).filter((h) => h.town.point);
  const span = `跨县项目（${all.map((c) => c.name).join('、')}）在${county.name}境内的部分`;
  if (named.length > 0) {
    const first = named[0]!;
    const others = named.slice(1).map((h) => h.town.name);
    return townLocation(county, first, p.id, [`${span}：文本提到“${first.printed}”`, others.length ? `另及${others.join('、')}` : null].filter(Boolean).join('；'));
  }
  return countyFallback(county, `${span}：文本未给出该县境内的乡镇或站点，取县域代表点`, p.id);
}

// ---------------------------------------------------------------- overrides

function applyOverride(o: GeocodeOverride, county: CountyInfo, ctx: GeocodeContext): ProjectLocation {
  const where = `${ctx.files.overrides} (${o.id}, ${o.place})`;
  const note = `人工核定：${o.reason}（来源：${o.source}）`;
  // A reviewed “no finer than the county”, with the reason the text does not allow more.
  if (o.precision === 'county') {
    if (o.place !== county.name || o.lon !== undefined) throw new GeocodeError(where, `a county-precision override names its county (${county.name}) and no coordinates`);
    return countyFallback(county, note, o.id);
  }
  if (o.precision === 'urban' || o.precision === 'city') throw new GeocodeError(where, `precision ${o.precision} comes from the seat rules, not from an override`);
  if (o.lon !== undefined && o.lat !== undefined) {
    const at: LonLat = [o.lon, o.lat];
    if (!inside(county, at)) throw new GeocodeError(where, `${at.join(',')} is not inside ${county.name}`);
    return make(county, at, o.precision, 'manual', otherPlace(o.place, 'site'), note, o.id);
  }
  const g = ctx.gazetteer;
  const { hit, elsewhere } = resolveTownship(o.place, county, g);
  let at: LonLat | null = null;
  let precision: Precision;
  let place: Place;
  if (hit) {
    if (!hit.town.point) throw new GeocodeError(where, `${hit.town.name} has no centre in the gazetteer; give coordinates with a source`);
    at = hit.town.point;
    precision = 'township';
    place = townPlace(hit.town);
  } else {
    const part = parseLocation(o.place).parts.find((x) => VILLAGE_KINDS.includes(x.kind));
    const v = part ? resolveVillage(part, county, null, g) : null;
    if (!v) {
      const also = elsewhere.length > 0 ? ` (the gazetteer has it in ${elsewhere.map((e) => e.county).join(', ')})` : '';
      throw new GeocodeError(where, `names no township or village of ${county.name} in the gazetteer${also}`);
    }
    if (v.point) {
      at = v.point;
      precision = 'village';
      place = villagePlace(v);
    } else {
      if (!v.town!.point) throw new GeocodeError(where, `${v.name} and its township ${v.town!.name} have no point`);
      at = v.town!.point;
      precision = 'township';
      place = townPlace(v.town!, v.name, `${v.name} 无坐标`);
    }
  }
  if (precision !== o.precision) {
    throw new GeocodeError(where, `claims precision ${o.precision} but the gazetteer resolves it to ${precision} (${place.matched})`);
  }
  return make(county, at, precision, 'manual', place, note, o.id);
}
