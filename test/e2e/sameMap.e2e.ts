import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PNG_SIZES, pngLayout } from '../../src/export/pngLayout.ts';
import type { CityCollection, CountyCollection } from '../../src/geo/types.ts';
import { exportFrame } from '../../src/export/exportFrame.ts';
import { SCREENSHOT_DIR, lonLatToPage, openBrowser, screenshotPath, waitForMap, type Session } from './browser.ts';

const counties = JSON.parse(readFileSync('geo/counties.geojson', 'utf8')) as CountyCollection;
const city = JSON.parse(readFileSync('geo/city.geojson', 'utf8')) as CityCollection;
const citySeat = city.features[0]!.properties.seat;
/**
 * One row in each of the counties whose label points (inside them, away from the plan's seats) lie
 * 0.3° or more apart, 5 亿元 each: far enough apart on a slide that no cluster merges two of them.
 */
const ROWS = counties.features
  .map((f) => ({ county: f.properties.name, adcode: f.properties.adcode, at: f.properties.labelPoint }))
  .reduce<{ county: string; adcode: string; at: [number, number] }[]>(
    (kept, r) => (kept.every((k) => Math.hypot(k.at[0] - r.at[0], k.at[1] - r.at[1]) >= 0.3) ? [...kept, r] : kept),
    [],
  );
const CSV = ['项目名称,县区,经度,纬度,总投资（亿元）', ...ROWS.map((r, i) => `对照项目${i + 1},${r.county},${r.at[0]},${r.at[1]},5`)].join('\n') + '\n';

