/**
 * Table + column mapping -> rows accepted (typed, in 亿元, located with their
 * precision) and rows rejected (row number, the column at fault, the reason,
 * the raw cells). Pure and total: any input yields a result, never an
 * exception, and every row ends up in exactly one of the two lists.
 */
import { countyFromText, normaliseName, type ImportContext } from './context.ts';
import { LIMITS } from './limits.ts';
import { locateByCoordinates, locateByPlace } from './locate.ts';
import { readAmount, readCoordinate } from './numbers.ts';
import {
  FIELD_LABEL,
  type FieldKey,
  type ImportOptions,
  type ImportResult,
  type ImportedLocation,
  type ImportedRow,
  type RejectedRow,
  type Table,
  type TableRecord,
} from './types.ts';
import { errorMessage } from '../errorMessage.ts';
import { oneLine, stripInvisible } from '../security/invisibleText.ts';

const invisibleRemoved = (label: string) => `${label}中的不可见字符或控制字符已删除`;

/** Cleans a text cell: invisible characters removed (src/security/invisibleText.ts), spaces trimmed, length bounded. Notes what it changed. */
export function cleanText(cell: string, limit: number, warn: (w: string) => void, label: string): string | null {
  const visible = stripInvisible(cell);
  if (visible !== cell) warn(invisibleRemoved(label));
  let t = visible.trim();
  if (t.length > limit) {
    t = `${t.slice(0, limit)}…`;
    warn(`${label}超过 ${limit} 字，已截断`);
  }
  return t === '' ? null : t;
}

function rawCells(r: TableRecord): string[] {
  const cells = r.extra ? [...r.cells, ...r.extra] : r.cells;
  return cells.map((c) => (c.length > LIMITS.rawChars ? `${c.slice(0, LIMITS.rawChars)}…` : c));
}

interface Problem {
  field: string;
  reason: string;
}

/** Validates one record; returns the row or its problems. `seen` tracks names within the file. */
export function validateRecord(
  table: Table,
  r: TableRecord,
  options: ImportOptions,
  ctx: ImportContext,
  seen: Map<string, number>,
): { row: ImportedRow } | { problems: Problem[] } {
  const { mapping } = options;
  const problems: Problem[] = [];
  const warnings: string[] = [];
  const warn = (w: string) => warnings.push(w);
  const header = (f: FieldKey) => {
    const i = mapping[f];
    return i === undefined ? FIELD_LABEL[f] : table.columns[i]?.trim() || FIELD_LABEL[f];
  };
  const cell = (f: FieldKey): string => {
    const i = mapping[f];
    return i === undefined ? '' : (r.cells[i] ?? '');
  };
  const text = (f: FieldKey) => cleanText(cell(f), LIMITS.cellChars, warn, FIELD_LABEL[f]);

  if (r.error) return { problems: [r.error] };

  // Name: on one line, nothing invisible; a name with nothing visible is missing.
  const nameCell = cell('name');
  const visibleName = oneLine(nameCell);
  let name = '';
  if (mapping.name === undefined) problems.push({ field: FIELD_LABEL.name, reason: '没有指定项目名称所在的列' });
  else if (visibleName === '') {
    problems.push({ field: header('name'), reason: nameCell.trim() === '' ? '缺少项目名称' : '缺少项目名称（只有不可见字符）' });
  } else if (visibleName.length > LIMITS.nameChars) problems.push({ field: header('name'), reason: `项目名称超过 ${LIMITS.nameChars} 字` });
  else {
    name = visibleName;
    if (stripInvisible(nameCell) !== nameCell) warn(invisibleRemoved('项目名称'));
  }

  // Amounts, converted to 亿元.
  const amount = (f: 'total' | 'plan'): number | null => {
    if (mapping[f] === undefined) return null;
    const read = readAmount(cell(f));
    if (!read.ok) {
      problems.push({ field: header(f), reason: read.reason });
      return null;
    }
    if (read.value === null) return null;
    const unit = read.unit ?? options.unit;
    const yi = unit === '万元' ? read.value / 10000 : read.value;
    if (yi > LIMITS.amountYi) {
      problems.push({ field: header(f), reason: `数额 ${cell(f).trim().slice(0, 30)}（${unit}）超过 10 万亿元，不合理：请检查单位` });
      return null;
    }
    return Math.round(yi * 1e6) / 1e6;
  };
  const total = amount('total');
  const plan = amount('plan');

  // County named in its column.
  const countyCell = stripInvisible(cell('county')).trim();
  let county: string | null = null;
  if (countyCell !== '') {
    county = countyFromText(countyCell);
    if (!county) problems.push({ field: header('county'), reason: `未知的县区“${countyCell.slice(0, 30)}”：应为长治市 12 个县区之一（如 平顺县）` });
  }
  const locationText = text('location');

  // Coordinates: from the GeoJSON geometry, else the lon/lat columns.
  let location: ImportedLocation | null = null;
  let coords: { lon: number; lat: number; decimals: number } | null = null;
  let coordsField = `${header('lon')}/${header('lat')}`;
  if (r.geometry && 'error' in r.geometry) problems.push({ field: '几何', reason: r.geometry.error });
  else if (r.geometry) {
    const lonRead = readCoordinate(r.geometry.text[0]);
    const latRead = readCoordinate(r.geometry.text[1]);
    coords = { lon: r.geometry.lon, lat: r.geometry.lat, decimals: Math.min(lonRead.ok ? lonRead.decimals : 6, latRead.ok ? latRead.decimals : 6) };
    coordsField = '几何';
  } else {
    const lonCell = cell('lon').trim();
    const latCell = cell('lat').trim();
    if (lonCell !== '' || latCell !== '') {
      if (lonCell === '') problems.push({ field: header('lon'), reason: '有纬度而缺少经度' });
      else if (latCell === '') problems.push({ field: header('lat'), reason: '有经度而缺少纬度' });
      else {
        const lon = readCoordinate(lonCell);
        const lat = readCoordinate(latCell);
        if (!lon.ok) problems.push({ field: header('lon'), reason: lon.reason });
        if (!lat.ok) problems.push({ field: header('lat'), reason: lat.reason });
        if (lon.ok && lat.ok) coords = { lon: lon.value, lat: lat.value, decimals: Math.min(lon.decimals, lat.decimals) };
      }
    }
  }
  if (coords) {
    const outcome = locateByCoordinates(ctx, coords.lon, coords.lat, coords.decimals, options.crs);
    if (!outcome.ok) problems.push({ field: coordsField, reason: outcome.reason });
    else {
      location = outcome.location;
      if (county && county !== location.county) {
        warn(`坐标位于${ctx.counties.get(location.county)?.name ?? location.county}，与所填县区“${countyCell}”不符：以坐标为准`);
      }
    }
  } else if (problems.every((p) => p.field !== coordsField && p.field !== header('lon') && p.field !== header('lat') && p.field !== '几何')) {
    // No coordinates: the county, from its column or the location text.
    const byText = locationText ? countyFromText(locationText) : null;
    const where = county ?? byText;
    if (where) {
      if (county && byText && county !== byText) warn(`建设地点提到${ctx.counties.get(byText)?.name ?? byText}，与所填县区“${countyCell}”不符：以县区列为准`);
      location = locateByPlace(ctx, where, locationText);
    } else if (countyCell === '') {
      problems.push({
        field: mapping.county !== undefined ? header('county') : FIELD_LABEL.county,
        reason: '无法定位：没有经纬度，也没有县区（县区列为空，建设地点中也没有县区名）',
      });
    }
  }

  if (problems.length > 0 || !location) return { problems };

  // Same name as a plan project, or as an earlier row.
  const key = normaliseName(name);
  const duplicateOf = ctx.builtInNames.get(key) ?? null;
  if (duplicateOf) warn(`与规划项目 ${duplicateOf} 同名：可能是同一项目，导入的图层不计入规划的合计`);
  const earlier = seen.get(key);
  if (earlier !== undefined) warn(`与第 ${earlier} ${table.format === 'csv' ? '行' : '个要素'}同名`);
  else seen.set(key, r.row);

  return {
    row: {
      row: r.row,
      name,
      total,
      plan,
      nature: text('nature'),
      period: text('period'),
      content: text('content'),
      owner: text('owner'),
      remarks: text('remarks'),
      locationText,
      location,
      duplicateOf,
      warnings,
    },
  };
}

