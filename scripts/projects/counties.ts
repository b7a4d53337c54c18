/**
 * Which of today's 12 counties a row is in, and why.
 *
 * In order, the first step that finds something wins:
 *  1. 各县区 / 全市 in the row: citywide (explicit).
 *  2. A county named in the row (建设地点 first; else 项目名称 and 内容 together),
 *     by today's name, short name (平顺, 沁源…) or pre-2018 name: explicit.
 *  3. A town or landmark from data/annotations.json `places`: inferred.
 *  4. A county named in the 法人 / 部门 columns: inferred.
 *  5. 市直 rule: a 长治市… facility with nothing else sits in the urban district
 *     潞州区: inferred (附件4 excluded: its lines need a row annotation).
 * A row annotation can then add counties, replace them, or make the row citywide.
 */
import { COUNTIES } from '../../src/geo/countyCodes.ts';
import { CITYWIDE_WORDS, countyMentionNames } from '../../src/geo/placeNames.ts';
import type { Project, Scope } from '../../src/data/project.ts';
import type { Confidence, CountyAnnotation, Place } from './inputs.ts';

const NAME_OF = new Map<string, string>(COUNTIES.map((c) => [c.adcode, c.name]));
const CODE_OF = new Map<string, string>(COUNTIES.map((c) => [c.name, c.adcode]));

export function countyName(adcode: string): string {
  const n = NAME_OF.get(adcode);
  if (!n) throw new Error(`not a county adcode: ${adcode}`);
  return n;
}

export function countyCode(name: string): string {
  const c = CODE_OF.get(name);
  if (!c) throw new Error(`not one of 长治's 12 counties: ${name}`);
  return c;
}

/** Names that point at a county wherever they stand: today's, short forms, and the names before the 2018 reform. */
const ALIASES: [string, string][] = countyMentionNames().map((n) => [n.text, n.adcode]);

export interface Mention {
  adcode: string;
  /** The words matched. */
  text: string;
}

/** Counties named in `text`, in order of first mention, longest name first at each place. */
export function countyMentions(text: string | null): Mention[] {
  if (!text) return [];
  const found: Mention[] = [];
  let i = 0;
  while (i < text.length) {
    const hit = ALIASES.find(([alias]) => text.startsWith(alias, i));
    if (hit) {
      if (!found.some((m) => m.adcode === hit[1])) found.push({ adcode: hit[1], text: hit[0] });
      i += hit[0].length;
    } else i += 1;
  }
  return found;
}

export interface CountyResult {
  counties: string[];
  scope: Scope;
  countyBasis: Project['countyBasis'];
  /** For the row's note: what was inferred and how sure (null when explicit and clean). */
  note: string | null;
}

export interface CountyInput {
  annex: number;
  name: string;
  location: string | null;
  content: string | null;
  owner: string | null;
  department: string | null;
  leadDepartment: string | null;
}

const CITYWIDE = new RegExp(CITYWIDE_WORDS.join('|'), 'u');
const FIELD_LABEL = { location: '建设地点', name: '项目名称', content: '建设内容' } as const;

function quoteAll(ms: { text: string }[]): string {
  return [...new Set(ms.map((m) => `“${m.text}”`))].join('、');
}

function result(counties: string[], kind: 'explicit' | 'inferred', reason: string, note: string | null): CountyResult {
  const scope: Scope = counties.length === 0 ? 'citywide' : counties.length === 1 ? 'local' : 'multi';
  return { counties, scope, countyBasis: { kind, reason }, note };
}

