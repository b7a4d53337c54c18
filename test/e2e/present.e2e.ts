import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EMPTY_FILTERS } from '../../src/analysis/filters.ts';
import { buildTour, tourStepCount } from '../../src/present/tour.ts';
import { repoData } from '../analysis/repoData.ts';
import { foreignRequests, openBrowser, screenshotPath, waitForMap, type Session } from './browser.ts';

/** The smallest computed font size of any text shown in presenter mode, px. */
const smallestPresenterFont = (page: Page) =>
  page.evaluate(() => {
    const sizes: number[] = [];
    const walker = document.createTreeWalker(document.querySelector('.presenter')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (!n.textContent?.trim() || el.closest('.sr-only') || el.getClientRects().length === 0) continue;
      sizes.push(parseFloat(getComputedStyle(el).fontSize));
    }
    return Math.min(...sizes);
  });

const camera = (page: Page) =>
  page.evaluate(() => {
    const m = window.__czMap!;
    const c = m.getCenter();
    return { lon: c.lng, lat: c.lat, zoom: m.getZoom() };
  });

const search = (page: Page) => page.evaluate(() => location.search);

/**
 * What overlaps on the map as drawn: pairs of cluster bubbles that touch
 * (centres closer than the sum of their radii, from the layer's own radius
 * expression), and county names placed on a bubble (the label collision boxes
 * MapLibre answers for the bubble's inner square).
 */
const overlaps = (page: Page) =>
  page.evaluate(() => {
    const m = window.__czMap!;
    const [, max, [, min, [, k]]] = m.getPaintProperty('cluster', 'circle-radius') as [string, number, [string, number, [string, number]]];
    const seen = new Set<unknown>();
    const bubbles = m
      .queryRenderedFeatures({ layers: ['cluster'] })
      .filter((f) => (seen.has(f.properties.cluster_id) ? false : (seen.add(f.properties.cluster_id), true)))
      .map((f) => {
        const p = m.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
        return { x: p.x, y: p.y, r: Math.min(max, Math.max(min, k * Math.sqrt(f.properties.sum as number))), label: `${(f.properties.sum as number).toFixed(1)} 亿` };
      });
    const touching: string[] = [];
    bubbles.forEach((a, i) =>
      bubbles.slice(i + 1).forEach((b) => {
        if (Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r - 1) touching.push(`${a.label} / ${b.label}`);
      }),
    );
    const covered = bubbles.flatMap((b) => {
      const h = b.r * Math.SQRT1_2;
      return m.queryRenderedFeatures([[b.x - h, b.y - h], [b.x + h, b.y + h]], { layers: ['county-label'] }).map((f) => `${f.properties.name} under ${b.label}`);
    });
    return { bubbles: bubbles.length, touching, covered };
  });

/** Distinct rank badges drawn on the map, each number once. */
const badgeNumbers = (page: Page) =>
  page.evaluate(() =>
    [...new Set(window.__czMap!.queryRenderedFeatures({ layers: ['annotation-label'] }).map((f) => f.properties.label as string))].flatMap((l) => l.split('·')),
  );

/** Walks the whole tour, instantly, checking on every step that nothing on the map sits on anything else. */
async function walkTourWithoutOverlaps(page: Page, shot: string): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (let step = 1; step <= tourStepCount(geo.zones.features.length); step++) {
    await page.keyboard.press(String(step));
    await expect.poll(() => search(page)).toBe(step === 1 ? '?mode=present&step=1' : `?mode=present&step=${step}`);
    await waitForMap(page, 60_000);
    // Labels are placed again a moment after the tiles arrive: measure the placement that stays.
    await page.waitForTimeout(800);
    await waitForMap(page, 60_000);
    const o = await overlaps(page);
    expect(o.touching, `step ${step}: bubbles on each other`).toEqual([]);
    expect(o.covered, `step ${step}: county names under bubbles`).toEqual([]);
    if (step === 7) {
      const numbers = await badgeNumbers(page);
      expect(numbers.length, 'one badge per project').toBe(new Set(numbers).size);
      expect(numbers).toHaveLength(largestWithAPoint);
    }
    if (step === 2 || step === 7) await page.screenshot({ path: screenshotPath(`${shot}-step${step}`) });
  }
  await page.emulateMedia({ reducedMotion: 'no-preference' });
}

const { projects, geo, units } = repoData();
const largest = buildTour(projects, geo, units, EMPTY_FILTERS).find((st) => st.kind === 'largest')!;
/** Citywide projects among the ten have no point to ring. */
const largestWithAPoint = largest.projects.filter((id) => projects.find((p) => p.id === id)!.locations.length > 0).length;

