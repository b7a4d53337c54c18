import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildLayer } from '../../src/import/buildLayer.ts';
import { indexedDbRepository, memoryRepository, type LayerRepository } from '../../src/import/persistence.ts';
import type { ImportedLayer } from '../../src/import/types.ts';
import { resetLayerState, setLayerRepository, useLayerStore } from '../../src/state/layers.ts';
import { importBytes, utf8 } from './support.ts';

function layer(id: string, name = id): ImportedLayer {
  const { table, result } = importBytes(`${name}.csv`, utf8('项目名称,总投资,县区\n甲,1,平顺县\n乙,x,沁县\n丙,2,沁源县\n'));
  return buildLayer(table, result, { mapping: { name: 0, total: 1, county: 2 }, unit: '亿元', crs: 'wgs84' }, {
    id,
    name,
    color: '#6a3d9a',
    importedAt: new Date('2025-01-02T03:04:05Z'),
  });
}

function contract(make: () => { repo: LayerRepository; reopen: () => LayerRepository }) {
  it('stores a layer whole and gives it back after a reload', async () => {
    const { repo, reopen } = make();
    await repo.add(layer('L1', '第一层'));
    const { layers, problems } = await reopen().load();
    expect(problems).toEqual([]);
    expect(layers).toEqual([layer('L1', '第一层')]);
    expect(layers[0]!.rows.map((r) => r.name)).toEqual(['甲', '丙']);
    expect(layers[0]!.rejected.map((r) => r.row)).toEqual([3]);
  });

  it('renames, hides and removes', async () => {
    const { repo, reopen } = make();
    await repo.add(layer('L1'));
    await repo.add(layer('L2'));
    await repo.update('L1', { name: '改名', visible: false });
    await repo.remove('L2');
    const { layers } = await reopen().load();
    expect(layers.map((l) => [l.id, l.name, l.visible])).toEqual([['L1', '改名', false]]);
    expect(layers[0]!.rows).toHaveLength(2);
    await expect(repo.update('nope', { name: 'x' })).rejects.toThrow('没有编号为 nope 的图层');
  });

  it('a layer that cannot be stored leaves the stored layers as they were', async () => {
    const { repo, reopen } = make();
    await repo.add(layer('L1'));
    const bad = layer('L2');
    (bad.rows[1] as unknown as Record<string, unknown>).oops = () => 'not cloneable';
    await expect(repo.add(bad)).rejects.toThrow();
    const { layers } = await reopen().load();
    expect(layers.map((l) => l.id)).toEqual(['L1']);
  });

  it('refuses to add the same id twice, keeping the first', async () => {
    const { repo, reopen } = make();
    await repo.add(layer('L1', '原来的'));
    await expect(repo.add(layer('L1', '重复的'))).rejects.toThrow();
    expect((await reopen().load()).layers.map((l) => l.name)).toEqual(['原来的']);
  });
}

describe('IndexedDB repository (fake-indexeddb)', () => {
  contract(() => {
    const factory = new IDBFactory();
    return { repo: indexedDbRepository(factory, 'test'), reopen: () => indexedDbRepository(factory, 'test') };
  });

  it('skips and reports a damaged record instead of showing it', async () => {
    const factory = new IDBFactory();
    const repo = indexedDbRepository(factory, 'test');
    await repo.add(layer('L1', '好的'));
    await repo.add(layer('L2', '坏的'));
    // Damage L2's rows behind the repository's back, as another version or a user's devtools might.
    await new Promise<void>((resolve, reject) => {
      const open = factory.open('test', 1);
      open.onsuccess = () => {
        const tx = open.result.transaction('rows', 'readwrite');
        tx.objectStore('rows').put({ id: 'L2', rows: [{ row: 1, name: '<img src=x onerror=alert(1)>', location: { lon: 0, lat: 0 } }], rejected: [] });
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    const { layers, problems } = await indexedDbRepository(factory, 'test').load();
    expect(layers.map((l) => l.name)).toEqual(['好的']);
    expect(problems).toEqual(['本地保存的图层“坏的”已损坏（数据行已损坏），已忽略']);
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

  it('adds, renames, hides and removes through the repository', async () => {
    const s = useLayerStore.getState();
    await s.addLayer(layer('L1'));
    await s.renameLayer('L1', '  新名字\u202E  ');
    await s.setLayerVisible('L1', false);
    expect(useLayerStore.getState().layers.map((l) => [l.name, l.visible])).toEqual([['新名字', false]]);
    expect(repo.snapshot().metas.map((m) => [m.name, m.visible])).toEqual([['新名字', false]]);
    await s.removeLayer('L1');
    expect(useLayerStore.getState().layers).toEqual([]);
    expect(repo.snapshot()).toEqual({ metas: [], rows: [] });
  });

  it('a failing write leaves store and repository as they were', async () => {
    await useLayerStore.getState().addLayer(layer('L1'));
    const before = { store: useLayerStore.getState().layers, repo: repo.snapshot() };
    const failing: LayerRepository = {
      load: repo.load,
      add: () => Promise.reject(new Error('QuotaExceededError')),
      update: () => Promise.reject(new Error('QuotaExceededError')),
      remove: () => Promise.reject(new Error('QuotaExceededError')),
    };
    setLayerRepository(() => failing);
    const s = useLayerStore.getState();
    await expect(s.addLayer(layer('L2'))).rejects.toThrow('QuotaExceededError');
    await expect(s.renameLayer('L1', 'x')).rejects.toThrow('QuotaExceededError');
    await expect(s.setLayerVisible('L1', false)).rejects.toThrow('QuotaExceededError');
    await expect(s.removeLayer('L1')).rejects.toThrow('QuotaExceededError');
    expect(useLayerStore.getState().layers).toBe(before.store);
    expect(repo.snapshot()).toEqual(before.repo);
  });

  it('refuses an empty name and a 21st layer', async () => {
    const s = useLayerStore.getState();
    await s.addLayer(layer('L0'));
    await expect(s.renameLayer('L0', ' \u0007 ')).rejects.toThrow('图层名称不能为空');
    for (let i = 1; i < 20; i++) await s.addLayer(layer(`L${i}`));
    await expect(s.addLayer(layer('L20'))).rejects.toThrow('最多保留 20 个导入的图层');
    expect(repo.snapshot().metas).toHaveLength(20);
  });

  it('falls back to memory, and says so, when storage cannot be opened', async () => {
    setLayerRepository(() => ({ ...memoryRepository(), load: () => Promise.reject(new Error('SecurityError')) }));
    resetLayerState();
    await useLayerStore.getState().init();
    const st = useLayerStore.getState();
    expect(st.ready).toBe(true);
    expect(st.volatile).toBe(true);
    expect(st.problems[0]).toContain('导入的图层在刷新后不会保留');
    await st.addLayer(layer('L1'));
    expect(useLayerStore.getState().layers).toHaveLength(1);
  });
});
