import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
  /** Console errors of every page of the session (CSP violations among them). */
  consoleErrors: string[];
  close: () => Promise<void>;
}

/** A phone: the page laid out at the device's width (meta viewport), touch events and taps. */
export const PHONE = { isMobile: true, hasTouch: true } as const;

/** Debian's Chromium, headless, with a fresh empty profile (a cold cache). */
export async function openBrowser(
  viewport = { width: 1440, height: 900 },
  extraArgs: string[] = [],
  device: { isMobile?: boolean; hasTouch?: boolean } = {},
): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), 'cz-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...ARGS, ...extraArgs],
    viewport,
    locale: 'zh-CN',
    ...device,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const consoleErrors: string[] = [];
  context.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  return {
    context,
    page,
    requests,
    consoleErrors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
