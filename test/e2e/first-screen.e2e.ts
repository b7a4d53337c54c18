import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { foreignRequests, openBrowser, screenshotPath, waitForMap, type Session } from './browser.ts';

const COUNTY_NAMES = ['潞州区', '上党区', '屯留区', '潞城区', '襄垣县', '平顺县', '黎城县', '壶关县', '长子县', '武乡县', '沁县', '沁源县'];
const ZONE_NAMES = ['城郊休闲乡村片区', '太行山水风景片区', '文化传承片区', '太岳生态康养片区'];

describe('first screen', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;

  beforeAll(async () => {
    s = await openBrowser();
    const assetTypes: Record<string, string> = {};
    s.page.on('response', (r) => {
      assetTypes[new URL(r.url()).pathname] = r.headers()['content-type'] ?? '';
    });
    await s.page.goto(baseUrl);
    await waitForMap(s.page);
    // vite preview answers index.html for missing files: make sure the data really came back as data.
    const geo = Object.entries(assetTypes).filter(([p]) => p.endsWith('.geojson'));
    expect(geo).toHaveLength(4);
    for (const [, type] of geo) expect(type).not.toContain('text/html');
  });
  afterAll(async () => s?.close());

  it('draws the 12 counties with their Chinese labels and the 4 zones', async () => {
    const drawn = await s.page.evaluate(() => {
      const m = window.__czMap!;
      const names = (layer: string) =>
        [...new Set(m.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties.name)))].sort();
      return {
        counties: [...new Set(m.queryRenderedFeatures({ layers: ['county-fill'] }).map((f) => String(f.properties.adcode)))],
        countyLabels: names('county-label'),
        zones: names('zone-line'),
      };
    });
    expect(drawn.counties).toHaveLength(12);
    expect(drawn.countyLabels).toEqual([...COUNTY_NAMES].sort());
    expect(drawn.zones).toEqual([...ZONE_NAMES].sort());
    await s.page.screenshot({ path: screenshotPath('first-screen') });
  });

  it('lists the zones and their counties in the side panel', async () => {
    await s.page.getByRole('tab', { name: '表格' }).click();
    for (const zone of ZONE_NAMES) await expect(s.page.getByRole('button', { name: zone, exact: true }).count()).resolves.toBe(1);
    await expect(s.page.getByRole('list', { name: '太行山水风景片区所含县区' }).getByRole('listitem').allTextContents()).resolves.toEqual([
      '黎城县',
      '平顺县',
      '壶关县',
    ]);
  });

  it('hides and shows the zone overlay', async () => {
    const visibility = () => s.page.evaluate(() => window.__czMap!.getLayoutProperty('zone-line', 'visibility'));
    await s.page.getByRole('checkbox', { name: '美丽乡村四片区' }).uncheck();
    await expect.poll(visibility).toBe('none');
    await expect.poll(() => s.page.evaluate(() => location.search)).toBe('?zones=off&tab=table');
    await s.page.getByRole('checkbox', { name: '美丽乡村四片区' }).check();
    await expect.poll(visibility).toBe('visible');
  });

  it('records map-ready and makes no request outside its origin', async () => {
    const marks = await s.page.evaluate(() => performance.getEntriesByName('map-ready').length);
    expect(marks).toBe(1);
    expect(foreignRequests(s.requests, baseUrl)).toEqual([]);
  });
});
