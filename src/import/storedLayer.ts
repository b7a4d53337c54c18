/**
 * A layer read back from the browser's storage, checked like any untrusted
 * input before anything draws it: another version of the app, a full disk or
 * a user's devtools may have left anything there. Checks what is there, not
 * what `Array.prototype.every` visits (it skips holes): arrays are walked by
 * index, so `rows.length += 1` is a damaged layer, not a crash in the map.
 * Lengths and magnitudes are bounded as on import (an amount of 1e308 is
 * refused); names are cleaned of invisible characters as on import.
 */
import { isCountyAdcode } from '../geo/countyCodes.ts';
import { PRECISIONS } from '../data/project.ts';
import { oneLine } from '../security/invisibleText.ts';
import { LIMITS } from './limits.ts';
import { isImportColor } from './palette.ts';
import { CRS_KEYS, type ImportedLayer, type ImportedLocation, type ImportedRow, type RejectedRow } from './types.ts';

/** Why a stored layer was refused: a message for the user, in the words of the field at fault. */
export class DamagedLayerError extends Error {}

function fail(reason: string): never {
  throw new DamagedLayerError(reason);
}

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isTextOrNull = (v: unknown, max: number): v is string | null => v === null || isText(v, max);
const isAmount = (v: unknown): v is number | null =>
  v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= LIMITS.amountYi);
const isRowNumber = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= LIMITS.lines;

/** A dense array of at most `max` items, each passing `check`; the reason names `what` and the position. */
function denseArray<T>(v: unknown, max: number, what: string, check: (x: unknown, i: number) => T): T[] {
  if (!Array.isArray(v)) fail(`${what}不是数组`);
  if (v.length > max) fail(`${what}超过 ${max} 项`);
  const out: T[] = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    if (!(i in v)) fail(`${what}第 ${i + 1} 项缺失`);
    out[i] = check(v[i], i);
  }
  return out;
}

const TEXT_FIELDS = ['nature', 'period', 'content', 'owner', 'remarks', 'locationText'] as const;
const METHODS: readonly unknown[] = ['coordinates', 'gazetteer', 'county'];
/** 长治 and a margin: a stored point outside it was not placed by the importer. */
const BOX = { lon: [111, 115], lat: [35, 38] } as const;

function location(v: unknown): ImportedLocation {
  if (!isRecord(v)) fail('位置缺失');
  const { county, lon, lat, precision, method, matched, note } = v;
  if (!isText(county, 6) || !isCountyAdcode(county)) fail('县区代码无效');
  if (typeof lon !== 'number' || !(lon > BOX.lon[0] && lon < BOX.lon[1])) fail('经度无效');
  if (typeof lat !== 'number' || !(lat > BOX.lat[0] && lat < BOX.lat[1])) fail('纬度无效');
  if (!(PRECISIONS as readonly unknown[]).includes(precision)) fail('位置精度无效');
  if (!METHODS.includes(method)) fail('定位方式无效');
  if (!isText(matched, 500) || !isTextOrNull(note, 1000)) fail('定位说明无效');
  return { county, lon, lat, precision: precision as ImportedLocation['precision'], method: method as ImportedLocation['method'], matched, note };
}

function row(v: unknown, i: number): ImportedRow {
  if (!isRecord(v)) fail(`第 ${i + 1} 个数据行不是对象`);
  const at = `第 ${i + 1} 个数据行`;
  if (!isRowNumber(v.row)) fail(`${at}的行号无效`);
  const name = isText(v.name, LIMITS.nameChars * 2) ? oneLine(v.name) : '';
  if (name === '' || name.length > LIMITS.nameChars) fail(`${at}的名称无效`);
  if (!isAmount(v.total) || !isAmount(v.plan)) fail(`${at}的金额无效（应为 0 到 ${LIMITS.amountYi} 亿元）`);
  for (const k of TEXT_FIELDS) if (!isTextOrNull(v[k], LIMITS.cellChars + 1)) fail(`${at}的文字过长或无效`);
  if (!isTextOrNull(v.duplicateOf, 100)) fail(`${at}的同名项目无效`);
  const warnings = denseArray(v.warnings, 20, `${at}的提示`, (w) => (isText(w, 1000) ? w : fail(`${at}的提示无效`)));
  return {
    row: v.row,
    name,
    total: v.total,
    plan: v.plan,
    nature: v.nature as string | null,
    period: v.period as string | null,
    content: v.content as string | null,
    owner: v.owner as string | null,
    remarks: v.remarks as string | null,
    locationText: v.locationText as string | null,
    location: location(v.location),
    duplicateOf: v.duplicateOf,
    warnings,
  };
}