function rejectedOf(r: TableRecord, problems: Problem[]): RejectedRow {
  const fields = [...new Set(problems.map((p) => p.field))];
  return { row: r.row, field: fields.join('、'), reason: problems.map((p) => p.reason).join('；'), raw: rawCells(r) };
}

/** Every record of the table, accepted or rejected with its reasons. */
export function validateRows(table: Table, options: ImportOptions, ctx: ImportContext): ImportResult {
  const accepted: ImportedRow[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  for (const r of table.records) {
    const out = safeValidate(table, r, options, ctx, seen);
    if ('row' in out) accepted.push(out.row);
    else rejected.push(rejectedOf(r, out.problems));
  }
  return { accepted, rejected };
}

/** A bug in one row's checks must not lose the file: that row is rejected with the error. */
function safeValidate(table: Table, r: TableRecord, options: ImportOptions, ctx: ImportContext, seen: Map<string, number>) {
  try {
    return validateRecord(table, r, options, ctx, seen);
  } catch (err) {
    return { problems: [{ field: '（整行）', reason: `无法检查此行：${errorMessage(err)}` }] };
  }
}

/** The same, in chunks that yield to the browser between them, reporting progress. */
export async function validateRowsAsync(
  table: Table,
  options: ImportOptions,
  ctx: ImportContext,
  onProgress: (done: number, total: number) => void = () => {},
  chunk = 2000,
): Promise<ImportResult> {
  const accepted: ImportedRow[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  const records = table.records;
  for (let i = 0; i < records.length; i += chunk) {
    for (const r of records.slice(i, i + chunk)) {
      const out = safeValidate(table, r, options, ctx, seen);
      if ('row' in out) accepted.push(out.row);
      else rejected.push(rejectedOf(r, out.problems));
    }
    onProgress(Math.min(records.length, i + chunk), records.length);
    if (i + chunk < records.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { accepted, rejected };
}
