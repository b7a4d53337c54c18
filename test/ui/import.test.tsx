import 'fake-indexeddb/auto';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LayerRepository } from '../../src/import/persistence.ts';
import { buildLayer } from '../../src/import/buildLayer.ts';
import { detectMapping } from '../../src/import/headers.ts';
import { indexedDbRepository, memoryRepository, splitLayer } from '../../src/import/persistence.ts';
import { resetLayerState, setLayerRepository, useLayerStore } from '../../src/state/layers.ts';
import { hostileCorpus } from '../import/corpus.ts';
import { counties, importBytes, utf8 } from '../import/support.ts';
import { lastMapProps, lastMapState } from './fakeMapView.tsx';
import { renderApp, repoProjects } from './renderApp.tsx';

// Each test walks a whole import (read, check, store in IndexedDB): allow for a loaded machine.
vi.setConfig({ testTimeout: 30_000 });

const corpus = hostileCorpus(counties);
const corpusFile = (name: string) => {
  const f = corpus.find((x) => x.name === name)!;
  return new File([f.bytes], f.name);
};
/** Every imported point the map was last given, over all visible layers. */
const importedFeatures = () => lastMapState().imported.flatMap((l) => l.points.data.features);
const csvFile = (name: string, text: string) => new File([text], name, { type: 'text/csv' });
const GOOD = '项目名称,总投资（万元）,县区,建设地点,经度,纬度\n新建卫生院,5000,平顺县,青羊镇,,\n坐标项目,12000,,,113.116,36.195\n坏数额,abc,沁县,,,\n太原项目,1,太原市,,,\n';

let dbCount = 0;
beforeEach(() => {
  // A fresh database per test, as a fresh browser profile would have.
  const name = `test-${++dbCount}`;
  setLayerRepository(() => indexedDbRepository(indexedDB, name));
  resetLayerState();
});
afterEach(() => vi.unstubAllGlobals());

async function openDialog() {
  fireEvent.click(await screen.findByRole('button', { name: '导入数据' }));
  return screen.findByRole('dialog', { name: '导入数据' });
}

