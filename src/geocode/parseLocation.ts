/**
 * Parses a Chinese location string of the plan (建设地点, or a project name
 * that carries a place) into its parts: county, township (镇 乡 街道 办事处),
 * village (村 社区 自然村), zone (开发区 园区 新区), landmark (景区 水库 公园 …),
 * road (路 街 国道, with 段 and 号), facility (医院 中学 敬老院 …) and the
 * county town (县城).
 *
 * Pure TypeScript with no Node API: the app's CSV import reuses it in the
 * browser. It knows the county names of 长治市 (today's and the pre-2018 ones)
 * and nothing else about places: whether a part exists is the gazetteer's
 * business (scripts/geocode/).
 *
 * Names are found by their suffix, shortest name first: in 青羊镇崇岩村 the
 * first suffix after at least one character is 镇, so the parts are 青羊镇 and
 * 崇岩村. At one position the longest suffix wins (街道 over 街, 村民委员会
 * over 村), and the one-character landmark suffixes (山 峡 湖) count only at
 * the end of a segment, so 灵空山镇 is a township, not a mountain.
 */

import { COUNTY_NAMES, FACILITY_KEYWORDS, PLACE_SUFFIXES, type SuffixRule } from '../geo/placeNames.ts';

export type PartKind =
  | 'province'
  | 'city'
  | 'county'
  /** 县城, 城内 after a 县: the county town. */
  | 'countyTown'
  | 'township'
  | 'village'
  | 'community'
  /** 自然村: a hamlet inside an administrative village. */
  | 'hamlet'
  | 'zone'
  /** A part of a town: 北城区. */
  | 'area'
  | 'landmark'
  | 'road'
  | 'facility';

/** Whose facility a `facility` part is: the county's (县…, X县…), the city's (长治市…, 市…), or not said. */
export type FacilityLevel = 'county' | 'city' | null;

export interface LocationPart {
  kind: PartKind;
  /** As printed, without the line-wrap spaces. */
  text: string;
  /**
   * Normalised name: 办事处 -> 街道 (五马办事处 -> 五马街道), 村委会 -> 村,
   * old county names -> today's (长治县 -> 上党区). For a facility, the text up
   * to its keyword (第二人民医院西面空地 -> 第二人民医院).
   */
  name: string;
  /** The name without its suffix (青羊镇 -> 青羊), or null when that leaves one character or none. */
  stem: string | null;
  /** The suffix or keyword that classified the part ('' for counties and cities found by name). */
  suffix: string;
  /** True when the suffix was not printed but borrowed from the next item (景凤乡社科、韩家窑村 -> 社科 村). */
  inferred: boolean;
  /** Printed inside brackets. */
  aside: boolean;
  /** Named as a boundary of the site (北至解放东街、西至市重点五中学校), not as the site. */
  boundary: boolean;
  /** For a county: today's adcode. */
  adcode?: string;
  /** For a facility. */
  level?: FacilityLevel;
}

export interface ParseFlags {
  /** 新选 / 新选址: the site is still to be chosen. */
  newSite: boolean;
  /** 各乡镇…, 各县区: spread over many places. */
  dispersed: boolean;
  /** 附近, 毗邻, 旁: near the named place, not at it. */
  near: boolean;
}

export interface ParsedLocation {
  /** The input as given. */
  raw: string;
  /** The input with line-wrap spaces removed and brackets unified. */
  text: string;
  parts: LocationPart[];
  flags: ParseFlags;
  /** Pieces no rule classified (directions, 院内, 附近 …), in order. */
  rest: string[];
}

export interface CountyName {
  adcode: string;
  /** Today's full name (平顺县). */
  name: string;
  /** Other full names that mean this county (长治县 for 上党区). */
  aliases: readonly string[];
  /**
   * The name without 县/区 (平顺). Read as the county only where a facility
   * keyword follows (平顺中学), since short names occur inside other names
   * (长子门村 is a community of 潞州区).
   */
  short: string | null;
}

