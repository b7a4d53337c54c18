/**
 * Where imported layers are kept between visits: the browser's IndexedDB, in
 * a database of their own (the plan's data is never written anywhere). A
 * layer's description and its rows are two records written in ONE
 * transaction, so a layer is stored whole or not at all; removing it deletes
 * both in one transaction too. What comes back is validated like any other
 * untrusted input: a damaged record is skipped and reported, never shown.
 */
import { isCountyAdcode } from '../geo/countyCodes.ts';
import { PRECISIONS } from '../data/project.ts';
import { isImportColor } from './palette.ts';
import { CRS_KEYS, type ImportedLayer, type ImportedRow, type LayerMeta, type RejectedRow } from './types.ts';
import { errorMessage } from '../errorMessage.ts';

export interface LayerRepository {
  /** Every stored layer that is intact, and a message for each that is not. */
  load(): Promise<{ layers: ImportedLayer[]; problems: string[] }>;
  /** Stores a new layer whole, or throws and stores nothing. */
  add(layer: ImportedLayer): Promise<void>;
  /** Changes a layer's name or visibility (its rows are left alone). */
  update(id: string, patch: { name?: string; visible?: boolean }): Promise<void>;
  remove(id: string): Promise<void>;
}

interface RowsRecord {
  id: string;
  rows: ImportedRow[];
  rejected: RejectedRow[];
}

export function splitLayer(layer: ImportedLayer): { meta: LayerMeta; rows: RowsRecord } {
  const { rows, rejected, ...rest } = layer;
  return { meta: { ...rest, rowCount: rows.length, rejectedCount: rejected.length }, rows: { id: layer.id, rows, rejected } };
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrOrNull = (v: unknown) => v === null || typeof v === 'string';
const isNumOrNull = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0);

function validRow(r: unknown): r is ImportedRow {
  if (typeof r !== 'object' || r === null) return false;
  const x = r as Record<string, unknown>;
  const l = x.location as Record<string, unknown> | null;
  return (
    Number.isInteger(x.row) &&
    isStr(x.name) &&
    x.name !== '' &&
    isNumOrNull(x.total) &&
    isNumOrNull(x.plan) &&
    ['nature', 'period', 'content', 'owner', 'remarks', 'locationText', 'duplicateOf'].every((k) => isStrOrNull(x[k])) &&
    Array.isArray(x.warnings) &&
    x.warnings.every(isStr) &&
    typeof l === 'object' &&
    l !== null &&
    isStr(l.county) &&
    isCountyAdcode(l.county) &&
    typeof l.lon === 'number' &&
    l.lon > 111 && l.lon < 115 &&
    typeof l.lat === 'number' &&
    l.lat > 35 && l.lat < 38 &&
    (PRECISIONS as readonly unknown[]).includes(l.precision) &&
    ['coordinates', 'gazetteer', 'county'].includes(l.method as string) &&
    isStr(l.matched) &&
    isStrOrNull(l.note)
  );
}

function validRejected(r: unknown): r is RejectedRow {
  if (typeof r !== 'object' || r === null) return false;
  const x = r as Record<string, unknown>;
  return Number.isInteger(x.row) && isStr(x.field) && isStr(x.reason) && Array.isArray(x.raw) && x.raw.every(isStr);
}

/** A stored layer checked field by field; throws the reason when it is damaged. */
export function parseStoredLayer(meta: unknown, rows: unknown): ImportedLayer {
  const m = meta as Record<string, unknown>;
  const r = rows as Record<string, unknown>;
  if (typeof m !== 'object' || m === null) throw new Error('图层记录不是对象');
  if (!isStr(m.id) || !/^[A-Za-z0-9_-]{1,40}$/.test(m.id)) throw new Error('图层编号无效');
  if (!isStr(m.name) || m.name === '' || m.name.length > 60) throw new Error('图层名称无效');
  if (!isImportColor(m.color)) throw new Error('图层颜色无效');
  if (typeof m.visible !== 'boolean') throw new Error('图层的显示状态无效');
  if (!isStr(m.fileName) || !isStr(m.importedAt) || Number.isNaN(Date.parse(m.importedAt))) throw new Error('文件名或导入时间无效');
  if (m.format !== 'csv' && m.format !== 'geojson') throw new Error('文件格式无效');
  if (m.unit !== '亿元' && m.unit !== '万元') throw new Error('单位无效');
  if (!(CRS_KEYS as readonly unknown[]).includes(m.crs)) throw new Error('坐标系无效');
  if (!Array.isArray(m.columns) || !m.columns.every(isStr)) throw new Error('列名无效');
  if (typeof r !== 'object' || r === null || r.id !== m.id) throw new Error('缺少图层的数据行');
  if (!Array.isArray(r.rows) || !r.rows.every(validRow)) throw new Error('数据行已损坏');
  if (!Array.isArray(r.rejected) || !r.rejected.every(validRejected)) throw new Error('未导入行的记录已损坏');
  return {
    id: m.id,
    name: m.name,
    color: m.color,
    visible: m.visible,
    fileName: m.fileName,
    format: m.format,
    importedAt: m.importedAt,
    unit: m.unit,
    crs: m.crs as ImportedLayer['crs'],
    columns: m.columns as string[],
    rows: r.rows as ImportedRow[],
    rejected: r.rejected as RejectedRow[],
  };
}

