import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

import { expect } from 'vitest';
import { openBrowser as launch, type Session } from '../../scripts/chromium.ts';

export { CHROMIUM, PHONE, type Session } from '../../scripts/chromium.ts';

/** Chromium's report of a blocked resource or script under the Content-Security-Policy. */
export function cspViolations(consoleErrors: readonly string[]): string[] {
  return consoleErrors.filter((e) => /Content Security Policy/i.test(e));
}

/**
 * Debian's Chromium with a fresh profile. Closing the session checks that no
 * page of it hit the Content-Security-Policy, so every browser test guards it.
 */
export async function openBrowser(...args: Parameters<typeof launch>): Promise<Session> {
  const s = await launch(...args);
  return {
    ...s,
    close: async () => {
      const violations = cspViolations(s.consoleErrors);
      await s.close();
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
  };
}

export const SCREENSHOT_DIR = 'test-results';
/** Screenshots the README shows, refreshed with `UPDATE_SCREENSHOTS=1 npm run test:e2e`. */
export const README_SCREENSHOT_DIR = 'test/e2e/screenshots';

/** Resolves once MapLibre has loaded, drawn every tile and stopped moving. */
export async function waitForMap(page: Page, timeout = 30_000): Promise<void> {
  // Let a camera change made just before reach the renderer, or loaded() still reports the old frame.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForFunction(
    () => {
      const m = window.__czMap;
      return !!m && m.loaded() && m.areTilesLoaded() && !m.isMoving();
    },
    undefined,
    { timeout, polling: 100 },
  );
}

/** Where a screenshot goes: test-results/, or the README's folder with UPDATE_SCREENSHOTS=1. */
export function screenshotPath(name: string): string {
  const dir = process.env.UPDATE_SCREENSHOTS ? README_SCREENSHOT_DIR : SCREENSHOT_DIR;
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}

/** URLs that are neither on the app's origin nor local (data:, blob:). */
export function foreignRequests(requests: string[], origin: string): string[] {
  return requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
}

/** Where a longitude/latitude is on the page (not the canvas), for mouse moves and clicks. */
export function lonLatToPage(page: Page, lonLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const m = window.__czMap!;
    const p = m.project(ll);
    const r = m.getCanvas().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, lonLat);
}