/** Today's 12 county-level units of 长治市 and the names they had before the 2018 reform (src/geo/placeNames.ts). */
export const CHANGZHI_COUNTY_NAMES: readonly CountyName[] = COUNTY_NAMES.map((c) => ({ adcode: c.adcode, name: c.name, aliases: c.former, short: c.short }));

const PROVINCES = ['山西省'];
const CITIES = ['长治市'];

const SUFFIXES = PLACE_SUFFIXES;

const COUNTY_TOWN_WORDS = ['县城'];
const NEW_SITE = /^新选(址)?$/;
const NEAR_WORDS = ['附近', '毗邻', '旁边', '旁'];
/** Leading words dropped from a segment: 建议：, 北至 …, 位于. */
const LEADING = /^(建议[:：]?|[东南西北]至|位于|毗邻|地处)/;
const ROAD_TAIL = /^([东南西北中]段)?(\d+号)?/;

/** CJK characters, CJK and full-width punctuation, and curly quotes. */
const CJK = '\\u2018-\\u201f\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
const LINE_WRAP_SPACE = new RegExp(`(?<=[${CJK}\\d])\\s+(?=[${CJK}\\d])`, 'g');

/** Removes line-wrap spaces, unifies brackets and full-width punctuation. */
export function normaliseText(raw: string): string {
  return raw
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[，]/g, ',')
    .replace(/[；]/g, ';')
    .replace(/[：]/g, ':')
    .replace(LINE_WRAP_SPACE, '')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Segment {
  text: string;
  aside: boolean;
  /** The separator that ended it ('、' lets a bare name borrow the next item's suffix). */
  sep: string;
}

function segmentsOf(text: string): Segment[] {
  const out: Segment[] = [];
  let depth = 0;
  let buf = '';
  const push = (sep: string) => {
    const t = buf.trim();
    if (t) out.push({ text: t, aside: depth > 0 || sep === ')', sep });
    buf = '';
  };
  for (const ch of text) {
    if (ch === '(') {
      push('(');
      depth++;
    } else if (ch === ')') {
      push(')');
      depth = Math.max(0, depth - 1);
    } else if (',;。、 —'.includes(ch)) {
      push(ch);
    } else {
      buf += ch;
    }
  }
  push('');
  return out;
}

function stemOf(name: string, suffix: string): string | null {
  const stem = name.endsWith(suffix) ? name.slice(0, name.length - suffix.length) : name;
  return stem.length >= 2 ? stem : null;
}

function countyAt(text: string, i: number, names: readonly CountyName[]): { county: CountyName; printed: string } | null {
  let best: { county: CountyName; printed: string } | null = null;
  for (const county of names) {
    for (const printed of [county.name, ...county.aliases]) {
      if (text.startsWith(printed, i) && (!best || printed.length > best.printed.length)) best = { county, printed };
    }
  }
  return best;
}

function shortCountyAt(text: string, i: number, names: readonly CountyName[]): { county: CountyName; printed: string } | null {
  for (const county of names) {
    const s = county.short;
    if (!s || !text.startsWith(s, i)) continue;
    // Only when a facility keyword follows directly or after a short name (平顺中学, 平顺县阳光小学 is long).
    const after = text.slice(i + s.length);
    if (FACILITY_KEYWORDS.some((k) => after.startsWith(k)) || /^[^\d]{0,4}?(中学|小学|幼儿园)/.test(after)) {
      return { county, printed: s };
    }
  }
  return null;
}

/** The earliest suffix after at least one character of name, longest at that position. */
function suffixAt(text: string, i: number): { rule: SuffixRule; end: number } | null {
  for (let p = i + 1; p < text.length; p++) {
    for (const rule of SUFFIXES) {
      if (!text.startsWith(rule.suffix, p)) continue;
      const end = p + rule.suffix.length;
      if (rule.endOnly && end !== text.length) continue;
      // 铁路, 线路 and 道路 are no streets.
      if (rule.suffix === '路' && '铁线道'.includes(text[p - 1] ?? '')) continue;
      // 南村水库, 西井村景区: a place name directly before a landmark word names the landmark.
      if (rule.kind !== 'landmark' && rule.kind !== 'road') {
        const landmark = SUFFIXES.find(
          (r) => r.kind === 'landmark' && text.startsWith(r.suffix, end) && (!r.endOnly || end + r.suffix.length === text.length),
        );
        if (landmark) return { rule: landmark, end: end + landmark.suffix.length };
      }
      return { rule, end };
    }
  }
  return null;
}

