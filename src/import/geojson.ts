/**
 * GeoJSON text -> Table: each feature a record, its properties the columns
 * (in the order first seen), its Point geometry the coordinates. Other
 * geometry types are rejected row by row: the app imports points.
 */
import { columnNames } from './csv.ts';
import { LIMITS, formatCount } from './limits.ts';
import { ImportError, type Table, type TableRecord } from './types.ts';

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  try {
    return JSON.stringify(v).slice(0, LIMITS.cellChars + 1);
  } catch {
    return '';
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function geometryOf(g: unknown): TableRecord['geometry'] {
  if (g === null || g === undefined) return null;
  if (!isObject(g)) return { error: '几何（geometry）不是对象' };
  if (g.type !== 'Point') return { error: `几何类型为 ${String(g.type).slice(0, 40)}：只能导入点（Point）` };
  const c = g.coordinates;
  if (!Array.isArray(c) || c.length < 2 || typeof c[0] !== 'number' || typeof c[1] !== 'number' || !Number.isFinite(c[0]) || !Number.isFinite(c[1])) {
    return { error: '点的坐标（coordinates）应为 [经度, 纬度] 两个数' };
  }
  return { lon: c[0], lat: c[1], text: [String(c[0]), String(c[1])] };
}

export function parseGeoJson(fileName: string, text: string, encoding: string, notes: string[] = []): Table {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ImportError(fileName, `不是有效的 JSON：${err instanceof Error ? err.message.slice(0, 200) : String(err)}`);
  }
  let features: unknown[];
  if (isObject(json) && json.type === 'FeatureCollection' && Array.isArray(json.features)) features = json.features;
  else if (isObject(json) && json.type === 'Feature') features = [json];
  else throw new ImportError(fileName, 'GeoJSON 的顶层应为 FeatureCollection（或单个 Feature）');
  if (features.length > LIMITS.rows) {
    throw new ImportError(fileName, `文件有 ${formatCount(features.length)} 个要素，超过 ${formatCount(LIMITS.rows)} 的上限：请拆分后分别导入`);
  }
  if (features.length === 0) throw new ImportError(fileName, 'GeoJSON 中没有要素（features 为空）');

  // Property keys in the order first seen; shown as column names, bounded like a CSV's header.
  const keys: string[] = [];
  const known = new Set<string>();
  for (const f of features) {
    if (!isObject(f) || !isObject(f.properties)) continue;
    for (const key of Object.keys(f.properties)) {
      if (known.has(key)) continue;
      if (keys.length >= LIMITS.columns) {
        throw new ImportError(fileName, `要素的属性超过 ${LIMITS.columns} 个：请删去不需要的属性`);
      }
      known.add(key);
      keys.push(key);
    }
  }
  const columns = columnNames(keys, notes);
  const records: TableRecord[] = features.map((f, i) => {
    const row = i + 1;
    if (!isObject(f) || f.type !== 'Feature') {
      return { row, cells: columns.map(() => ''), geometry: null, error: { field: '（要素）', reason: '不是 GeoJSON Feature' } };
    }
    const props = isObject(f.properties) ? f.properties : {};
    const cells = keys.map((k) => (Object.prototype.hasOwnProperty.call(props, k) ? cellText(props[k]) : ''));
    return { row, cells, geometry: geometryOf(f.geometry) };
  });
  return { format: 'geojson', fileName, encoding, columns, records, notes };
}
