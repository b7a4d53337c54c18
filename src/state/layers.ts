/**
 * Imported layers: a store of their own beside the app's (src/state/store.ts),
 * since they are the user's local data, not part of the plan nor of the link.
 * Every change is written to the repository (IndexedDB) first and reaches the
 * store only once that succeeded: a failure leaves both as they were.
 */
import { create } from 'zustand';
import { LIMITS } from '../import/limits.ts';
import { indexedDbRepository, memoryRepository, type LayerRepository } from '../import/persistence.ts';
import { cleanLayerName } from '../import/buildLayer.ts';
import type { ImportedLayer } from '../import/types.ts';
import { errorMessage } from '../errorMessage.ts';

export interface SelectedImportedRow {
  layer: string;
  row: number;
}

export interface LayersState {
  layers: ImportedLayer[];
  /** Set once the stored layers have been read. */
  ready: boolean;
  /** Set when layers cannot be kept across reloads (no IndexedDB). */
  volatile: boolean;
  /** Problems with the stored layers, for the layers panel. */
  problems: string[];
  dialogOpen: boolean;
  /** A file dropped on the map, handed to the dialog. */
  droppedFile: File | null;
  selected: SelectedImportedRow | null;

  init: () => Promise<void>;
  addLayer: (layer: ImportedLayer) => Promise<void>;
  renameLayer: (id: string, name: string) => Promise<void>;
  setLayerVisible: (id: string, visible: boolean) => Promise<void>;
  removeLayer: (id: string) => Promise<void>;
  openImport: (file?: File | null) => void;
  closeImport: () => void;
  selectRow: (sel: SelectedImportedRow | null) => void;
  dismissProblems: () => void;
}

let makeRepository: () => LayerRepository = () =>
  typeof indexedDB === 'undefined' ? memoryRepository() : indexedDbRepository();
let repository: LayerRepository | null = null;
let volatile = false;

/** For tests: where layers are kept (a fresh in-memory store, a failing one …). */
export function setLayerRepository(factory: () => LayerRepository): void {
  makeRepository = factory;
  repository = null;
}

function repo(): LayerRepository {
  if (!repository) {
    repository = makeRepository();
    volatile = typeof indexedDB === 'undefined';
  }
  return repository;
}

const initial = {
  layers: [] as ImportedLayer[],
  ready: false,
  volatile: false,
  problems: [] as string[],
  dialogOpen: false,
  droppedFile: null as File | null,
  selected: null as SelectedImportedRow | null,
};

export const useLayerStore = create<LayersState>()((set, get) => ({
  ...initial,
  init: async () => {
    let loaded: Awaited<ReturnType<LayerRepository['load']>>;
    try {
      loaded = await repo().load();
    } catch (err) {
      // No usable IndexedDB (private browsing, blocked storage): keep layers in memory only.
      repository = memoryRepository();
      volatile = true;
      loaded = { layers: [], problems: [`浏览器不允许本地存储（${errorMessage(err)}）：导入的图层在刷新后不会保留`] };
    }
    set({ layers: loaded.layers, problems: loaded.problems, ready: true, volatile });
  },
  addLayer: async (layer) => {
    if (get().layers.length >= LIMITS.layers) throw new Error(`最多保留 ${LIMITS.layers} 个导入的图层：请先删除不需要的图层`);
    if (get().layers.some((l) => l.id === layer.id)) throw new Error('图层编号重复');
    await repo().add(layer);
    set((s) => ({ layers: [...s.layers, layer] }));
  },
  renameLayer: async (id, name) => {
    const clean = cleanLayerName(name);
    if (!clean) throw new Error('图层名称不能为空');
    await repo().update(id, { name: clean });
    set((s) => ({ layers: s.layers.map((l) => (l.id === id ? { ...l, name: clean } : l)) }));
  },
  setLayerVisible: async (id, visible) => {
    await repo().update(id, { visible });
    set((s) => ({ layers: s.layers.map((l) => (l.id === id ? { ...l, visible } : l)) }));
  },
  removeLayer: async (id) => {
    await repo().remove(id);
    set((s) => ({ layers: s.layers.filter((l) => l.id !== id), selected: s.selected?.layer === id ? null : s.selected }));
  },
  openImport: (file = null) => set({ dialogOpen: true, droppedFile: file }),
  closeImport: () => set({ dialogOpen: false, droppedFile: null }),
  selectRow: (selected) => set({ selected }),
  dismissProblems: () => set({ problems: [] }),
}));

/** Back to no layers, nothing loaded: for tests (the repository is kept unless replaced). */
export function resetLayerState(): void {
  useLayerStore.setState(initial);
}
