import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildLayer } from '../../src/import/buildLayer.ts';
import { LIMITS } from '../../src/import/limits.ts';
import { IMPORT_COLORS } from '../../src/import/palette.ts';
import { indexedDbRepository, memoryRepository, splitLayer, type LayerRepository } from '../../src/import/persistence.ts';
import type { ImportedLayer } from '../../src/import/types.ts';
import { followOtherTabs, resetLayerState, setLayerRepository, useLayerStore } from '../../src/state/layers.ts';
import { importBytes, utf8 } from './support.ts';

function layer(id: string, name = id, importedAt = '2025-01-02T03:04:05Z'): ImportedLayer {
  const { table, result } = importBytes(`${name}.csv`, utf8('项目名称,总投资,县区\n甲,1,平顺县\n乙,x,沁县\n丙,2,沁源县\n'));
  return buildLayer(table, result, { mapping: { name: 0, total: 1, county: 2 }, unit: '亿元', crs: 'wgs84' }, {
    id,
    name,
    color: '#6a3d9a',
    importedAt: new Date(importedAt),
  });
}
/** `add` builds the layer from what is stored; most tests hand it a ready one. */
const ready = (l: ImportedLayer) => () => l;

/** Writes records straight into a database, as another version or a user's devtools might. */
async function tamper(factory: IDBFactory, name: string, write: (metas: IDBObjectStore, rows: IDBObjectStore) => void) {
  await new Promise<void>((resolve, reject) => {
    const open = factory.open(name, 1);
    open.onsuccess = () => {
      const tx = open.result.transaction(['layers', 'rows'], 'readwrite');
      write(tx.objectStore('layers'), tx.objectStore('rows'));
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

function contract(make: () => { repo: LayerRepository; reopen: () => LayerRepository }) {
  it('stores a layer whole and gives it back after a reload', async () => {
    const { repo, reopen } = make();
    await repo.add(ready(layer('L1', '第一层')));
    const { layers, damaged } = await reopen().load();
    expect(damaged).toEqual([]);
    expect(layers).toEqual([layer('L1', '第一层')]);
    expect(layers[0]!.rows.map((r) => r.name)).toEqual(['甲', '丙']);
    expect(layers[0]!.rejected.map((r) => r.row)).toEqual([3]);
  });

  it('renames, hides and removes', async () => {
    const { repo, reopen } = make();
    await repo.add(ready(layer('L1')));
    await repo.add(ready(layer('L2')));
    await repo.update('L1', { name: '改名', visible: false });
    await repo.remove('L2');
    const { layers } = await reopen().load();
    expect(layers.map((l) => [l.id, l.name, l.visible])).toEqual([['L1', '改名', false]]);
    expect(layers[0]!.rows).toHaveLength(2);
    await expect(repo.update('nope', { name: 'x' })).rejects.toThrow('这个图层已不在本地存储中');
  });

  it('a layer that cannot be stored leaves the stored layers as they were', async () => {
    const { repo, reopen } = make();
    await repo.add(ready(layer('L1')));
    const bad = layer('L2');
    (bad.rows[1] as unknown as Record<string, unknown>).oops = () => 'not cloneable';
    await expect(repo.add(ready(bad))).rejects.toThrow();
    const { layers } = await reopen().load();
    expect(layers.map((l) => l.id)).toEqual(['L1']);
  });

  it('refuses to add the same id twice, keeping the first', async () => {
    const { repo, reopen } = make();
    await repo.add(ready(layer('L1', '原来的')));
    await expect(repo.add(ready(layer('L1', '重复的')))).rejects.toThrow();
    expect((await reopen().load()).layers.map((l) => l.name)).toEqual(['原来的']);
  });

  it('builds the new layer from the stored descriptions, and refuses one past the limit without building it', async () => {
    const { repo, reopen } = make();
    const seen: number[] = [];
    for (let i = 0; i < LIMITS.layers; i++) {
      await repo.add((stored) => {
        seen.push(stored.length);
        return { ...layer(`L${i}`), color: IMPORT_COLORS[stored.length % IMPORT_COLORS.length]! };
      });
    }
    expect(seen).toEqual(Array.from({ length: LIMITS.layers }, (_, i) => i));
    let built = false;
    await expect(repo.add(() => ((built = true), layer('L99')))).rejects.toThrow(`最多保留 ${LIMITS.layers} 个导入的图层`);
    expect(built).toBe(false);
    expect((await reopen().load()).layers).toHaveLength(LIMITS.layers);
  });
}

describe('IndexedDB repository (fake-indexeddb)', () => {
  contract(() => {
    const factory = new IDBFactory();
    return { repo: indexedDbRepository(factory, 'test'), reopen: () => indexedDbRepository(factory, 'test') };
  });

  it('hands out distinct colours and holds the limit when two tabs import at once', async () => {
    const factory = new IDBFactory();
    const tabs = [indexedDbRepository(factory, 'shared'), indexedDbRepository(factory, 'shared')];
    const firstFree = (stored: readonly { color?: unknown }[]) => IMPORT_COLORS.find((c) => !stored.some((m) => m.color === c)) ?? IMPORT_COLORS[0];
    // Each tab sends its imports without waiting for the other's.
    const burst = (n: number, from: number) =>
      Promise.allSettled(Array.from({ length: n }, (_, i) => tabs[i % 2]!.add((stored) => ({ ...layer(`T${from + i}`), color: firstFree(stored) }))));
    await burst(IMPORT_COLORS.length, 0);
    const first = (await indexedDbRepository(factory, 'shared').load()).layers;
    expect(new Set(first.map((l) => l.color)).size).toBe(IMPORT_COLORS.length);
    // 24 more asked for, 12 places left.
    const outcomes = await burst(24, 100);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(LIMITS.layers - IMPORT_COLORS.length);
    for (const o of outcomes) if (o.status === 'rejected') expect(String(o.reason)).toContain('最多保留 20 个导入的图层');
    expect((await indexedDbRepository(factory, 'shared').load()).layers).toHaveLength(LIMITS.layers);
  });

  it('skips a damaged layer with its name and reason, keeps the intact ones, and deletes the damaged one on request', async () => {
    const factory = new IDBFactory();
    const repo = indexedDbRepository(factory, 'test');
    await repo.add(ready(layer('L1', '好的')));
    for (const [id, name] of [
      ['L2', '有空洞'],
      ['L3', '天文数字'],
      ['L4', '坏坐标'],
      ['L5', '空洞的提示'],
      ['L6', '空洞的列'],
    ]) await repo.add(ready(layer(id!, name)));
    await tamper(factory, 'test', (metas, rows) => {
      const sparse = splitLayer(layer('L2', '有空洞')).rows;
      sparse.rows.length += 1; // a hole that `every` would skip
      rows.put(sparse);
      const huge = splitLayer(layer('L3', '天文数字')).rows;
      huge.rows[0]!.total = 1e308;
      rows.put(huge);
      const outside = splitLayer(layer('L4', '坏坐标')).rows;
      outside.rows[1]!.location.lon = 0;
      rows.put(outside);
      const hint = splitLayer(layer('L5', '空洞的提示')).rows;
      hint.rows[0]!.warnings = new Array(2);
      rows.put(hint);
      const { meta } = splitLayer(layer('L6', '空洞的列'));
      meta.columns = new Array(3);
      metas.put(meta);
    });
    const { layers, damaged } = await indexedDbRepository(factory, 'test').load();
    expect(layers.map((l) => l.name)).toEqual(['好的']);
    expect(damaged.map((d) => [d.name, d.reason])).toEqual([
      ['有空洞', '数据行第 3 项缺失'],
      ['天文数字', '第 1 个数据行的金额无效（应为 0 到 100000 亿元）'],
      ['坏坐标', '经度无效'],
      ['空洞的提示', '第 1 个数据行的提示第 1 项缺失'],
      ['空洞的列', '列名第 1 项缺失'],
    ]);
    await repo.remove(damaged[0]!.key);
    expect((await indexedDbRepository(factory, 'test').load()).damaged.map((d) => d.name)).not.toContain('有空洞');
  });

  it('loads the 20 oldest of 25 stored layers and names the others; deletes rows left without a layer', async () => {
    const factory = new IDBFactory();
    const repo = indexedDbRepository(factory, 'test');
    await repo.load(); // creates the stores
    await tamper(factory, 'test', (metas, rows) => {
      for (let i = 0; i < 25; i++) {
        const { meta, rows: r } = splitLayer(layer(`L${i}`, `第${i + 1}层`, `2025-01-${String(i + 1).padStart(2, '0')}T00:00:00Z`));
        metas.put(meta);
        rows.put(r);
      }
      rows.put({ id: 'orphan', rows: [], rejected: [] });
    });
    const { layers, damaged } = await indexedDbRepository(factory, 'test').load();
    expect(layers.map((l) => l.name)).toEqual(Array.from({ length: 20 }, (_, i) => `第${i + 1}层`));
    expect(damaged.map((d) => [d.name, d.reason])).toEqual(Array.from({ length: 5 }, (_, i) => [`第${i + 21}层`, '超过 20 个图层的上限']));
    let rowKeys: IDBValidKey[] = [];
    await tamper(factory, 'test', (_, rows) => {
      const keys = rows.getAllKeys();
      keys.onsuccess = () => (rowKeys = keys.result);
    });
    expect(rowKeys).toHaveLength(25);
    expect(rowKeys).not.toContain('orphan');
  });
});

describe('memory repository', () => {
  contract(() => {
    const repo = memoryRepository();
    return { repo, reopen: () => repo };
  });
});

describe('the layer store changes only after the repository did', () => {
  let repo: ReturnType<typeof memoryRepository>;
  beforeEach(async () => {
    repo = memoryRepository();
    setLayerRepository(() => repo);
    resetLayerState();
    await useLayerStore.getState().init();
  });

  it('adds, renames, hides and removes through the repository; names lose invisible characters', async () => {
    const s = useLayerStore.getState();
    await s.addLayer(ready(layer('L1')));
    await s.renameLayer('L1', '  新名字\u202E\u200b  ');
    await s.setLayerVisible('L1', false);
    expect(useLayerStore.getState().layers.map((l) => [l.name, l.visible])).toEqual([['新名字', false]]);
    expect(repo.snapshot().metas.map((m) => [(m as ImportedLayer).name, (m as ImportedLayer).visible])).toEqual([['新名字', false]]);
    await s.removeLayer('L1');
    expect(useLayerStore.getState().layers).toEqual([]);
    expect(repo.snapshot()).toEqual({ metas: [], rows: [] });
  });

  it('a failing write leaves store and repository as they were; a full disk says so', async () => {
    await useLayerStore.getState().addLayer(ready(layer('L1')));
    const before = { store: useLayerStore.getState().layers, repo: repo.snapshot() };
    // What Chromium throws on a full disk or quota: a DOMException whose message may be empty.
    const full = () => Promise.reject(new DOMException('', 'QuotaExceededError'));
    setLayerRepository(() => ({ load: repo.load, add: full, update: full, remove: full }));
    const s = useLayerStore.getState();
    await expect(s.addLayer(ready(layer('L2')))).rejects.toThrow('浏览器存储空间不足');
    await expect(s.renameLayer('L1', 'x')).rejects.toThrow('浏览器存储空间不足');
    await expect(s.setLayerVisible('L1', false)).rejects.toThrow('浏览器存储空间不足');
    await expect(s.removeLayer('L1')).rejects.toThrow('浏览器存储空间不足');
    expect(useLayerStore.getState().layers).toBe(before.store);
    expect(repo.snapshot()).toEqual(before.repo);
  });

  it('refuses an empty or invisible name and a 21st layer', async () => {
    const s = useLayerStore.getState();
    await s.addLayer(ready(layer('L0')));
    await expect(s.renameLayer('L0', ' \u0007 ')).rejects.toThrow('图层名称不能为空');
    await expect(s.renameLayer('L0', '\u200b')).rejects.toThrow('图层名称不能为空');
    await expect(s.renameLayer('L0', '\u3164\u2060\u00ad')).rejects.toThrow('图层名称不能为空');
    for (let i = 1; i < 20; i++) await s.addLayer(ready(layer(`L${i}`)));
    await expect(s.addLayer(ready(layer('L20')))).rejects.toThrow('最多保留 20 个导入的图层');
    expect(repo.snapshot().metas).toHaveLength(20);
  });

  it('a layer removed in another tab: renaming it refreshes the list and says so by name, not by id', async () => {
    await useLayerStore.getState().addLayer(ready(layer('Lmx1', '进度表')));
    await repo.remove('Lmx1'); // the other tab
    const err = await useLayerStore.getState().renameLayer('Lmx1', '新名').catch((e: Error) => e);
    expect(String(err)).toContain('图层“进度表”已在另一个标签页中删除，列表已更新');
    expect(String(err)).not.toContain('Lmx1');
    expect(useLayerStore.getState().layers).toEqual([]);
    expect(useLayerStore.getState().messages).toEqual(['图层“进度表”已在另一个标签页中删除，列表已更新']);
  });

  it('falls back to memory, and says so, when storage cannot be opened', async () => {
    setLayerRepository(() => ({ ...memoryRepository(), load: () => Promise.reject(new Error('SecurityError')) }));
    resetLayerState();
    await useLayerStore.getState().init();
    const st = useLayerStore.getState();
    expect(st.ready).toBe(true);
    expect(st.volatile).toBe(true);
    expect(st.messages[0]).toContain('导入的图层在刷新后不会保留');
    await st.addLayer(ready(layer('L1')));
    expect(useLayerStore.getState().layers).toHaveLength(1);
  });

  it('deletes a skipped layer from its message', async () => {
    repo.put({ ...splitLayer(layer('L9', '坏的')).meta }, { id: 'L9', rows: [null], rejected: [] });
    await useLayerStore.getState().init();
    const [d] = useLayerStore.getState().damaged;
    expect(d).toMatchObject({ name: '坏的', reason: '第 1 个数据行不是对象' });
    await useLayerStore.getState().removeDamaged(d!.key);
    expect(useLayerStore.getState().damaged).toEqual([]);
    expect(repo.snapshot()).toEqual({ metas: [], rows: [] });
  });
});

describe('tabs follow each other', () => {
  let stop = () => {};
  afterEach(() => stop());

  it('reads the layers again when another tab adds, renames or removes one, keeping the rows already loaded', async () => {
    const factory = new IDBFactory();
    setLayerRepository(() => indexedDbRepository(factory, 'tabs'));
    resetLayerState();
    await useLayerStore.getState().init();
    await useLayerStore.getState().addLayer(ready(layer('L1', '本页的')));
    const mine = useLayerStore.getState().layers[0]!;
    stop = followOtherTabs();
    const other = indexedDbRepository(factory, 'tabs');
    const otherTab = new BroadcastChannel('changzhi-plan-map-imports');
    try {
      await other.add(ready(layer('L2', '别页的', '2025-02-01T00:00:00Z')));
      otherTab.postMessage('layers-changed');
      await expect.poll(() => useLayerStore.getState().layers.map((l) => l.name)).toEqual(['本页的', '别页的']);
      // This tab's layer is the very same object: its points are not rebuilt.
      expect(useLayerStore.getState().layers[0]).toBe(mine);
      await other.update('L1', { name: '别页改名' });
      await other.remove('L2');
      otherTab.postMessage('layers-changed');
      await expect.poll(() => useLayerStore.getState().layers.map((l) => l.name)).toEqual(['别页改名']);
      expect(useLayerStore.getState().layers[0]!.rows).toBe(mine.rows);
    } finally {
      otherTab.close();
    }
  });
});