async function chooseFile(dialog: HTMLElement, file: File) {
  const input = dialog.querySelector('input[type=file]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [file] } });
}

/** Opens the dialog, reads the file, confirms the unit if asked, imports. */
async function importFile(file: File) {
  const dialog = await openDialog();
  await chooseFile(dialog, file);
  await within(dialog).findByRole('table', { name: '导入预览' });
  const confirm = within(dialog).queryByRole('checkbox', { name: /我已核对金额单位/ });
  if (confirm) fireEvent.click(confirm);
  fireEvent.click(within(dialog).getByRole('button', { name: '导入' }));
  await within(dialog).findByRole('button', { name: '完成' });
  return dialog;
}

describe('import', () => {
  it('keeps keyboard focus inside the dialog and gives it back to 导入数据 when it closes', async () => {
    await renderApp();
    const opener = await screen.findByRole('button', { name: '导入数据' });
    opener.focus(); // as a real click would
    fireEvent.click(opener);
    const dialog = await screen.findByRole('dialog', { name: '导入数据' });
    await chooseFile(dialog, csvFile('a.csv', GOOD));
    await within(dialog).findByRole('table', { name: '导入预览' });
    const controls = [...dialog.querySelectorAll<HTMLElement>('button:not([disabled]), input:not([disabled]), select:not([disabled])')];
    expect(controls.length).toBeGreaterThan(3);
    const first = controls[0]!;
    const last = controls[controls.length - 1]!;
    last.focus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
    // A Tab between two controls is left to the browser.
    first.focus();
    expect(fireEvent.keyDown(first, { key: 'Tab' })).toBe(true);
    fireEvent.keyDown(first, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(opener);
  });

  it('imports a CSV beside the plan: mapping, unit, preview, rejected rows with reasons', async () => {
    await renderApp();
    const builtInPoints = lastMapState().points.data.features.length;
    const count = screen.getByTestId('summary-count').textContent;
    const dialog = await openDialog();
    await chooseFile(dialog, csvFile('2024进度.csv', GOOD));
    await within(dialog).findByRole('table', { name: '导入预览' });
    expect(within(dialog).getByRole('combobox', { name: '项目名称所在的列' })).toHaveDisplayValue('项目名称');
    expect(within(dialog).getByRole('combobox', { name: '县区所在的列' })).toHaveDisplayValue('县区');
    expect(within(dialog).getByRole('radio', { name: '万元' })).toBeChecked();
    expect(dialog).toHaveTextContent('表头“总投资（万元）”写明了单位');
    expect(within(dialog).getByTestId('import-precheck')).toHaveTextContent('2 行可导入，2 行有问题');
    // The unit must be confirmed before anything is imported.
    expect(within(dialog).getByRole('button', { name: '导入' })).toBeDisabled();
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /我已核对金额单位是万元/ }));
    // Sent three times before the first is done (a double click, an impatient Enter): one layer.
    const form = within(dialog).getByRole('button', { name: '导入' }).closest('form')!;
    fireEvent.submit(form);
    fireEvent.submit(form);
    fireEvent.submit(form);
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('已导入 2 行为图层“2024进度”'));
    expect(useLayerStore.getState().layers).toHaveLength(1);
    const rejected = within(dialog).getByRole('region', { name: '未导入的行' });
    const rows = within(rejected).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual(['4总投资（万元）不是数字：“abc”', '5县区未知的县区“太原市”：应为长治市 12 个县区之一（如 平顺县）']);
    fireEvent.click(within(dialog).getByRole('button', { name: '完成' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    // On the map beside the plan's points, which are all still there; not in the plan's figures.
    await waitFor(() => expect(importedFeatures()).toHaveLength(2));
    expect(importedFeatures().map((f) => [f.properties.name, f.properties.amount, f.properties.precision])).toEqual([
      ['坐标项目', 1.2, 'site'],
      ['新建卫生院', 0.5, 'township'],
    ]);
    expect(lastMapState().points.data.features).toHaveLength(builtInPoints);
    expect(screen.getByTestId('summary-count').textContent).toBe(count);
    const panel = screen.getByRole('region', { name: '导入的图层' });
    expect(panel).toHaveTextContent('不计入规划项目的投资合计、密度和排名');
    expect(panel).toHaveTextContent('2 行 · 2024进度.csv');
  });

  it('applies the explorer filters to imported rows (not the category), with each layer’s count, and keeps them out of the plan’s figures', async () => {
    await renderApp();
    fireEvent.click(within(await importFile(csvFile('2024进度.csv', GOOD))).getByRole('button', { name: '完成' }));
    await waitFor(() => expect(importedFeatures()).toHaveLength(2));
    const panel = screen.getByRole('region', { name: '导入的图层' });
    expect(within(panel).getByTestId('imported-filter-note')).toHaveTextContent('类别筛选对它们不起作用');
    expect(within(panel).queryByTestId('imported-layer-matched')).toBeNull();
    const planOnly = screen.getByTestId('summary-count').textContent;

    // A county chip: only the row located in 平顺县 stays on the map; the panel says 1 of 2.
    const filters = screen.getByRole('region', { name: '筛选' });
    fireEvent.click(within(filters).getByRole('button', { name: '平顺县' }));
    await waitFor(() => expect(importedFeatures().map((f) => f.properties.name)).toEqual(['新建卫生院']));
    expect(within(panel).getByTestId('imported-layer-matched')).toHaveTextContent('符合当前筛选：1 / 2 行');
    // The county's card folded the filters into one line.
    fireEvent.click(screen.getByRole('button', { name: '展开' }));
    fireEvent.click(within(filters).getByRole('button', { name: '平顺县' }));
    await waitFor(() => expect(importedFeatures()).toHaveLength(2));

    // A category: the rows have none, so the layer is left as it was (the same points and key: not sent again).
    const before = lastMapState().imported[0]!.points;
    fireEvent.click(within(filters).getByRole('checkbox', { name: /教育/ }));
    await waitFor(() => expect(screen.getByTestId('summary-count').textContent).not.toBe(planOnly));
    expect(lastMapState().imported[0]!.points.key).toBe(before.key);
    expect(lastMapState().imported[0]!.points.data).toBe(before.data);
    expect(within(panel).queryByTestId('imported-layer-matched')).toBeNull();
    fireEvent.click(within(filters).getByRole('checkbox', { name: /教育/ }));

    // Search and investment range (亿元: 5000 万元 = 0.5 亿元).
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索项目' }), { target: { value: '坐标' } });
    await waitFor(() => expect(importedFeatures().map((f) => f.properties.name)).toEqual(['坐标项目']));
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索项目' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: '投资额最大' }), { target: { value: '1' } });
    await waitFor(() => expect(importedFeatures().map((f) => f.properties.name)).toEqual(['新建卫生院']));
    expect(within(panel).getByTestId('imported-layer-matched')).toHaveTextContent('1 / 2 行');
    // The plan's figures are the plan's alone, whatever is imported.
    const summary = screen.getByTestId('summary-count').textContent;
    act(() => void useLayerStore.getState().setLayerVisible(useLayerStore.getState().layers[0]!.id, false));
    await waitFor(() => expect(importedFeatures()).toHaveLength(0));
    expect(screen.getByTestId('summary-count').textContent).toBe(summary);
  });

  it('hides, renames and removes a layer, and keeps it across a reload', async () => {
    const first = await renderApp();
    fireEvent.click(await importFile(csvFile('a.csv', GOOD)).then((d) => within(d).getByRole('button', { name: '完成' })));
    const panel = await screen.findByRole('region', { name: '导入的图层' });
    // The map's legend names each visible imported layer, and only those.
    expect(within(screen.getByRole('region', { name: '导入图层的图例' })).getByRole('listitem')).toHaveTextContent('a');
    fireEvent.click(within(panel).getByRole('checkbox', { name: 'a' }));
    await waitFor(() => expect(importedFeatures()).toHaveLength(0));
    expect(screen.queryByRole('region', { name: '导入图层的图例' })).toBeNull();
    fireEvent.click(within(panel).getByRole('button', { name: '重命名图层 a' }));
    fireEvent.change(within(panel).getByRole('textbox', { name: '新的图层名称' }), { target: { value: '今年进度' } });
    fireEvent.click(within(panel).getByRole('button', { name: '保存' }));
    await within(panel).findByRole('checkbox', { name: '今年进度' });

    // Reload: a new page reads the layers back from IndexedDB.
    first.unmount();
    resetLayerState();
    const dbName = `test-${dbCount}`;
    setLayerRepository(() => indexedDbRepository(indexedDB, dbName));
    await renderApp();
    const again = await screen.findByRole('region', { name: '导入的图层' });
    const box = await within(again).findByRole('checkbox', { name: '今年进度' });
    expect(box).not.toBeChecked();
    fireEvent.click(box);
    await waitFor(() => expect(importedFeatures()).toHaveLength(2));
    await waitFor(() => expect(screen.getAllByRole('listitem').length).toBeGreaterThanOrEqual(repoProjects.length));

    fireEvent.click(within(again).getByRole('button', { name: '删除图层 今年进度' }));
    fireEvent.click(within(again).getByRole('button', { name: '确认删除' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: '导入的图层' })).toBeNull());
    expect(importedFeatures()).toHaveLength(0);
    expect((await indexedDbRepository(indexedDB, dbName).load()).layers).toEqual([]);
  });

  it('renders hostile names as text: no element is created from them, no script runs', async () => {
    await renderApp();
    await importFile(corpusFile('xss-names.csv'));
    fireEvent.click(screen.getByRole('button', { name: '完成' }));
    await waitFor(() => expect(importedFeatures()).toHaveLength(3));
    const p = lastMapProps();
    const tip = p.describeImported!(importedFeatures()[1]!.properties);
    expect(tip?.title).toBe('<img src=x onerror="window.__pwned=2">');
    act(() => p.onClickImported!(importedFeatures()[1]!.properties.layer, importedFeatures()[1]!.properties.row));
    expect(await screen.findByRole('heading', { level: 2, name: '<img src=x onerror="window.__pwned=2">' })).toBeInTheDocument();
    expect(screen.getByText('<b onmouseover=alert(1)>青羊镇</b>')).toBeInTheDocument();
    expect(document.querySelectorAll('script, img, svg[onload], b[onmouseover]')).toHaveLength(0);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('refuses a file that says it is 1 GB without reading it', async () => {
    await renderApp();
    const dialog = await openDialog();
    const file = csvFile('huge.csv', 'x');
    const read = vi.fn(() => file.arrayBuffer());
    Object.defineProperty(file, 'size', { value: 2 ** 30 });
    Object.defineProperty(file, 'arrayBuffer', { value: read });
    await chooseFile(dialog, file);
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('huge.csv 无法导入');
    expect(alert).toHaveTextContent('文件大小 1.0 GB 超过上限 20.0 MB');
    expect(alert).toHaveTextContent('已加载的数据没有任何改动');
    expect(read).not.toHaveBeenCalled();
  });

  it('a file whose every row is bad adds no layer and lists every reason', async () => {
    await renderApp();
    const dialog = await importFile(csvFile('bad.csv', '项目名称,县区\n,平顺县\n甲,北京市\n'));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('没有可导入的行：bad.csv 的 2 行都有问题');
    expect(within(within(dialog).getByRole('region', { name: '未导入的行' })).getAllByRole('row')).toHaveLength(3);
    expect(useLayerStore.getState().layers).toEqual([]);
  });

  it('a full disk part-way says so, and leaves layers, map and plan as they were', async () => {
    const repo = memoryRepository();
    // What Chromium throws when the disk or the quota is full: its message is often empty.
    const failing: LayerRepository = { ...repo, add: () => Promise.reject(new DOMException('', 'QuotaExceededError')) };
    setLayerRepository(() => failing);
    await renderApp();
    const points = lastMapState().points.data.features.length;
    const dialog = await importFile(csvFile('a.csv', GOOD));
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      '图层没有保存：浏览器存储空间不足，请删除不需要的导入图层，或清理浏览器中其他网站的数据后再试。已加载的数据没有任何改动。',
    );
    expect(useLayerStore.getState().layers).toEqual([]);
    expect(repo.snapshot().metas).toEqual([]);
    expect(importedFeatures()).toHaveLength(0);
    expect(lastMapState().points.data.features).toHaveLength(points);
  });

  it('takes a file dropped on the map; of several, says which one it opened and that the others were not imported', async () => {
    await renderApp();
    fireEvent.dragEnter(document, { dataTransfer: { types: ['Files'], files: [] } });
    const zone = await screen.findByTestId('import-dropzone');
    const files = [new File(['x'], '说明.docx'), corpusFile('long-headers.csv'), csvFile('第二个.csv', GOOD)];
    fireEvent.drop(zone, { dataTransfer: { types: ['Files'], files } });
    const dialog = await screen.findByRole('dialog', { name: '导入数据' });
    expect(await within(dialog).findByRole('table', { name: '导入预览' })).toBeInTheDocument();
    expect(within(dialog).getByTestId('import-ignored-files')).toHaveTextContent(
      '一次只能导入一个文件：打开的是 long-headers.csv；同时拖入的 说明.docx、第二个.csv 没有导入，请逐个导入。',
    );
    // Its 100,000-character header cells: cut with a note, and shorter still in the drop-downs.
    expect(dialog).toHaveTextContent('表头超过 100 字，已截断');
    const labels = within(within(dialog).getByRole('combobox', { name: '项目名称所在的列' })).getAllByRole('option').map((o) => o.textContent!);
    expect(labels[1]).toMatch(/^项目名称很长的表头/);
    for (const l of labels) expect(l.length).toBeLessThanOrEqual(41);
  });

  it('skips a damaged stored layer with a message naming it, shows the plan and the intact layers, and deletes it from the message', async () => {
    const repo = memoryRepository();
    const { table, result } = importBytes('好的.csv', utf8(GOOD));
    const good = buildLayer(table, result, { mapping: detectMapping(table.columns), unit: '万元', crs: 'wgs84' }, { id: 'L1', name: '好的', color: '#6a3d9a', importedAt: new Date() });
    await repo.add(() => good);
    const { meta, rows } = splitLayer({ ...good, id: 'L2', name: '有空洞的' });
    rows.rows = [...rows.rows];
    rows.rows.length += 1; // a hole, as a tampered or half-written record has
    repo.put(meta, rows);
    setLayerRepository(() => repo);
    await renderApp();
    const panel = await screen.findByRole('region', { name: '导入的图层' });
    const alert = await within(panel).findByRole('alert');
    expect(alert).toHaveTextContent('本地保存的图层“有空洞的”已跳过：数据行第 3 项缺失');
    expect(screen.getAllByRole('listitem').length).toBeGreaterThanOrEqual(repoProjects.length);
    await waitFor(() => expect(importedFeatures()).toHaveLength(2));
    fireEvent.click(within(alert).getByRole('button', { name: '删除已跳过的图层 有空洞的' }));
    await waitFor(() => expect(within(panel).queryByRole('alert')).toBeNull());
    expect(repo.snapshot().metas).toHaveLength(1);
  });
});

describe('hostile links', () => {
  it('shows a script in q as the search text, and runs nothing', async () => {
    await renderApp('/?q=%3Cscript%3Ewindow.__pwned%3D9%3C%2Fscript%3E');
    expect(screen.getByRole('searchbox', { name: '搜索项目' })).toHaveValue('<script>window.__pwned=9</script>');
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('opens the default view with a notice for huge, unknown and repeated parameters', async () => {
    const huge = 'x'.repeat(100_000);
    await renderApp(`/?q=${huge}&county=140425&county=140403&evil=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&metric=${'a'.repeat(300)}&map=99/999/999`);
    const notice = await screen.findByRole('status', {}, { timeout: 5000 });
    expect(notice).toHaveTextContent('链接中有参数无效，已忽略');
    expect(notice).toHaveTextContent('q=xxxxxxxx');
    expect(notice).toHaveTextContent('过长');
    expect(notice).toHaveTextContent('county=140403（重复的参数）');
    expect(notice).toHaveTextContent('evil=<img src=x onerror=alert(1)>（未知的参数）');
    expect(notice).toHaveTextContent('map=99/999/999');
    expect(document.querySelectorAll('img')).toHaveLength(0);
    // Only the one valid parameter is applied; everything else is the default view.
    await waitFor(() => expect(window.location.search).toBe('?county=140425'));
    expect(notice.textContent!.length).toBeLessThan(1000);
  });
});
