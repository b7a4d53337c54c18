import { afterAll, beforeAll, inject, it } from 'vitest';
import { benchCsv } from '../import/zz-bench.test.ts';
import { openBrowser, waitForMap, type Session } from './browser.ts';

let s: Session;
beforeAll(async () => {
  s = await openBrowser();
  await s.page.goto(inject('baseUrl'));
  await waitForMap(s.page);
});
afterAll(async () => s?.close());

it('bench2', async () => {
  await s.page.getByRole('button', { name: '导入数据' }).click();
  const dialog = s.page.getByRole('dialog', { name: '导入数据' });
  await dialog.locator('input[type=file]').setInputFiles({ name: 'b.csv', mimeType: 'text/csv', buffer: Buffer.from(benchCsv(100_000)) });
  await dialog.getByRole('checkbox', { name: /我已核对金额单位/ }).check();
  await dialog.getByRole('button', { name: '导入', exact: true }).click();
  await dialog.getByRole('button', { name: '完成' }).click({ timeout: 120_000 });
  await waitForMap(s.page, 240_000);
  const r = await s.page.evaluate(async () => {
    const m = window.__czMap!;
    const frame = () => new Promise<number>((res) => { const t = performance.now(); m.once('render', () => res(performance.now() - t)); m.triggerRepaint(); });
    const frames = [await frame(), await frame(), await frame()];
    
    const noHalo = 0, noRim = 0, none = 0;
    const src = m.getSource('imported') as unknown as { setData: (d: unknown) => void; serialize: () => { data: unknown } };
    const t = performance.now();
    const data = (m as unknown as { style: { sourceCaches: Record<string, unknown> } }) && src.serialize().data;
    src.setData(data);
    await new Promise<void>((res) => { const check = () => (m.loaded() && m.areTilesLoaded() ? res() : requestAnimationFrame(check)); requestAnimationFrame(check); });
    return { frames, noHalo, noRim, none, setData: performance.now() - t };
  });
  console.log('BENCH2', JSON.stringify(r));
  const idb = await s.page.evaluate(async () => {
    const t0 = performance.now();
    const db = await new Promise<IDBDatabase>((res, rej) => { const q = indexedDB.open('changzhi-plan-map-imports', 1); q.onsuccess = () => res(q.result); q.onerror = () => rej(q.error); });
    const rows = await new Promise<unknown[]>((res, rej) => { const q = db.transaction('rows').objectStore('rows').getAll(); q.onsuccess = () => res(q.result); q.onerror = () => rej(q.error); });
    const t1 = performance.now();
    const n = (rows[0] as { rows: unknown[] }).rows.length;
    const json = JSON.stringify(rows).length;
    return { getAll: t1 - t0, n, jsonMB: json / 1e6 };
  });
  console.log('BENCH2 idb', JSON.stringify(idb));
}, 900_000);