function facilityIn(text: string): { name: string; keyword: string; rest: string } | null {
  // The earliest keyword, the longest at that position: 第七中学校 -> 中学校, 中医院院内 -> 中医院.
  let best: { index: number; keyword: string } | null = null;
  for (const keyword of FACILITY_KEYWORDS) {
    const index = text.indexOf(keyword);
    if (index < 0) continue;
    if (!best || index < best.index || (index === best.index && keyword.length > best.keyword.length)) {
      best = { index, keyword };
    }
  }
  if (!best) return null;
  const end = best.index + best.keyword.length;
  return { name: text.slice(0, end), keyword: best.keyword, rest: text.slice(end) };
}

interface SegmentResult {
  parts: LocationPart[];
  rest: string[];
  /** The segment ends with a name no suffix classified (社科 in 景凤乡社科). */
  bareTail: string | null;
}

function parseSegment(
  seg: Segment,
  counties: readonly CountyName[],
  flags: ParseFlags,
  state: { context: FacilityLevel },
): SegmentResult {
  const parts: LocationPart[] = [];
  const rest: string[] = [];
  let bareTail: string | null = null;
  let s = seg.text;
  if (NEW_SITE.test(s)) {
    flags.newSite = true;
    return { parts, rest, bareTail };
  }
  if (s.startsWith('各')) {
    flags.dispersed = true;
    return { parts, rest, bareTail };
  }
  const lead = LEADING.exec(s);
  if (lead) {
    if (lead[0] === '毗邻') flags.near = true;
    s = s.slice(lead[0].length);
  }
  const boundary = lead !== null && /^[东南西北]至$/.test(lead[0]);
  const base = { stem: null, inferred: false, aside: seg.aside, boundary } as const;

  const restPiece = (piece: string, atEnd: boolean) => {
    if (NEAR_WORDS.some((w) => piece.includes(w))) flags.near = true;
    if (piece.includes('新选')) flags.newSite = true;
    rest.push(piece);
    bareTail = atEnd && !/\d/.test(piece) ? piece : null;
  };
  /** Unclassified text: a facility if it holds a keyword, else rest. */
  const unclassified = (piece: string, atEnd: boolean) => {
    const fac = facilityIn(piece);
    if (!fac) {
      restPiece(piece, atEnd);
      return;
    }
    let level: FacilityLevel = state.context;
    let name = fac.name;
    if (/^[县区](?!域)/.test(name)) {
      level = 'county';
      name = name.slice(1);
    } else if (name.startsWith('市')) {
      level = 'city';
      name = name.slice(1);
    }
    parts.push({ ...base, kind: 'facility', text: fac.name, name, suffix: fac.keyword, level });
    bareTail = null;
    if (fac.rest) restPiece(fac.rest, atEnd);
  };

  let i = 0;
  while (i < s.length) {
    bareTail = null;
    const prov = PROVINCES.find((p) => s.startsWith(p, i));
    if (prov) {
      parts.push({ ...base, kind: 'province', text: prov, name: prov, suffix: '' });
      i += prov.length;
      continue;
    }
    // A former county name may begin with the city's (长治市郊区): the longer name wins.
    const fullCounty = countyAt(s, i, counties);
    const city = CITIES.find((c) => s.startsWith(c, i) && !(fullCounty && fullCounty.printed.length > c.length));
    if (city) {
      parts.push({ ...base, kind: 'city', text: city, name: city, suffix: '' });
      state.context = 'city';
      i += city.length;
      continue;
    }
    const county = fullCounty ?? shortCountyAt(s, i, counties);
    if (county) {
      parts.push({
        ...base,
        kind: 'county',
        text: county.printed,
        name: county.county.name,
        stem: county.county.short,
        suffix: '',
        adcode: county.county.adcode,
      });
      state.context = 'county';
      i += county.printed.length;
      // 沁源县城内…: the 县 of the name also begins 县城.
      if (county.printed.endsWith('县')) {
        const town = /^城(内|区|中)?/.exec(s.slice(i));
        if (town && !s.startsWith('城关', i)) {
          parts.push({ ...base, kind: 'countyTown', text: `县${town[0]}`, name: '县城', suffix: '县城' });
          i += town[0].length;
        }
      }
      continue;
    }
    const townWord = COUNTY_TOWN_WORDS.find((w) => s.startsWith(w, i));
    if (townWord) {
      parts.push({ ...base, kind: 'countyTown', text: townWord, name: '县城', suffix: townWord });
      state.context = 'county';
      i += townWord.length;
      continue;
    }
    const hit = suffixAt(s, i);
    if (!hit) {
      unclassified(s.slice(i), true);
      break;
    }
    // A facility keyword ends a name before the next suffix (丹朱镇敬老院 is two parts,
    // but 医院路 is a road, not a hospital).
    const chunk = s.slice(i, hit.end);
    const fac = facilityIn(chunk);
    // …but 医院路 is a road named after the hospital: the keyword runs into the road suffix.
    const roadNamedAfter = hit.rule.kind === 'road' && fac !== null && chunk.length - fac.name.length <= hit.rule.suffix.length;
    if (fac && fac.name.length < chunk.length && !roadNamedAfter) {
      unclassified(fac.name, false);
      i += fac.name.length;
      continue;
    }
    let end = hit.end;
    if (hit.rule.kind === 'road') {
      const tail = ROAD_TAIL.exec(s.slice(end));
      if (tail) end += tail[0].length;
    }
    const printed = s.slice(i, end);
    const bare = s.slice(i, hit.end - hit.rule.suffix.length);
    const name = hit.rule.kind === 'road' ? printed : bare + hit.rule.canonical;
    parts.push({
      ...base,
      kind: hit.rule.kind,
      text: printed,
      name,
      stem: stemOf(name, hit.rule.canonical),
      suffix: hit.rule.suffix,
    });
    i = end;
  }
  return { parts, rest, bareTail };
}

