import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PHONE, openBrowser, screenshotPath, waitForMap, type Session } from './browser.ts';

const PINGSHUN = '140425';

type Rect = { left: number; top: number; right: number; bottom: number };

/** Page width against the window's: a horizontal scroll bar would show if it were wider. */
const overflow = (page: Page) => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));

const rectOf = (page: Page, selector: string): Promise<Rect | null> =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  }, selector);

/** The share of the viewport where the map's canvas is what a tap would reach (a 24 × 48 grid of points). */
const mapCoverage = (page: Page) =>
  page.evaluate(() => {
    const canvas = window.__czMap!.getCanvas();
    let hits = 0;
    const [nx, ny] = [24, 48];
    for (let i = 0; i < nx; i++)
      for (let j = 0; j < ny; j++) if (document.elementFromPoint(((i + 0.5) * innerWidth) / nx, ((j + 0.5) * innerHeight) / ny) === canvas) hits++;
    return hits / (nx * ny);
  });

/** The screen box of a county's outline (its bounding box, projected). */
const countyBox = (page: Page, adcode: string): Promise<Rect> =>
  page.evaluate((code) => {
    const m = window.__czMap!;
    const f = m.querySourceFeatures('counties').filter((x) => String(x.properties.adcode) === code);
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    const walk = (c: unknown): void => {
      if (typeof (c as number[])[0] === 'number') {
        const [x, y] = c as [number, number];
        [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
      } else for (const d of c as unknown[]) walk(d);
    };
    for (const g of f) walk((g.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon).coordinates);
    const r = m.getCanvas().getBoundingClientRect();
    const nw = m.project([w, n]);
    const se = m.project([e, s]);
    return { left: r.left + nw.x, top: r.top + nw.y, right: r.left + se.x, bottom: r.top + se.y };
  }, adcode);

/**
 * A spot of the county where a tap reaches the county itself: the canvas is
 * on top there (no sheet, legend or button) and no point or cluster is drawn.
 */
const bareSpotIn = (page: Page, adcode: string) =>
  page.evaluate((code) => {
    const m = window.__czMap!;
    const canvas = m.getCanvas();
    const r = canvas.getBoundingClientRect();
    const ground = new Set(['counties', 'zones', 'context', 'city']);
    for (let y = r.top + 20; y < r.bottom - 20; y += 12)
      for (let x = r.left + 20; x < r.right - 20; x += 12) {
        if (document.elementFromPoint(x, y) !== canvas) continue;
        const px = x - r.left;
        const py = y - r.top;
        const near = m.queryRenderedFeatures([
          [px - 14, py - 14],
          [px + 14, py + 14],
        ]);
        const here = m.queryRenderedFeatures([px, py], { layers: ['county-fill'] });
        if (here.length === 1 && String(here[0]!.properties.adcode) === code && near.every((f) => ground.has(f.source))) return { x, y };
      }
    return null;
  }, adcode);

const inside = (r: Rect, box: { width: number; height: number }) => r.top >= 0 && r.left >= 0 && r.bottom <= box.height && r.right <= box.width;

describe('phone (390x844 and 360x740)', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser({ width: 390, height: 844 }, [], PHONE);
  });
  afterAll(async () => s?.close());
  const sheet = () => s.page.getByRole('complementary', { name: '项目面板' });

  it.each([
    [360, 740],
    [390, 844],
  ])('at %ix%i the map takes at least 60 per cent of the screen, nothing scrolls sideways (first screen, card, project, filters)', async (width, height) => {
    await s.page.setViewportSize({ width, height });
    await s.page.goto(baseUrl);
    await waitForMap(s.page);
    const o = await overflow(s.page);
    expect(o.scroll).toBeLessThanOrEqual(o.inner);
    expect(await mapCoverage(s.page)).toBeGreaterThanOrEqual(0.6);
    if (width === 390) await s.page.screenshot({ path: screenshotPath('phone-map') });
    for (const path of [`/?county=${PINGSHUN}`, '/?project=A1-07', `/?zone=${encodeURIComponent('太行山水风景片区')}`]) {
      await s.page.goto(baseUrl + path);
      await waitForMap(s.page);
      const p = await overflow(s.page);
      expect(p.scroll, path).toBeLessThanOrEqual(p.inner);
    }
    await s.page.getByRole('button', { name: '展开', exact: true }).tap();
    await expect(s.page.getByRole('region', { name: '筛选' }).isVisible()).resolves.toBe(true);
    const done = await rectOf(s.page, '.filter-done');
    expect(inside(done!, { width, height })).toBe(true);
    const f = await overflow(s.page);
    expect(f.scroll).toBeLessThanOrEqual(f.inner);
  });

  it('a tap on a county opens its card in the sheet, and the map frames the county above it', async () => {
    await s.page.setViewportSize({ width: 390, height: 844 });
    await s.page.goto(baseUrl);
    await waitForMap(s.page);
    await expect(sheet().getAttribute('data-sheet')).resolves.toBe('peek');
    const spot = await bareSpotIn(s.page, PINGSHUN);
    expect(spot).not.toBeNull();
    await s.page.touchscreen.tap(spot!.x, spot!.y);
    await expect.poll(() => s.page.evaluate(() => location.search)).toBe(`?county=${PINGSHUN}`);
    await expect(sheet().getAttribute('data-sheet')).resolves.toBe('half');
    await waitForMap(s.page);
    const viewport = { width: 390, height: 844 };
    const heading = await rectOf(s.page, '#area-card-title');
    expect(inside(heading!, viewport)).toBe(true);
    // The county's first figure with its rank is on screen too.
    const rank = await rectOf(s.page, '.card-figures .card-rank');
    expect(inside(rank!, viewport)).toBe(true);
    // Framed in what the sheet and the top buttons leave free.
    const county = await countyBox(s.page, PINGSHUN);
    const top = await rectOf(s.page, '.side-panel');
    const legend = await rectOf(s.page, '.legend');
    expect(county.bottom).toBeLessThanOrEqual(top!.top);
    expect(county.top).toBeGreaterThanOrEqual(legend!.bottom);
    expect(county.left).toBeGreaterThanOrEqual(0);
    expect(county.right).toBeLessThanOrEqual(390);
    await s.page.screenshot({ path: screenshotPath('phone-card') });
    // A tap on a lone point of the county opens its project, its heading on screen.
    const point = await s.page.evaluate(() => {
      const m = window.__czMap!;
      const canvas = m.getCanvas();
      const r = canvas.getBoundingClientRect();
      for (const f of m.queryRenderedFeatures({ layers: ['point'] })) {
        const p = m.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
        const near = m.queryRenderedFeatures([
          [p.x - 16, p.y - 16],
          [p.x + 16, p.y + 16],
        ], { layers: ['point', 'cluster'] });
        if (near.length === 1 && document.elementFromPoint(r.left + p.x, r.top + p.y) === canvas) {
          return { x: r.left + p.x, y: r.top + p.y, pid: String(f.properties.pid) };
        }
      }
      return null;
    });
    expect(point).not.toBeNull();
    await s.page.touchscreen.tap(point!.x, point!.y);
    await expect.poll(() => s.page.evaluate(() => new URLSearchParams(location.search).get('project'))).toBe(point!.pid);
    const detail = await rectOf(s.page, '#project-detail-title');
    expect(inside(detail!, viewport)).toBe(true);
  });

  it('the list is the sheet raised; a tap on a project opens its detail at the top of the sheet', async () => {
    await s.page.goto(baseUrl);
    await waitForMap(s.page);
    await s.page.getByRole('button', { name: '展开面板' }).tap();
    await expect(sheet().getAttribute('data-sheet')).resolves.toBe('half');
    await s.page.getByRole('button', { name: '面板全屏' }).tap();
    await expect(sheet().getAttribute('data-sheet')).resolves.toBe('full');
    await s.page.waitForTimeout(300); // the sheet's height transition
    const items = s.page.getByRole('list', { name: '项目列表' }).getByRole('listitem');
    const third = await items.nth(2).boundingBox();
    expect(third!.y + third!.height).toBeLessThanOrEqual(844);
    await s.page.screenshot({ path: screenshotPath('phone-list') });
    const name = (await items.nth(2).locator('.project-name').textContent())!;
    await items.nth(2).getByRole('button').tap();
    const heading = await rectOf(s.page, '#project-detail-title');
    expect(inside(heading!, { width: 390, height: 844 })).toBe(true);
    await expect(s.page.locator('#project-detail-title').textContent()).resolves.toBe(name);
  });
});

