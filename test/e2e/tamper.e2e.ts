import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Project } from '../../src/data/project.ts';
import { openBrowser, screenshotPath, waitForMap, type Session } from './browser.ts';

const projects = JSON.parse(readFileSync('data/projects.json', 'utf8')) as Project[];

/**
 * What the adversarial pass did by hand in devtools: layers written straight
 * into the app's IndexedDB, one with a hole in its rows, one with an amount
 * of 1e308, 25 in all, and rows without a layer; then a reload. On main this
 * left #root empty on every load until the user cleared the site's data.
 */
describe('tampered storage', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;

  beforeAll(async () => {
    s = await openBrowser();
  });
  afterAll(async () => s?.close());

  const listItems = () => s.page.getByRole('list', { name: '项目列表' }).getByRole('listitem');
  const importedSources = () =>
    s.page.evaluate(() => Object.keys(window.__czMap!.getStyle().sources).filter((k) => k.startsWith('imported-')).length);

  it('loads the plan, its map and list, and the intact layers, and names each skipped layer', async () => {
    await s.page.goto(baseUrl);
    await waitForMap(s.page); // the app has created its database
    await s.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('changzhi-plan-map-imports', 1);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const row = (n: number) => ({
        row: n + 1,
        name: `篡改的项目${n}`,
        total: 1,
        plan: null,
        nature: null,
        period: null,
        content: null,
        owner: null,
        remarks: null,
        locationText: null,
        location: { county: '140425', lon: 113.43, lat: 36.2, precision: 'county', method: 'county', matched: '平顺县', note: null },
        duplicateOf: null,
        warnings: [],
      });
      const tx = db.transaction(['layers', 'rows'], 'readwrite');
      for (let i = 0; i < 25; i++) {
        const id = `T${String(i).padStart(2, '0')}`;
        const name = i === 0 ? '有空洞的图层' : i === 1 ? '天文数字图层' : `篡改图层${i}`;
        const rows = [row(1), row(2)];
        if (i === 0) rows.length += 1; // the hole `every` skipped
        if (i === 1) rows[0]!.total = 1e308;
        tx.objectStore('layers').put({
          id,
          name,
          color: '#6a3d9a',
          visible: true,
          fileName: `${name}.csv`,
          format: 'csv',
          importedAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
          unit: '亿元',
          crs: 'wgs84',
          columns: ['项目名称'],
          rowCount: rows.length,
          rejectedCount: 0,
        });
        tx.objectStore('rows').put({ id, rows, rejected: [] });
      }
      tx.objectStore('rows').put({ id: 'orphan', rows: [], rejected: [] });
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    });

    await s.page.reload();
    await waitForMap(s.page);
    await expect.poll(() => listItems().count()).toBe(projects.length);
    const countiesDrawn = await s.page.evaluate(() => window.__czMap!.queryRenderedFeatures({ layers: ['county-fill'] }).length > 0);
    expect(countiesDrawn).toBe(true);

    const skipped = s.page.getByRole('list', { name: '已跳过的图层' });
    await expect.poll(() => skipped.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('本地保存的图层“有空洞的图层”已跳过：数据行第 3 项缺失'),
      expect.stringContaining('本地保存的图层“天文数字图层”已跳过：第 1 个数据行的金额无效'),
      expect.stringContaining('本地保存的图层“篡改图层22”已跳过：超过 20 个图层的上限'),
      expect.stringContaining('本地保存的图层“篡改图层23”已跳过：超过 20 个图层的上限'),
      expect.stringContaining('本地保存的图层“篡改图层24”已跳过：超过 20 个图层的上限'),
    ]);
    const panel = s.page.getByRole('region', { name: '导入的图层' });
    await expect.poll(() => panel.locator('.imported-layer').count()).toBe(20);
    await expect.poll(importedSources).toBe(20);
    expect(await s.page.locator('.region-error').count()).toBe(0);
    // 1e308 never reached MapLibre ("Given varint doesn't fit into 10 bytes").
    expect(s.consoleErrors.filter((e) => /varint/i.test(e))).toEqual([]);
    await s.page.screenshot({ path: screenshotPath('tampered-storage') });
  });

  it('deletes a skipped layer from its message, for good, and leaves no orphan rows', async () => {
    const skipped = s.page.getByRole('list', { name: '已跳过的图层' });
    await skipped.getByRole('button', { name: '删除已跳过的图层 有空洞的图层' }).click();
    await expect.poll(() => skipped.getByRole('listitem').count()).toBe(4);
    await s.page.reload();
    await waitForMap(s.page);
    await expect.poll(() => s.page.getByRole('list', { name: '已跳过的图层' }).getByRole('listitem').count()).toBe(4);
    const keys = await s.page.evaluate(
      () =>
        new Promise<IDBValidKey[]>((resolve, reject) => {
          const open = indexedDB.open('changzhi-plan-map-imports', 1);
          open.onsuccess = () => {
            const req = open.result.transaction('rows').objectStore('rows').getAllKeys();
            req.onsuccess = () => {
              open.result.close();
              resolve(req.result);
            };
          };
          open.onerror = () => reject(open.error);
        }),
    );
    expect(keys).not.toContain('orphan');
    expect(keys).not.toContain('T00');
    expect(keys).toHaveLength(24);
  });
});
