/**
 * The explorer's filters applied to an imported layer's rows, so a planner
 * comparing a list with the plan sees both narrowed the same way:
 * county/zone by the row's located county, investment range on the row's
 * total (亿元), start year (the first 4-digit year in 建设起止年限; rows
 * without one kept or left out as for the plan) and 在建年份 (first to last
 * year in it), location precision, and the search text (name, location
 * text, owner). Imported rows have no category: the category filter does
 * not apply to them.
 *
 * Per layer, what the filters read is laid out once in arrays (a 100,000-row
 * layer is not re-read on every change), and the last mask is kept, so a
 * change that leaves a layer's rows as they were (a category chip) gives back
 * the same mask object and the map is not sent the layer again.
 */
import type { Precision } from '../data/project.ts';
import type { ImportedRow } from '../import/types.ts';
import { isRangeSet, searchTerms, type Filters, type Range } from './filters.ts';

/** The first 4-digit year (1900–2099) in a period text (2023-2025, 2024年, 2023.3—2026.12), else null. */
export function startYearOf(period: string | null): number | null {
  if (!period) return null;
  const m = /(?<!\d)(19|20)\d{2}(?!\d)/.exec(period);
  return m ? Number(m[0]) : null;
}

/** The last 4-digit year of a period text, or null: 2025 for 2023-2025. */
function endYearOf(period: string | null): number | null {
  const all = period?.match(/(?<!\d)(19|20)\d{2}(?!\d)/g);
  return all ? Number(all[all.length - 1]) : null;
}

export interface PreparedRows {
  rows: readonly ImportedRow[];
  county: string[];
  /** Row total in 亿元, NaN when unknown. */
  total: Float64Array;
  /** Start year, NaN when the period gives none. */
  year: Float64Array;
  /** Last year in the period (the start year when it names one), NaN when none. */
  endYear: Float64Array;
  precision: Precision[];
  /** Lower-cased name, location text and owner; built on the first search. */
  text: string[] | null;
}

const preparedCache = new WeakMap<readonly ImportedRow[], PreparedRows>();

export function prepareRows(rows: readonly ImportedRow[]): PreparedRows {
  const cached = preparedCache.get(rows);
  if (cached) return cached;
  const n = rows.length;
  const prep: PreparedRows = {
    rows,
    county: new Array<string>(n),
    total: new Float64Array(n),
    year: new Float64Array(n),
    endYear: new Float64Array(n),
    precision: new Array<Precision>(n),
    text: null,
  };
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    prep.county[i] = r.location.county;
    prep.total[i] = r.total ?? Number.NaN;
    prep.year[i] = startYearOf(r.period) ?? Number.NaN;
    prep.endYear[i] = Math.max(prep.year[i]!, endYearOf(r.period) ?? Number.NaN);
    prep.precision[i] = r.location.precision;
  }
  preparedCache.set(rows, prep);
  return prep;
}

function rowText(r: ImportedRow): string {
  return [r.name, r.locationText, r.owner]
    .filter((s): s is string => !!s)
    .join('\n')
    .toLowerCase();
}

/** True when none of the filters that apply to imported rows is set (the category filter does not apply). */
export function rowFiltersEmpty(f: Filters): boolean {
  return (
    f.counties.length === 0 &&
    f.zone === null &&
    !isRangeSet(f.investment) &&
    !isRangeSet(f.startYear) &&
    f.asOf === null &&
    f.precisions.length === 0 &&
    searchTerms(f.query).length === 0
  );
}

function rangeTest(r: Range): ((v: number) => boolean) | null {
  if (!isRangeSet(r)) return null;
  const lo = r.min ?? -Infinity;
  const hi = r.max ?? Infinity;
  // NaN (unknown) fails both comparisons: unknown rows drop out when a bound is set.
  return (v) => v >= lo && v <= hi;
}

export interface RowMatches {
  /** 1 for each row (in the layer's order) that matches. */
  mask: Uint8Array;
  count: number;
}

/** Which rows match: one pass over the prepared arrays. */
export function matchRows(prep: PreparedRows, f: Filters, zoneCounties: (zone: string) => readonly string[]): RowMatches {
  const n = prep.rows.length;
  const mask = new Uint8Array(n);
  if (rowFiltersEmpty(f)) {
    mask.fill(1);
    return { mask, count: n };
  }
  const counties = f.counties.length > 0 ? new Set(f.counties) : null;
  const zone = f.zone === null ? null : new Set(zoneCounties(f.zone));
  const amount = rangeTest(f.investment);
  const year = rangeTest(f.startYear);
  const keepNoYear = f.unknownYear === 'include';
  const asOf = f.asOf;
  const precisions = f.precisions.length > 0 ? new Set<Precision>(f.precisions) : null;
  const terms = searchTerms(f.query);
  let text: string[] | null = null;
  if (terms.length > 0) text = prep.text ??= prep.rows.map(rowText);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (counties && !counties.has(prep.county[i]!)) continue;
    if (zone && !zone.has(prep.county[i]!)) continue;
    if (amount && !amount(prep.total[i]!)) continue;
    if (year && (Number.isNaN(prep.year[i]!) ? !keepNoYear : !year(prep.year[i]!))) continue;
    // NaN (no year) fails both comparisons: a row without years is not under construction in any.
    if (asOf !== null && !(prep.year[i]! <= asOf && asOf <= prep.endYear[i]!)) continue;
    if (precisions && !precisions.has(prep.precision[i]!)) continue;
    if (text) {
      const t = text[i]!;
      if (!terms.every((term) => t.includes(term))) continue;
    }
    mask[i] = 1;
    count++;
  }
  return { mask, count };
}

/** One row against the filters (for tests and single rows; layers go through matchRows). */
export function rowMatches(r: ImportedRow, f: Filters, zoneCounties: (zone: string) => readonly string[]): boolean {
  return matchRows(prepareRows([r]), f, zoneCounties).count === 1;
}

function sameMask(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const lastMatch = new WeakMap<readonly ImportedRow[], { filters: Filters; zoneCounties: unknown; result: RowMatches }>();

/**
 * matchRows for a layer's rows, remembered: the same filters give the same
 * object, and so do new filters that select exactly the same rows.
 */
export function layerMatches(rows: readonly ImportedRow[], f: Filters, zoneCounties: (zone: string) => readonly string[]): RowMatches {
  const last = lastMatch.get(rows);
  if (last && last.filters === f && last.zoneCounties === zoneCounties) return last.result;
  let result = matchRows(prepareRows(rows), f, zoneCounties);
  if (last && last.zoneCounties === zoneCounties && last.result.count === result.count && sameMask(last.result.mask, result.mask)) result = last.result;
  lastMatch.set(rows, { filters: f, zoneCounties, result });
  return result;
}
