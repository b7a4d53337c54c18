/**
 * Imported layers: a store of their own beside the app's (src/state/store.ts),
 * since they are the user's local data, not part of the plan nor of the link.
 * Every change is written to the repository (IndexedDB) first and reaches the
 * store only once that succeeded: a failure leaves both as they were.
 */
import { create } from 'zustand';
import {
  LayerGoneError,
  indexedDbRepository,
  memoryRepository,
  storageErrorMessage,
  type DamagedLayer,
  type LayerRepository,
  type StoredDescriptions,
} from '../import/persistence.ts';
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
  /** Stored layers that were skipped, each with its name and reason; each can be deleted. */
  damaged: DamagedLayer[];
  /** Layers that are loaded but could not be drawn (see src/ui/useImportedMap.ts), each with the reason. */
  undrawable: DamagedLayer[];
  /** Other things the layers panel should say (storage unavailable, a layer changed in another tab). */
  messages: string[];
  dialogOpen: boolean;
  /** A file dropped on the map, handed to the dialog, and the names of the others dropped with it. */
  droppedFile: File | null;
  ignoredFiles: string[];
  selected: SelectedImportedRow | null;

  init: () => Promise<void>;
  /** Reads the stored layers again (another tab changed them), keeping the rows already loaded. */
  refresh: () => Promise<void>;
  /** Stores the layer `make` builds from the stored descriptions (see LayerRepository.add), then shows it. */
  addLayer: (make: (stored: StoredDescriptions) => ImportedLayer) => Promise<ImportedLayer>;
  renameLayer: (id: string, name: string) => Promise<void>;
  setLayerVisible: (id: string, visible: boolean) => Promise<void>;
  removeLayer: (id: string) => Promise<void>;
  removeDamaged: (key: IDBValidKey) => Promise<void>;
  openImport: (file?: File | null, ignored?: string[]) => void;
  closeImport: () => void;
  selectRow: (sel: SelectedImportedRow | null) => void;
  dismissMessages: () => void;
  setUndrawable: (list: DamagedLayer[]) => void;
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

/** Tabs of the app tell each other when they changed the stored layers. */
const CHANNEL = 'changzhi-plan-map-imports';
let channel: BroadcastChannel | null = null;
const announce = () => channel?.postMessage('layers-changed');

/** Runs a repository write; its failure is thrown as a message for the user (a full disk says so). */
async function write<T>(run: () => Promise<T>): Promise<T> {
  try {
    const out = await run();
    announce();
    return out;
  } catch (err) {
    if (err instanceof LayerGoneError) throw err;
    throw new Error(storageErrorMessage(err));
  }
}

const initial = {
  layers: [] as ImportedLayer[],
  ready: false,
  volatile: false,
  damaged: [] as DamagedLayer[],
  undrawable: [] as DamagedLayer[],
  messages: [] as string[],
  dialogOpen: false,
  droppedFile: null as File | null,
  ignoredFiles: [] as string[],
  selected: null as SelectedImportedRow | null,
};

export const useLayerStore = create<LayersState>()((set, get) => {
  /** A rename or hide of a layer another tab deleted: the list is read again and the user told, by name. */
  const changeLayer = async (id: string, patch: { name?: string; visible?: boolean }) => {
    try {
      await write(() => repo().update(id, patch));
    } catch (err) {
      if (!(err instanceof LayerGoneError)) throw err;
      const name = get().layers.find((l) => l.id === id)?.name ?? '';
      await get().refresh();
      const message = `图层“${name}”已在另一个标签页中删除，列表已更新`;
      set((s) => ({ messages: [...s.messages, message] }));
      throw new Error(message);
    }
    set((s) => ({ layers: s.layers.map((l) => (l.id === id ? { ...l, ...patch } : l)) }));
  };
  return {
    ...initial,
    init: async () => {
      let loaded: Awaited<ReturnType<LayerRepository['load']>>;
      let messages: string[] = [];
      try {
        loaded = await repo().load();
      } catch (err) {
        // No usable IndexedDB (private browsing, blocked storage): keep layers in memory only.
        repository = memoryRepository();
        volatile = true;
        loaded = { layers: [], damaged: [] };
        messages = [`浏览器不允许本地存储（${errorMessage(err)}）：导入的图层在刷新后不会保留`];
      }
      set({ layers: loaded.layers, damaged: loaded.damaged, messages, ready: true, volatile });
    },
    refresh: async () => {
      const before = new Map(get().layers.map((l) => [l.id, l]));
      const { layers, damaged } = await repo().load((id) => before.get(id));
      // A layer whose description did not change stays the same object: the map is not sent it again.
      const merged = layers.map((l) => {
        const old = before.get(l.id);
        return old && old.name === l.name && old.visible === l.visible ? old : l;
      });
      set((s) => ({
        layers: merged,
        damaged,
        selected: s.selected && merged.some((l) => l.id === s.selected!.layer) ? s.selected : null,
      }));
    },
    addLayer: async (make) => {
      const layer = await write(() => repo().add(make));
      set((s) => ({ layers: [...s.layers, layer] }));
      return layer;
    },
    renameLayer: async (id, name) => {
      const clean = cleanLayerName(name);
      if (!clean) throw new Error('图层名称不能为空');
      await changeLayer(id, { name: clean });
    },
    setLayerVisible: (id, visible) => changeLayer(id, { visible }),
    removeLayer: async (id) => {
      await write(() => repo().remove(id));
      set((s) => ({ layers: s.layers.filter((l) => l.id !== id), selected: s.selected?.layer === id ? null : s.selected }));
    },
    removeDamaged: async (key) => {
      await write(() => repo().remove(key));
      set((s) => ({ damaged: s.damaged.filter((d) => d.key !== key) }));
    },
    openImport: (file = null, ignored = []) => set({ dialogOpen: true, droppedFile: file, ignoredFiles: ignored }),
    closeImport: () => set({ dialogOpen: false, droppedFile: null, ignoredFiles: [] }),
    selectRow: (selected) => set({ selected }),
    dismissMessages: () => set({ messages: [] }),
    setUndrawable: (undrawable) => {
      if (undrawable.length > 0 || get().undrawable.length > 0) set({ undrawable });
    },
  };
});

/**
 * Follows the other tabs of the app: when one of them adds, renames, hides or
 * removes a layer, this one reads the stored layers again. Returns the stop function.
 */
export function followOtherTabs(): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const ch = new BroadcastChannel(CHANNEL);
  ch.onmessage = () => void useLayerStore.getState().refresh().catch(() => {});
  channel = ch;
  return () => {
    ch.close();
    if (channel === ch) channel = null;
  };
}

/** Back to no layers, nothing loaded: for tests (the repository is kept unless replaced). */
export function resetLayerState(): void {
  useLayerStore.setState(initial);
}
