import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildLayer } from '../../src/import/buildLayer.ts';
import { memoryRepository } from '../../src/import/persistence.ts';
import type { ImportedLayer } from '../../src/import/types.ts';
import { setLayerRepository, useLayerStore } from '../../src/state/layers.ts';
import { useAppStore } from '../../src/state/store.ts';
import { importBytes, utf8 } from '../import/support.ts';
import { lastMapProps, mapFault } from './fakeMapView.tsx';
import { probes } from './probes.ts';
import { renderApp, repoProjects } from './renderApp.tsx';

// Faults switched on by probes.fault are wired into the regions by test/setup-dom.ts.
const fault = probes.fault;

function layer(id: string, name: string): ImportedLayer {
  const { table, result } = importBytes(`${name}.csv`, utf8('项目名称,县区\n甲,平顺县\n乙,沁县\n'));
  return buildLayer(table, result, { mapping: { name: 0, county: 1 }, unit: '亿元', crs: 'wgs84' }, { id, name, color: '#6a3d9a', importedAt: new Date('2025-01-01T00:00:00Z') });
}

const planListed = () => screen.getByRole('list', { name: '项目列表' }).querySelectorAll(':scope > li').length;

// React reports every caught error on the console; the page says it in words, which is what is tested.
beforeEach(() => void vi.spyOn(console, 'error').mockImplementation(() => {}));

describe('a region that fails leaves the rest of the page working', () => {
  it('the map: says what failed, the list stays, hiding the imported layers brings the map back', async () => {
    const repo = memoryRepository();
    await repo.add(() => layer('L1', '炸图'));
    setLayerRepository(() => repo);
    mapFault.reason = (p) => (p.state.imported.some((l) => l.name === '炸图') ? '图层无法绘制' : null);
    await renderApp();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('地图出错了：图层无法绘制');
    expect(screen.queryByTestId('map')).toBeNull();
    expect(planListed()).toBe(repoProjects.length);
    fireEvent.click(within(alert).getByRole('button', { name: '隐藏导入的图层' }));
    expect(await screen.findByTestId('map')).toBeInTheDocument();
    expect(useLayerStore.getState().layers.map((l) => l.visible)).toEqual([false]);
    expect((await repo.load()).layers[0]!.visible).toBe(false);
  });

  it('the panel: the map keeps drawing, and 恢复默认视图 brings the list back', async () => {
    await renderApp('/?q=医院');
    const drawn = lastMapProps();
    act(() => {
      fault.panel = true;
      useAppStore.getState().setFilters({ query: '学校' });
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('项目面板出错了：列表无法绘制');
    expect(lastMapProps()).not.toBe(drawn); // the map followed the change
    fault.panel = false;
    fireEvent.click(within(alert).getByRole('button', { name: '恢复默认视图' }));
    await waitFor(() => expect(planListed()).toBe(repoProjects.length));
    expect(useAppStore.getState().filters.query).toBe('');
  });

  it('an imported layer whose points cannot be made: left off the map, named, and removable; the plan is all there', async () => {
    await renderApp();
    // After the stored layers were read (none), so the read does not replace what is set here.
    await waitFor(() => expect(useLayerStore.getState().ready).toBe(true));
    const broken = layer('L2', '坏层');
    // What load-time validation now refuses, as if a future bug let it through: a row that is not there.
    broken.rows = [...broken.rows, undefined as never];
    act(() => useLayerStore.setState({ layers: [layer('L1', '好层'), broken] }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('无法在地图上显示的图层“坏层”已跳过');
    expect(lastMapProps().state.imported.map((l) => l.name)).toEqual(['好层']);
    expect(lastMapProps().state.points.data.features.length).toBeGreaterThan(100);
    expect(planListed()).toBe(repoProjects.length);
    fireEvent.click(within(alert).getByRole('button', { name: '删除已跳过的图层 坏层' }));
    await waitFor(() => expect(useLayerStore.getState().layers.map((l) => l.name)).toEqual(['好层']));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('the import dialog: says so, and closes', async () => {
    await renderApp();
    fault.dialog = true;
    fireEvent.click(screen.getByRole('button', { name: '导入数据' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('导入对话框出错了：对话框无法绘制');
    fireEvent.click(within(alert).getByRole('button', { name: '关闭导入' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(useLayerStore.getState().dialogOpen).toBe(false);
    expect(planListed()).toBe(repoProjects.length);
  });

  it('the page: the header stays, with what failed and the ways out', async () => {
    await renderApp();
    act(() => {
      fault.legend = true;
      useAppStore.getState().setMetric('total');
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('页面出错了：图例无法绘制');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('项目地图');
    fault.legend = false;
    fireEvent.click(within(alert).getByRole('button', { name: '恢复默认视图' }));
    expect(await screen.findByTestId('map')).toBeInTheDocument();
    expect(useAppStore.getState().metric).toBe('density');
  });
});