describe('presenter mode at 1920×1080', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser({ width: 1920, height: 1080 });
  });
  afterAll(async () => s?.close());

  it('?mode=present hides the chrome and reads from the back of the room (≥ 24 px)', async () => {
    await s.page.goto(`${baseUrl}/?mode=present`);
    await waitForMap(s.page);
    await expect(s.page.locator('.app-header').isVisible()).resolves.toBe(false);
    await expect(s.page.locator('.side-panel').isVisible()).resolves.toBe(false);
    await expect(s.page.getByRole('region', { name: '演示说明' }).isVisible()).resolves.toBe(true);
    expect(await smallestPresenterFont(s.page)).toBeGreaterThanOrEqual(24);
    // Thicker strokes on the map itself.
    const width = await s.page.evaluate(() => window.__czMap!.getPaintProperty('county-line', 'line-width'));
    expect(width).toBeGreaterThanOrEqual(2);
    await s.page.screenshot({ path: screenshotPath('presenter') });
  });

  it('→ / PageDown / digits step through the tour: the camera moves smoothly and the URL follows', async () => {
    const before = await camera(s.page);
    await s.page.keyboard.press('ArrowRight');
    await expect.poll(() => search(s.page)).toBe('?mode=present&step=2');
    // Smooth: still flying shortly after the key.
    await s.page.waitForTimeout(120);
    await expect(s.page.evaluate(() => window.__czMap!.isMoving())).resolves.toBe(true);
    await waitForMap(s.page);
    const after = await camera(s.page);
    expect(Math.abs(after.lon - before.lon) + Math.abs(after.lat - before.lat) + Math.abs(after.zoom - before.zoom)).toBeGreaterThan(0.05);
    const state = await s.page.evaluate(() => {
      const m = window.__czMap!;
      return {
        zone: m.getFeatureState({ source: 'zones', id: '城郊休闲乡村片区' }).hover === true,
        outside: m.getFeatureState({ source: 'counties', id: '140431' }).dim === true,
        inside: m.getFeatureState({ source: 'counties', id: '140403' }).dim === true,
      };
    });
    expect(state).toEqual({ zone: true, outside: true, inside: false });
    await s.page.keyboard.press('PageDown');
    await expect.poll(() => search(s.page)).toBe('?mode=present&step=3');
    await s.page.keyboard.press('6');
    await expect.poll(() => search(s.page)).toBe('?mode=present&step=6');
    await waitForMap(s.page);
    // Each county's name carries its rank.
    const ranked = await s.page.evaluate(() => JSON.stringify(window.__czMap!.getLayoutProperty('county-label', 'text-field')));
    for (let r = 1; r <= 12; r++) expect(ranked).toContain(`"${r} "`);
    await expect(s.page.getByRole('list', { name: /个县区按投资密度排名/ }).locator('li').count()).resolves.toBe(12);
    await s.page.screenshot({ path: screenshotPath('presenter-ranking') });
    await s.page.keyboard.press('7');
    await expect.poll(() => search(s.page)).toBe('?mode=present&step=7');
    await waitForMap(s.page);
    // No cluster hides them: every located one of the ten is ringed on screen.
    const ringed = await s.page.evaluate(
      () => new Set(window.__czMap!.queryRenderedFeatures({ layers: ['point-highlight'] }).map((f) => f.properties.pid)).size,
    );
    expect(ringed).toBe(largestWithAPoint);
    await s.page.screenshot({ path: screenshotPath('presenter-largest') });
    await s.page.keyboard.press('PageUp');
    await expect.poll(() => search(s.page)).toBe('?mode=present&step=6');
    await s.page.keyboard.press('Home');
    await expect.poll(() => search(s.page)).toBe('?mode=present&step=1');
  });

  it('jumps instantly when the viewer prefers reduced motion', async () => {
    await waitForMap(s.page);
    await s.page.emulateMedia({ reducedMotion: 'reduce' });
    await s.page.keyboard.press('4');
    await expect.poll(() => search(s.page)).toBe('?mode=present&step=4');
    await s.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await expect(s.page.evaluate(() => window.__czMap!.isMoving())).resolves.toBe(false);
    await s.page.emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('a deep link opens any step; Esc leaves for the explorer; F comes back', async () => {
    await s.page.goto(`${baseUrl}/?mode=present&step=5`);
    await waitForMap(s.page);
    await expect(s.page.getByRole('region', { name: '演示说明' }).locator('h2').textContent()).resolves.toBe('太岳生态康养片区');
    await s.page.keyboard.press('Escape');
    await expect.poll(() => search(s.page)).toBe('');
    await expect(s.page.locator('.app-header').isVisible()).resolves.toBe(true);
    const width = await s.page.evaluate(() => window.__czMap!.getPaintProperty('county-line', 'line-width'));
    expect(width).toBeLessThan(2);
    await s.page.keyboard.press('f');
    await expect.poll(() => search(s.page)).toBe('?mode=present&step=1');
  });

  it('no bubble sits on another or on a county name, and a project has one badge, on any step', async () => {
    await s.page.goto(`${baseUrl}/?mode=present`);
    await waitForMap(s.page);
    await walkTourWithoutOverlaps(s.page, 'presenter-1080');
  });

  it('made no request outside its origin', () => {
    expect(foreignRequests(s.requests, baseUrl)).toEqual([]);
  });
});

describe('presenter mode on a 4K wall (3840×2160)', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser({ width: 3840, height: 2160 });
  });
  afterAll(async () => s?.close());

  it('scales the type with the screen (≥ 48 px)', async () => {
    await s.page.goto(`${baseUrl}/?mode=present&step=6`);
    await waitForMap(s.page, 60_000);
    expect(await smallestPresenterFont(s.page)).toBeGreaterThanOrEqual(48);
    const size = await s.page.evaluate(() => window.__czMap!.getLayoutProperty('annotation-label', 'text-size'));
    expect(size).toBeGreaterThanOrEqual(48);
    await s.page.screenshot({ path: screenshotPath('presenter-4k') });
  });

  it('no bubble sits on another or on a county name, and a project has one badge, on any step', async () => {
    await s.page.goto(`${baseUrl}/?mode=present`);
    await waitForMap(s.page, 60_000);
    await walkTourWithoutOverlaps(s.page, 'presenter-4k');
  });
});
