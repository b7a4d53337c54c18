import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { firstLoadSizes } from '../../scripts/bench/load.ts';
import { openBrowser, waitForMap, type Session } from './browser.ts';

/** The size budget, checked on every CI run: what the first load fetches, gzip. */
describe('bundle size budget', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser();
    await s.page.goto(baseUrl);
    await waitForMap(s.page);
  });
  afterAll(async () => s?.close());

  it('keeps everything that is not maplibre-gl under 250 kB gzip on first load', () => {
    const files = firstLoadSizes(join(process.cwd(), 'dist-e2e'), baseUrl, s.requests);
    const app = files.filter((f) => f.group === 'app');
    const maplibre = files.filter((f) => f.group === 'maplibre-gl');
    expect(maplibre.length).toBeGreaterThanOrEqual(2); // its chunk and its worker
    expect(app.some((f) => f.file.endsWith('.geojson'))).toBe(true);
    const total = app.reduce((n, f) => n + f.gzip, 0);
    expect(total, app.map((f) => `${f.file} ${(f.gzip / 1024).toFixed(1)} kB`).join('\n')).toBeLessThanOrEqual(250 * 1024);
  });
});