function rejectedRow(v: unknown, i: number): RejectedRow {
  const at = `第 ${i + 1} 个未导入的行`;
  if (!isRecord(v) || !isRowNumber(v.row)) fail(`${at}无效`);
  if (!isText(v.field, 5000) || !isText(v.reason, 10000)) fail(`${at}的原因无效`);
  const raw = denseArray(v.raw, LIMITS.columns * 2, `${at}的单元格`, (c) => (isText(c, LIMITS.rawChars + 1) ? c : fail(`${at}的单元格无效`)));
  return { row: v.row, field: v.field, reason: v.reason, raw };
}

/** A column name as stored; older versions kept header cells unbounded, so they are cut, not refused. */
function column(v: unknown): string {
  if (typeof v !== 'string') fail('列名无效');
  const c = oneLine(v.length > LIMITS.headerChars * 4 ? v.slice(0, LIMITS.headerChars * 4) : v);
  return c.length > LIMITS.headerChars ? `${c.slice(0, LIMITS.headerChars)}…` : c;
}

/** A layer's description (without rows) checked field by field; throws DamagedLayerError. */
export function parseStoredMeta(meta: unknown): Omit<ImportedLayer, 'rows' | 'rejected'> {
  if (!isRecord(meta)) fail('图层记录不是对象');
  const m = meta;
  if (!isText(m.id, 40) || !/^[A-Za-z0-9_-]{1,40}$/.test(m.id)) fail('图层编号无效');
  const name = isText(m.name, 200) ? oneLine(m.name).slice(0, LIMITS.layerNameChars) : '';
  if (name === '') fail('图层名称无效');
  if (!isImportColor(m.color)) fail('图层颜色无效');
  if (typeof m.visible !== 'boolean') fail('图层的显示状态无效');
  if (!isText(m.fileName, 400) || oneLine(m.fileName) === '') fail('文件名无效');
  if (!isText(m.importedAt, 40) || Number.isNaN(Date.parse(m.importedAt))) fail('导入时间无效');
  if (m.format !== 'csv' && m.format !== 'geojson') fail('文件格式无效');
  if (m.unit !== '亿元' && m.unit !== '万元') fail('单位无效');
  if (!(CRS_KEYS as readonly unknown[]).includes(m.crs)) fail('坐标系无效');
  return {
    id: m.id,
    name,
    color: m.color,
    visible: m.visible,
    fileName: oneLine(m.fileName).slice(0, 200),
    format: m.format,
    importedAt: m.importedAt,
    unit: m.unit,
    crs: m.crs as ImportedLayer['crs'],
    columns: denseArray(m.columns, LIMITS.columns, '列名', column),
  };
}

/** A layer's rows record checked: every row, every rejected row, by index. */
export function parseStoredRows(id: string, rows: unknown): Pick<ImportedLayer, 'rows' | 'rejected'> {
  if (!isRecord(rows) || rows.id !== id) fail('缺少图层的数据行');
  return {
    rows: denseArray(rows.rows, LIMITS.rows, '数据行', row),
    rejected: denseArray(rows.rejected, LIMITS.rows, '未导入的行', rejectedRow),
  };
}

/** A stored layer checked whole; throws DamagedLayerError with the reason. */
export function parseStoredLayer(meta: unknown, rows: unknown): ImportedLayer {
  const m = parseStoredMeta(meta);
  const r = parseStoredRows(m.id, rows);
  if (r.rows.length === 0) fail('没有数据行');
  return { ...m, ...r };
}

/** What a message calls a stored layer: its name if it has a usable one. */
export function storedLayerName(meta: unknown): string {
  const name = isRecord(meta) && typeof meta.name === 'string' ? oneLine(meta.name.slice(0, 200)).slice(0, LIMITS.layerNameChars) : '';
  return name || '（无名称）';
}
