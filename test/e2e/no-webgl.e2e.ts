import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, screenshotPath, type Session } from './browser.ts';

/** Browsers without WebGL (old intranet PCs, GPU blocklists) still get the figures. */
describe('without WebGL', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser({ width: 1280, height: 800 }, ['--disable-webgl', '--disable-3d-apis']);
    await s.page.goto(`${baseUrl}/?tab=table`);
  });
  afterAll(async () => s?.close());

  it('says the map cannot be shown and keeps the list and the county table', async () => {
    const alert = s.page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toContain('不支持 WebGL');
    await expect(s.page.getByRole('table', { name: '县区投资表' }).locator('tbody tr').count()).resolves.toBe(12);
    await s.page.getByRole('tab', { name: '列表' }).click();
    await expect(s.page.getByRole('list', { name: '项目列表' }).getByRole('listitem').count()).resolves.toBeGreaterThan(100);
    await s.page.screenshot({ path: screenshotPath('no-webgl') });
  });
});