/**
 * Parses one location string. `counties` defaults to 长治市's; pass another
 * table to parse places elsewhere.
 */
export function parseLocation(raw: string, counties: readonly CountyName[] = CHANGZHI_COUNTY_NAMES): ParsedLocation {
  const text = normaliseText(raw);
  const parts: LocationPart[] = [];
  const rest: string[] = [];
  const flags: ParseFlags = { newSite: false, dispersed: false, near: false };
  const state = { context: null as FacilityLevel };
  const segments = segmentsOf(text);
  const results = segments.map((seg) => parseSegment(seg, counties, flags, state));

  results.forEach((r, si) => {
    const seg = segments[si]!;
    const next = results[si + 1];
    const first = next?.parts[0];
    // 景凤乡社科、韩家窑村: a bare trailing name borrows the suffix of the next item.
    if (seg.sep === '、' && r.bareTail && first && BORROWABLE.includes(first.kind)) {
      const bare = r.bareTail;
      r.rest.splice(r.rest.lastIndexOf(bare), 1);
      const rule = SUFFIXES.find((x) => x.suffix === first.suffix);
      const name = bare + (rule ? rule.canonical : first.suffix);
      r.parts.push({
        kind: first.kind,
        text: bare,
        name,
        stem: bare.length >= 2 ? bare : null,
        suffix: first.suffix,
        inferred: true,
        aside: seg.aside,
        boundary: first.boundary,
      });
    }
    parts.push(...r.parts);
    rest.push(...r.rest);
  });
  return { raw, text, parts, flags, rest };
}

const BORROWABLE: readonly PartKind[] = ['township', 'village', 'community', 'hamlet', 'landmark'];