function loadAll(metas: unknown[], rowsById: Map<unknown, unknown>): { layers: ImportedLayer[]; problems: string[] } {
  const layers: ImportedLayer[] = [];
  const problems: string[] = [];
  for (const meta of metas) {
    const id = (meta as { id?: unknown })?.id;
    try {
      layers.push(parseStoredLayer(meta, rowsById.get(id)));
    } catch (err) {
      const name = (meta as { name?: unknown })?.name;
      problems.push(`本地保存的图层“${typeof name === 'string' ? name.slice(0, 60) : '?'}”已损坏（${errorMessage(err)}），已忽略`);
    }
  }
  layers.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
  return { layers, problems };
}

/** In memory: for tests, and where the browser offers no IndexedDB (layers then last until reload). */
export function memoryRepository(): LayerRepository & { snapshot: () => { metas: LayerMeta[]; rows: RowsRecord[] } } {
  const metas = new Map<string, LayerMeta>();
  const rows = new Map<string, RowsRecord>();
  const copy = <T>(x: T): T => structuredClone(x);
  return {
    async load() {
      return loadAll([...metas.values()].map(copy), new Map([...rows].map(([k, v]) => [k, copy(v)])));
    },
    async add(layer) {
      if (metas.has(layer.id)) throw new Error(`图层 ${layer.id} 已存在`);
      const split = splitLayer(layer);
      // Clone both before touching the maps: a value that cannot be stored fails here, with nothing written.
      const m = copy(split.meta);
      const r = copy(split.rows);
      metas.set(layer.id, m);
      rows.set(layer.id, r);
    },
    async update(id, patch) {
      const m = metas.get(id);
      if (!m) throw new Error(`没有编号为 ${id} 的图层`);
      metas.set(id, { ...m, ...patch });
    },
    async remove(id) {
      metas.delete(id);
      rows.delete(id);
    },
    snapshot: () => ({ metas: [...metas.values()].map(copy), rows: [...rows.values()].map(copy) }),
  };
}

const DB_NAME = 'changzhi-plan-map-imports';
const DB_VERSION = 1;
const META = 'layers';
const ROWS = 'rows';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB 事务已中止'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB 事务失败'));
  });
}

function openDb(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(ROWS)) db.createObjectStore(ROWS, { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('无法打开 IndexedDB'));
    req.onblocked = () => reject(new Error('IndexedDB 被另一个标签页占用'));
  });
}

export function indexedDbRepository(factory: IDBFactory = indexedDB, name = DB_NAME): LayerRepository {
  let db: Promise<IDBDatabase> | null = null;
  const database = () => (db ??= openDb(factory, name));
  return {
    async load() {
      const d = await database();
      const tx = d.transaction([META, ROWS], 'readonly');
      const [metas, rows] = await Promise.all([request(tx.objectStore(META).getAll()), request(tx.objectStore(ROWS).getAll())]);
      return loadAll(metas as unknown[], new Map((rows as RowsRecord[]).map((r) => [r?.id, r])));
    },
    async add(layer) {
      const d = await database();
      const { meta, rows } = splitLayer(layer);
      const tx = d.transaction([META, ROWS], 'readwrite');
      const finished = done(tx);
      try {
        tx.objectStore(META).add(meta);
        tx.objectStore(ROWS).add(rows);
      } catch (err) {
        // A value that cannot be cloned throws here: undo whatever the transaction holds.
        try {
          tx.abort();
        } catch {
          /* already finished */
        }
        await finished.catch(() => {});
        throw err;
      }
      await finished;
    },
    async update(id, patch) {
      const d = await database();
      const tx = d.transaction(META, 'readwrite');
      const finished = done(tx);
      const store = tx.objectStore(META);
      const current = (await request(store.get(id))) as LayerMeta | undefined;
      if (!current) {
        tx.abort();
        await finished.catch(() => {});
        throw new Error(`没有编号为 ${id} 的图层`);
      }
      store.put({ ...current, ...patch });
      await finished;
    },
    async remove(id) {
      const d = await database();
      const tx = d.transaction([META, ROWS], 'readwrite');
      const finished = done(tx);
      tx.objectStore(META).delete(id);
      tx.objectStore(ROWS).delete(id);
      await finished;
    },
  };
}
