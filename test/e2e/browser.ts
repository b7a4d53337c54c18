import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = 'test-results';
/** Screenshots the README shows, refreshed with `UPDATE_SCREENSHOTS=1 npm run test:e2e`. */
export const README_SCREENSHOT_DIR = 'test/e2e/screenshots';

/** Flags that keep Debian's Chromium quiet on a machine with no internet, and WebGL on SwiftShader. */
const ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for, in order. */
  requests: string[];
  close: () => Promise<void>;
}

export async function openBrowser(viewport = { width: 1440, height: 900 }): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), 'cz-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
    locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  return {
    context,
    page,
    requests,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

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
