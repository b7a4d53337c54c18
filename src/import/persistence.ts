/**
 * Where imported layers are kept between visits: the browser's IndexedDB, in
 * a database of their own (the plan's data is never written anywhere). A
 * layer's description and its rows are two records written in ONE
 * transaction, so a layer is stored whole or not at all; removing it deletes
 * both in one transaction too. The limit of LIMITS.layers and the colour of a
 * new layer are decided inside that write transaction, on what is stored at
 * that moment, so they hold when two tabs import at once. What comes back is
 * validated like any other untrusted input (storedLayer.ts): a damaged record
 * is skipped and reported, never shown; rows left without a layer are deleted.
 */
import { errorMessage } from '../errorMessage.ts';
import { LIMITS } from './limits.ts';
import { DamagedLayerError, parseStoredMeta, parseStoredRows, storedLayerName } from './storedLayer.ts';
import type { ImportedLayer, ImportedRow, LayerMeta, RejectedRow } from './types.ts';

/** A stored layer that was not loaded, and why; `key` deletes it. */
export interface DamagedLayer {
  key: IDBValidKey;
  name: string;
  reason: string;
}

export interface LoadedLayers {
  /** The intact layers, oldest first, at most LIMITS.layers. */
  layers: ImportedLayer[];
  damaged: DamagedLayer[];
}

/** What a new layer is made from: the descriptions stored at the moment of writing (to pick its colour). */
export type StoredDescriptions = readonly { color?: unknown }[];

/** The rows of a layer already loaded, so a reload does not check them again. */
export type KnownRows = (id: string) => Pick<ImportedLayer, 'rows' | 'rejected'> | undefined;

export interface LayerRepository {
  load(known?: KnownRows): Promise<LoadedLayers>;
  /**
   * Stores a new layer whole, or throws and stores nothing: `make` builds it
   * from the stored descriptions inside the write; LayerLimitError when
   * LIMITS.layers are stored already.
   */
  add(make: (stored: StoredDescriptions) => ImportedLayer): Promise<ImportedLayer>;
  /** Changes a layer's name or visibility (its rows are left alone); LayerGoneError if it is not stored. */
  update(id: string, patch: { name?: string; visible?: boolean }): Promise<void>;
  /** Deletes a layer, or a damaged record by its key. */
  remove(key: IDBValidKey): Promise<void>;
}

export class LayerLimitError extends Error {
  constructor() {
    super(`最多保留 ${LIMITS.layers} 个导入的图层：请先删除不需要的图层`);
  }
}

export class LayerGoneError extends Error {
  constructor() {
    super('这个图层已不在本地存储中（可能已在另一个标签页中删除）');
  }
}

/** A storage failure in words: a full disk or quota says so (its DOMException message is often empty). */
export function storageErrorMessage(err: unknown): string {
  const name = typeof err === 'object' && err !== null ? (err as { name?: unknown }).name : undefined;
  if (name === 'QuotaExceededError') {
    return '浏览器存储空间不足，请删除不需要的导入图层，或清理浏览器中其他网站的数据后再试';
  }
  return errorMessage(err) || '浏览器存储出错';
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

/** The stored records sorted into intact layers, damaged ones (with reasons), and rows left without a layer. */
function assemble(metas: readonly unknown[], rowsById: ReadonlyMap<unknown, unknown>, known?: KnownRows) {
  const intact: ImportedLayer[] = [];
  const damaged: DamagedLayer[] = [];
  const keys = new Set<unknown>();
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i];
    const key = (meta as { id?: unknown } | null)?.id as IDBValidKey;
    keys.add(key);
    try {
      const m = parseStoredMeta(meta);
      const rows = known?.(m.id) ?? parseStoredRows(m.id, rowsById.get(m.id));
      if (rows.rows.length === 0) throw new DamagedLayerError('没有数据行');
      intact.push({ ...m, rows: rows.rows, rejected: rows.rejected });
    } catch (err) {
      const reason = err instanceof DamagedLayerError ? err.message : `无法读取：${errorMessage(err)}`;
      damaged.push({ key, name: storedLayerName(meta), reason });
    }
  }
  intact.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
  for (const l of intact.slice(LIMITS.layers)) {
    damaged.push({ key: l.id, name: l.name, reason: `超过 ${LIMITS.layers} 个图层的上限` });
  }
  const orphans = [...rowsById.keys()].filter((k) => !keys.has(k)) as IDBValidKey[];
  return { loaded: { layers: intact.slice(0, LIMITS.layers), damaged }, orphans };
}

