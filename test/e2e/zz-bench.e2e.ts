import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { benchCsv } from '../import/zz-bench.test.ts';
import { openBrowser, screenshotPath, waitForMap, type Session } from './browser.ts';

let s: Session;
beforeAll(async () => {
  s = await openBrowser();
  await s.page.goto(inject('baseUrl'));
  await waitForMap(s.page);
});
afterAll(async () => s?.close());

it('bench', async () => {
  for (const n of [10_000, 100_000]) {
    await s.page.getByRole('button', { name: '导入数据' }).click();
    const dialog = s.page.getByRole('dialog', { name: '导入数据' });
    const t0 = Date.now();
    await dialog.locator('input[type=file]').setInputFiles({ name: `bench-${n}.csv`, mimeType: 'text/csv', buffer: Buffer.from(benchCsv(n)) });
    await dialog.getByRole('table', { name: '导入预览' }).waitFor({ timeout: 120_000 });
    const t1 = Date.now();
    await dialog.getByRole('checkbox', { name: /我已核对金额单位/ }).check();
    const t2 = Date.now();
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 240_000 }).toContain('已导入');
    const t3 = Date.now();
    await dialog.getByRole('button', { name: '完成' }).click();
    await waitForMap(s.page, 240_000);
    const t4 = Date.now();
    console.log(`BENCH ${n}: read+preview ${t1 - t0} ms; validate+store ${t3 - t2} ms; map drawn ${t4 - t3} ms`);
  }
  await s.page.screenshot({ path: screenshotPath('bench') });
  const t5 = Date.now();
  await s.page.reload();
  await s.page.getByRole('region', { name: '导入的图层' }).getByRole('listitem').first().waitFor({ timeout: 120_000 });
  const t6 = Date.now();
  const ready = await s.page.evaluate(() => performance.getEntriesByName('map-ready')[0]?.startTime ?? -1);
  await waitForMap(s.page, 240_000);
  console.log(`BENCH reload with 110,000 imported rows: layers listed ${t6 - t5} ms (map-ready mark ${Math.round(ready)} ms), map drawn ${Date.now() - t5} ms`);
}, 900_000);