/** Web Mercator, in units of the world's width. */
const merc = ([lon, lat]: [number, number]) => [(lon + 180) / 360, (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2] as const;

/**
 * The same map on every output: the exported PNG and the printed picture draw
 * from the same spec as the screen, so an imported layer is in both; a change
 * that leaves the points alone (the metric) does not redraw them.
 */
describe('one map on screen, in the PNG and on the print sheet', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;
  let color = '';
  beforeAll(async () => {
    s = await openBrowser();
    await s.page.goto(baseUrl);
    await waitForMap(s.page);
  });
  afterAll(async () => s?.close());

  const spread = () => s.page.evaluate(() => window.__czMap!.queryRenderedFeatures({ layers: ['spider-point'] }).length);

  it('switching the metric keeps a spread of stacked points open', async () => {
    await s.page.evaluate((c) => window.__czMap!.jumpTo({ center: c, zoom: 11 }), citySeat);
    await waitForMap(s.page);
    const at = await lonLatToPage(s.page, citySeat);
    await s.page.mouse.click(at.x, at.y);
    await expect.poll(spread).toBeGreaterThan(5);
    const open = await spread();
    await s.page.getByRole('combobox', { name: '指标' }).selectOption('total');
    await waitForMap(s.page);
    expect(await spread()).toBe(open);
    await s.page.getByRole('combobox', { name: '分级方法' }).selectOption('jenks');
    await waitForMap(s.page);
    expect(await spread()).toBe(open);
    // A filter change sends new points: the spread closes.
    const education = s.page.getByRole('group', { name: '类别' }).getByText('教育');
    await education.click();
    await waitForMap(s.page);
    await expect.poll(spread).toBe(0);
    await education.click();
  });

  it('imports a layer of one point a county', async () => {
    await s.page.goto(baseUrl);
    await waitForMap(s.page);
    await s.page.getByRole('button', { name: '导入数据' }).click();
    const dialog = s.page.getByRole('dialog', { name: '导入数据' });
    await dialog.locator('input[type=file]').setInputFiles({ name: '对照.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await dialog.getByRole('table', { name: '导入预览' }).waitFor();
    await dialog.getByRole('checkbox', { name: /我已核对金额单位是亿元/ }).check();
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain(`已导入 ${ROWS.length} 行`);
    await dialog.getByRole('button', { name: '完成' }).click();
    await waitForMap(s.page);
    color = await s.page.evaluate(() => {
      const layer = window.__czMap!.getStyle().layers.find((l) => /^imported-.*-point$/.test(l.id)) as { paint: { 'circle-color': unknown[] } };
      return layer.paint['circle-color'][3] as string;
    });
    expect(color).toMatch(/^#[0-9a-f]{6}$/);
  });

  /** Pixels of the layer's colour within `r` px of each spot of an image, decoded in the page. */
  const colourAt = (png: string, spots: [number, number][], r: number) =>
    s.page.evaluate(
      async ({ png, spots, r, color }) => {
        const img = new Image();
        img.src = png;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.naturalWidth;
        c.height = img.naturalHeight;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const want = [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16));
        const near = (d: Uint8ClampedArray, i: number) => Math.hypot(d[i]! - want[0]!, d[i + 1]! - want[1]!, d[i + 2]! - want[2]!) < 16;
        const all = ctx.getImageData(0, 0, c.width, c.height).data;
        let total = 0;
        for (let i = 0; i < all.length; i += 4) if (near(all, i)) total++;
        const perSpot = spots.map(([x, y]) => {
          const d = ctx.getImageData(Math.round(x - r), Math.round(y - r), 2 * r, 2 * r).data;
          let n = 0;
          for (let i = 0; i < d.length; i += 4) if (near(d, i)) n++;
          return n;
        });
        return { total, perSpot };
      },
      { png, spots, r, color },
    );

  /** Shows or hides the imported layer (saved first, so the box follows a moment later), and waits for the map. */
  async function showLayer(on: boolean) {
    const box = s.page.getByRole('region', { name: '导入的图层' }).getByRole('checkbox');
    await box.click();
    await expect.poll(() => box.isChecked()).toBe(on);
    await expect.poll(() => s.page.evaluate(() => window.__czMap!.getStyle().layers.some((l) => l.id.startsWith('imported-')))).toBe(on);
    await waitForMap(s.page);
  }

  async function exportPng(name: string): Promise<string> {
    await s.page.getByRole('button', { name: '导出', exact: true }).click();
    const [d] = await Promise.all([s.page.waitForEvent('download', { timeout: 120_000 }), s.page.getByRole('menuitem', { name: /1920×1080/ }).click()]);
    const path = (await d.path())!;
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    copyFileSync(path, join(SCREENSHOT_DIR, `same-map-${name}.png`));
    return `data:image/png;base64,${readFileSync(path).toString('base64')}`;
  }

  it('the exported PNG shows the imported points where they are, and not once the layer is hidden', async () => {
    // Where the off-screen map puts each row: the city's frame fitted into the PNG's map frame.
    const bounds = exportFrame({ counties, city }, [], false)!;
    const { map } = pngLayout(PNG_SIZES['1080p'].width, PNG_SIZES['1080p'].height);
    const [x0, y1] = merc([bounds[0], bounds[1]]);
    const [x1, y0] = merc([bounds[2], bounds[3]]);
    const k = Math.min(map.width / (x1 - x0), map.height / (y1 - y0));
    const spots = ROWS.map((r): [number, number] => {
      const [x, y] = merc(r.at);
      return [map.x + map.width / 2 + (x - (x0 + x1) / 2) * k, map.y + map.height / 2 + (y - (y0 + y1) / 2) * k];
    });
    const shown = await colourAt(await exportPng('shown'), spots, 8);
    // The README shows this slide (refreshed with UPDATE_SCREENSHOTS=1).
    copyFileSync(join(SCREENSHOT_DIR, 'same-map-shown.png'), screenshotPath('png-slide'));
    for (const [i, n] of shown.perSpot.entries()) expect(n, `${ROWS[i]!.county}`).toBeGreaterThan(20);

    await showLayer(false);
    const hidden = await colourAt(await exportPng('hidden'), spots, 8);
    for (const [i, n] of hidden.perSpot.entries()) expect(n, `${ROWS[i]!.county} hidden`).toBeLessThan(5);
    expect(hidden.total).toBeLessThan(shown.total / 10);
    await showLayer(true);
  });

  it("the print sheet's map picture shows the county's imported point", async () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(5);
    const county = ROWS.find((r) => r.adcode === '140425') ?? ROWS[0]!;
    await s.page.goto(`${baseUrl}/?county=${county.adcode}`);
    await waitForMap(s.page);
    const picture = async () => {
      await s.page.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => void (window as unknown as { printed: number }).printed++;
      });
      await s.page.getByTestId('area-card').getByRole('button', { name: '打印' }).click();
      await s.page.waitForFunction(() => (window as unknown as { printed: number }).printed > 0, undefined, { timeout: 60_000 });
      return s.page.evaluate(() => document.querySelector<HTMLImageElement>('.print-map')!.src);
    };
    const shown = await colourAt(await picture(), [], 0);
    expect(shown.total).toBeGreaterThan(100);
    await showLayer(false);
    const hidden = await colourAt(await picture(), [], 0);
    expect(hidden.total).toBeLessThan(shown.total / 10);
  });
});