/** The layer `make` builds, checked against what is stored: the limit, and a new id. */
function makeNew(make: (stored: StoredDescriptions) => ImportedLayer, stored: readonly unknown[]): ImportedLayer {
  if (stored.length >= LIMITS.layers) throw new LayerLimitError();
  const descriptions = stored.map((m) => (typeof m === 'object' && m !== null ? (m as { color?: unknown }) : {}));
  const layer = make(descriptions);
  if (stored.some((m) => (m as { id?: unknown } | null)?.id === layer.id)) throw new Error('图层编号重复');
  return layer;
}

/** In memory: for tests, and where the browser offers no IndexedDB (layers then last until reload). */
export function memoryRepository(): LayerRepository & { snapshot: () => { metas: unknown[]; rows: unknown[] }; put: (meta: unknown, rows?: unknown) => void } {
  const metas = new Map<unknown, unknown>();
  const rows = new Map<unknown, unknown>();
  const copy = <T>(x: T): T => structuredClone(x);
  return {
    async load(known) {
      const { loaded, orphans } = assemble([...metas.values()].map(copy), new Map([...rows].map(([k, v]) => [k, copy(v)])), known);
      for (const k of orphans) rows.delete(k);
      return loaded;
    },
    async add(make) {
      const layer = makeNew(make, [...metas.values()]);
      const split = splitLayer(layer);
      // Clone both before touching the maps: a value that cannot be stored fails here, with nothing written.
      const m = copy(split.meta);
      const r = copy(split.rows);
      metas.set(layer.id, m);
      rows.set(layer.id, r);
      return layer;
    },
    async update(id, patch) {
      const m = metas.get(id);
      if (!m) throw new LayerGoneError();
      metas.set(id, { ...(m as LayerMeta), ...patch });
    },
    async remove(key) {
      metas.delete(key);
      rows.delete(key);
    },
    snapshot: () => ({ metas: [...metas.values()].map(copy), rows: [...rows.values()].map(copy) }),
    /** For tests: a record as another version (or a user's devtools) might have left it. */
    put: (meta, r) => {
      const key = (meta as { id: unknown }).id;
      metas.set(key, copy(meta));
      if (r !== undefined) rows.set(key, copy(r));
    },
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
    async load(known) {
      const d = await database();
      const tx = d.transaction([META, ROWS], 'readonly');
      const [metas, rows] = await Promise.all([request(tx.objectStore(META).getAll()), request(tx.objectStore(ROWS).getAll())]);
      const byId = new Map<unknown, unknown>();
      for (let i = 0; i < rows.length; i++) byId.set((rows[i] as { id?: unknown } | null)?.id, rows[i]);
      const { loaded, orphans } = assemble(metas, byId, known);
      if (orphans.length > 0) {
        // Rows whose layer is gone (a write cut short by an old version): nobody can see or delete them otherwise.
        const clean = d.transaction(ROWS, 'readwrite');
        for (const k of orphans) clean.objectStore(ROWS).delete(k);
        await done(clean).catch(() => {});
      }
      return loaded;
    },
    async add(make) {
      const d = await database();
      const tx = d.transaction([META, ROWS], 'readwrite');
      const finished = done(tx);
      let layer: ImportedLayer;
      try {
        // Read and write in one transaction: another tab's write waits for this one, or this one for it.
        const stored = await request(tx.objectStore(META).getAll());
        layer = makeNew(make, stored);
        const { meta, rows } = splitLayer(layer);
        tx.objectStore(META).add(meta);
        tx.objectStore(ROWS).add(rows);
      } catch (err) {
        // A refused layer, or a value that cannot be cloned: undo whatever the transaction holds.
        try {
          tx.abort();
        } catch {
          /* already finished */
        }
        await finished.catch(() => {});
        throw err;
      }
      await finished;
      return layer;
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
        throw new LayerGoneError();
      }
      store.put({ ...current, ...patch });
      await finished;
    },
    async remove(key) {
      const d = await database();
      const tx = d.transaction([META, ROWS], 'readwrite');
      const finished = done(tx);
      tx.objectStore(META).delete(key);
      tx.objectStore(ROWS).delete(key);
      await finished;
    },
  };
}