function detect(row: CountyInput, places: Place[]): CountyResult | null {
  // 1. citywide
  for (const f of ['location', 'name', 'content'] as const) {
    const m = CITYWIDE.exec(row[f] ?? '');
    if (m) return result([], 'explicit', `${FIELD_LABEL[f]}写“${m[0]}”，为全市性项目，不落到单个县区`, null);
  }
  // 2. county named in the row
  const atLocation = countyMentions(row.location);
  if (atLocation.length > 0) {
    return result(atLocation.map((m) => m.adcode), 'explicit', `建设地点写明${quoteAll(atLocation)}`, null);
  }
  const inName = countyMentions(row.name);
  const inContent = countyMentions(row.content);
  const onlyInContent = inContent.filter((m) => !inName.some((n) => n.adcode === m.adcode));
  const named = [...inName, ...onlyInContent];
  if (named.length > 0) {
    const parts = [inName.length ? `项目名称写明${quoteAll(inName)}` : '', onlyInContent.length ? `建设内容写明${quoteAll(onlyInContent)}` : '']
      .filter(Boolean).join('，');
    return result(named.map((m) => m.adcode), 'explicit', parts, null);
  }
  // 3. towns and landmarks
  const hits: { place: Place; field: keyof typeof FIELD_LABEL }[] = [];
  for (const f of ['location', 'name', 'content'] as const) {
    for (const place of places) {
      if ((row[f] ?? '').includes(place.name) && !hits.some((h) => h.place === place)) hits.push({ place, field: f });
    }
  }
  // A longer place that contains a shorter one wins (太行山大峡谷八泉峡 over 八泉峡).
  const kept = hits.filter((h) => !hits.some((o) => o !== h && o.place.name.includes(h.place.name) && o.place.name !== h.place.name));
  if (kept.length > 0) {
    const counties = [...new Set(kept.map((h) => countyCode(h.place.county)))];
    const reason = kept.map((h) => `${FIELD_LABEL[h.field]}中的“${h.place.name}”属${h.place.county}（${h.place.evidence}）`).join('；');
    const confidence = lowest(kept.map((h) => h.place.confidence));
    return result(counties, 'inferred', reason, `县区由地名推断：${reason}。把握：${confidence}。`);
  }
  // 4. 法人 / 部门
  const orgs = (['owner', 'leadDepartment', 'department'] as const).flatMap((f) => countyMentions(row[f]).map((m) => ({ ...m, f })));
  if (orgs.length > 0) {
    const counties = [...new Set(orgs.map((m) => m.adcode))];
    const reason = `行内未写建设地点所在县区；项目法人/主管部门写${quoteAll(orgs)}，据此推断`;
    return result(counties, 'inferred', reason, `县区由项目法人/主管部门推断（${quoteAll(orgs)}）。把握：高。`);
  }
  // 5. 市直 rule
  if (row.annex !== 4 && (row.name.startsWith('长治市') || (row.owner ?? '').startsWith('长治市') || (row.department ?? '').startsWith('长治市'))) {
    const reason = '市直单位项目，行内未写地点；按“市直设施位于中心城区”的规则推定在潞州区';
    return result([countyCode('潞州区')], 'inferred', reason, `县区按市直规则推断：${reason}。把握：中（个别市直学校、设施可能位于上党区、潞城区等）。`);
  }
  return null;
}

const ORDER: Confidence[] = ['低', '中', '高'];
function lowest(cs: Confidence[]): Confidence {
  return cs.reduce((a, b) => (ORDER.indexOf(a) <= ORDER.indexOf(b) ? a : b), '高');
}

/** Detects the row's counties, then applies its annotation (if any). */
export function assignCounties(row: CountyInput, places: Place[], annotation: CountyAnnotation | undefined, id: string): CountyResult {
  const detected = detect(row, places);
  let out: CountyResult;
  if (annotation) {
    const listed = (annotation.counties ?? []).map(countyCode);
    const why = `${annotation.reason}。把握：${annotation.confidence}。`;
    if (annotation.mode === 'citywide') {
      out = result([], annotation.kind ?? 'inferred', annotation.reason, annotation.kind === 'explicit' ? null : `县区：${why}`);
    } else if (annotation.mode === 'replace') {
      if (listed.length === 0) throw new Error(`${id}: county annotation "replace" lists no county`);
      out = result(listed, 'inferred', annotation.reason, `县区推断：${why}`);
    } else {
      if (!detected || detected.scope === 'citywide') throw new Error(`${id}: county annotation "add" needs counties found in the row`);
      const counties = [...detected.counties, ...listed.filter((c) => !detected.counties.includes(c))];
      const reason = `${detected.countyBasis.reason}；另按地理推断：${annotation.reason}`;
      out = result(counties, 'inferred', reason, `县区：${detected.countyBasis.reason}（明确）；${listed.map(countyName).join('、')}为按地理推断：${why}`);
    }
  } else if (detected) {
    out = detected;
  } else {
    throw new Error(`${id}: no county found in the row; add a county annotation in data/annotations.json`);
  }
  return withOrgCheck(out, row);
}

/** Flags a 法人/部门 that names a county other than the project's (a copied cell?). */
function withOrgCheck(r: CountyResult, row: CountyInput): CountyResult {
  if (r.scope === 'citywide') return r;
  const labels = { owner: '项目法人', leadDepartment: '牵头部门', department: '主管部门' } as const;
  const clashes = (['owner', 'leadDepartment', 'department'] as const).flatMap((f) =>
    countyMentions(row[f]).filter((m) => !r.counties.includes(m.adcode)).map(() => `${labels[f]}“${row[f]}”`),
  );
  if (clashes.length === 0) return r;
  const warn = `注意：${clashes.join('、')}指向另一县区，与项目所在的${r.counties.map(countyName).join('、')}不符，疑为填表时复制了别行；按原文保留。`;
  return { ...r, note: r.note ? `${r.note}\n${warn}` : warn };
}
