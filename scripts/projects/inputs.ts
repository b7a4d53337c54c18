/**
 * The hand-written inputs beside the seed:
 *  - data/repairs.json: rows whose printed cells are merged or missing, each with
 *    the raw line it replaces, the corrected cells, the reason and other readings.
 *  - data/annotations.json: judgments that change no printed cell: notes,
 *    other readings, duplicates and part-of links, county inferences for lines
 *    and unknown sites, and the town/landmark table used to infer counties.
 */
import { SUBCATEGORIES, type Subcategory } from '../../src/data/project.ts';
import type { Key } from './columns.ts';

export type Confidence = '高' | '中' | '低';

export interface Repair {
  id: string;
  /** 1-based seed line of the row. */
  line: number;
  /** The row exactly as printed; the repair applies only if the seed still says this. */
  raw: string;
  /** Every column of the corrected row, as the cell would read ('' for blank). */
  cells: Partial<Record<Key, string>>;
  reason: string;
  confidence: Confidence;
  alternatives: string[];
}

export interface RepairsFile {
  repairs: Repair[];
}

export interface Place {
  name: string;
  /** Today's county name (潞州区 …). */
  county: string;
  /** Why: the 2016 区划代码 entry, or what the landmark is. */
  evidence: string;
  confidence: Confidence;
}

export interface CountyAnnotation {
  /** add: to those named in the row; replace: set them; citywide: none. */
  mode: 'add' | 'replace' | 'citywide';
  /** County names (潞州区 …). */
  counties?: string[];
  /** For citywide: explicit when the row says so (市级平台); else inferred. */
  kind?: 'explicit' | 'inferred';
  reason: string;
  confidence: Confidence;
}

/** A 附件2 row's sub-category where the name rules give none or the wrong one, with why. */
export interface SubcategoryAnnotation {
  value: Subcategory;
  reason: string;
}

export interface RowAnnotation {
  id: string;
  /** Ours, for lists and maps, where the printed name does not say what the project is. */
  displayName?: string;
  subcategory?: SubcategoryAnnotation;
  note?: string;
  alternatives?: string[];
  duplicateOf?: string;
  partOf?: string;
  locationText?: string;
  county?: CountyAnnotation;
}

export interface AnnotationsFile {
  places: Place[];
  rows: RowAnnotation[];
}

function fail(file: string, what: string): never {
  throw new Error(`${file}: ${what}`);
}

const CONFIDENCE = ['高', '中', '低'];

export function checkRepairs(json: unknown, file = 'data/repairs.json'): RepairsFile {
  const f = json as RepairsFile;
  if (!f || !Array.isArray(f.repairs)) fail(file, 'expected { "repairs": [...] }');
  const seen = new Set<string>();
  for (const r of f.repairs) {
    const at = `repair ${JSON.stringify(r?.id)}`;
    if (typeof r.id !== 'string' || seen.has(r.id)) fail(file, `${at}: missing or repeated id`);
    seen.add(r.id);
    if (!Number.isInteger(r.line) || typeof r.raw !== 'string' || r.raw === '') fail(file, `${at}: needs line and raw`);
    if (typeof r.cells !== 'object' || r.cells === null) fail(file, `${at}: needs cells`);
    if (typeof r.reason !== 'string' || r.reason === '') fail(file, `${at}: needs a reason`);
    if (!CONFIDENCE.includes(r.confidence)) fail(file, `${at}: confidence must be 高/中/低`);
    if (!Array.isArray(r.alternatives)) fail(file, `${at}: alternatives must be an array`);
  }
  return f;
}

export function checkAnnotations(json: unknown, file = 'data/annotations.json'): AnnotationsFile {
  const f = json as AnnotationsFile;
  if (!f || !Array.isArray(f.places) || !Array.isArray(f.rows)) fail(file, 'expected { "places": [...], "rows": [...] }');
  for (const p of f.places) {
    if (!p.name || !p.county || !p.evidence || !CONFIDENCE.includes(p.confidence)) fail(file, `place ${JSON.stringify(p)} is incomplete`);
  }
  const seen = new Set<string>();
  for (const r of f.rows) {
    if (typeof r.id !== 'string' || seen.has(r.id)) fail(file, `row annotation ${JSON.stringify(r.id)}: missing or repeated id`);
    seen.add(r.id);
    if (r.displayName !== undefined && (typeof r.displayName !== 'string' || r.displayName.trim() === '')) fail(file, `${r.id}: displayName must be non-empty text`);
    if (r.subcategory !== undefined && (!SUBCATEGORIES.includes(r.subcategory.value) || !r.subcategory.reason)) {
      fail(file, `${r.id}: subcategory needs a value (${SUBCATEGORIES.join(', ')}) and a reason`);
    }
    if (r.county) {
      const c = r.county;
      if (!['add', 'replace', 'citywide'].includes(c.mode) || !c.reason || !CONFIDENCE.includes(c.confidence)) {
        fail(file, `${r.id}: county annotation needs mode, reason and confidence`);
      }
    }
  }
  return f;
}