describe('laptop 1366x768, desktop 1920x1080 and wall 3840x2160', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser({ width: 1366, height: 768 });
  });
  afterAll(async () => s?.close());
  const legendButton = () => s.page.getByRole('complementary', { name: '图例' }).getByRole('button').first();

  it('?county=140425 at 1366x768: the card’s ranks and the first bar of its chart are on the first screen, the county framed clear of the legend and buttons', async () => {
    await s.page.goto(`${baseUrl}/?county=${PINGSHUN}`);
    await waitForMap(s.page);
    const viewport = { width: 1366, height: 768 };
    const ranks = await s.page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="area-card"] .card-figures .card-rank')].map((e) => {
        const r = e.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }),
    );
    // Projects, investment, density, per person: each with its rank.
    expect(ranks).toHaveLength(4);
    for (const r of ranks) expect(inside(r, viewport)).toBe(true);
    const bar = await rectOf(s.page, '[data-testid="area-card"] .category-chart rect');
    expect(inside(bar!, viewport)).toBe(true);
    // Without scrolling: neither the page nor the panel has moved.
    await expect(s.page.evaluate(() => [window.scrollY, document.getElementById('panel-body')!.scrollTop])).resolves.toEqual([0, 0]);
    const county = await countyBox(s.page, PINGSHUN);
    const legend = (await rectOf(s.page, '.legend'))!;
    const tools = (await rectOf(s.page, '.view-tools'))!;
    expect(county.right).toBeLessThanOrEqual(legend.left);
    expect(county.top).toBeGreaterThanOrEqual(tools.bottom);
    await s.page.screenshot({ path: screenshotPath('laptop-card') });
  });

  it('the legend folds to one line, the county is framed again in the room it leaves, and it stays folded after a reload', async () => {
    const before = await s.page.evaluate(() => window.__czMap!.getZoom());
    await legendButton().click();
    await expect(legendButton().getAttribute('aria-expanded')).resolves.toBe('false');
    const line = (await rectOf(s.page, '.legend'))!;
    expect(line.bottom - line.top).toBeLessThan(40);
    await expect.poll(() => s.page.evaluate(() => window.__czMap!.getZoom()), { timeout: 5000 }).not.toBe(before);
    await waitForMap(s.page);
    const county = await countyBox(s.page, PINGSHUN);
    expect(county.bottom <= line.top || county.right <= line.left).toBe(true);
    await s.page.reload();
    await waitForMap(s.page);
    await expect(legendButton().getAttribute('aria-expanded')).resolves.toBe('false');
    await legendButton().click();
    await expect(legendButton().getAttribute('aria-expanded')).resolves.toBe('true');
  });

  it('the keyboard, with real keys: skip link, Enter opens a project on its heading, Esc goes back to its item, then closes the card', async () => {
    await s.page.goto(`${baseUrl}/?county=${PINGSHUN}`);
    await waitForMap(s.page);
    await s.page.keyboard.press('Tab');
    await expect(s.page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('跳到项目列表');
    // Header actions before the legend.
    const stops: string[] = [];
    for (let i = 0; i < 12; i++) {
      await s.page.keyboard.press('Tab');
      stops.push(await s.page.evaluate(() => (document.activeElement?.closest('.legend') ? 'legend' : (document.activeElement?.textContent ?? '').trim())));
    }
    const legendAt = stops.indexOf('legend');
    expect(legendAt).toBeGreaterThan(0);
    for (const name of ['导入数据', '演示模式', '导出 ▾']) {
      expect(stops.indexOf(name), name).toBeGreaterThanOrEqual(0);
      expect(stops.indexOf(name), name).toBeLessThan(legendAt);
    }
    await s.page.keyboard.press('Shift+Tab');
    await s.page.focus('.skip-link');
    await s.page.keyboard.press('Enter');
    await expect(s.page.evaluate(() => document.activeElement?.id)).resolves.toBe('project-list');
    await s.page.keyboard.press('Tab');
    const id = await s.page.evaluate(() => (document.activeElement as HTMLElement).dataset.projectId);
    expect(id).toBeTruthy();
    await s.page.keyboard.press('Enter');
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.id)).toBe('project-detail-title');
    await expect(s.page.evaluate(() => decodeURIComponent(location.search))).resolves.toBe(`?county=${PINGSHUN}&project=${id}`);
    await s.page.keyboard.press('Escape');
    await expect.poll(() => s.page.evaluate(() => (document.activeElement as HTMLElement).dataset.projectId)).toBe(id);
    await expect(s.page.evaluate(() => location.search)).resolves.toBe(`?county=${PINGSHUN}`);
    await s.page.keyboard.press('Escape');
    await expect.poll(() => s.page.evaluate(() => location.search)).toBe('');
  });

  it.each([
    [1366, 768],
    [1920, 1080],
    [3840, 2160],
  ])('at %ix%i nothing scrolls sideways (first screen, card, project)', async (width, height) => {
    await s.page.setViewportSize({ width, height });
    for (const path of ['/', `/?county=${PINGSHUN}`, '/?project=A1-07']) {
      await s.page.goto(baseUrl + path);
      await waitForMap(s.page);
      const o = await overflow(s.page);
      expect(o.scroll, path).toBeLessThanOrEqual(o.inner);
    }
  });
});
