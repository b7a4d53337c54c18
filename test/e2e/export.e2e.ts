import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EMPTY_FILTERS, projectMatcher } from '../../src/analysis/filters.ts';
import { columnKey } from '../../src/export/csv.ts';
import { isoDate } from '../../src/export/fileName.ts';
import { repoData } from '../analysis/repoData.ts';
import { foreignRequests, openBrowser, SCREENSHOT_DIR, waitForMap, type Session } from './browser.ts';

const { projects, units } = repoData();
const filters = { ...EMPTY_FILTERS, categories: ['education' as const], precisions: ['township' as const, 'county' as const] };
const expected = projects.filter(projectMatcher(filters, units.zoneCounties));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(b: Buffer): { width: number; height: number } {
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('exports', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser();
    await s.page.goto(`${baseUrl}/?cat=education&prec=township,county`);
    await waitForMap(s.page);
  });
  afterAll(async () => s?.close());

  async function download(item: RegExp, timeout = 120_000) {
    await s.page.getByRole('button', { name: '导出', exact: true }).click();
    const [d] = await Promise.all([s.page.waitForEvent('download', { timeout }), s.page.getByRole('menuitem', { name: item }).click()]);
    // Exports always go to test-results/, never to the README's screenshots.
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = join(SCREENSHOT_DIR, `export-${d.suggestedFilename()}`);
    await d.saveAs(file);
    return { name: d.suggestedFilename(), bytes: readFileSync(file) };
  }

  /** Decodes the PNG in the page: distinct colours inside the map, dark text in the title band. */
  const inspect = (bytes: Buffer) =>
    s.page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const colours = (x: number, y: number, w: number, h: number) => {
        const d = ctx.getImageData(x, y, w, h).data;
        const set = new Set<number>();
        for (let i = 0; i < d.length; i += 4 * 31) set.add((d[i]! >> 3) * 1024 + (d[i + 1]! >> 3) * 32 + (d[i + 2]! >> 3));
        return set.size;
      };
      const W = c.width;
      const H = c.height;
      return { map: colours(W * 0.1, H * 0.2, W * 0.5, H * 0.6), title: colours(0, 0, W * 0.4, H * 0.08) };
    }, bytes.toString('base64'));

  for (const [label, size, word] of [
    ['1920×1080', { width: 1920, height: 1080 }, '1920x1080'],
    ['3840×2160', { width: 3840, height: 2160 }, '3840x2160'],
    ['A4 横向 300 dpi', { width: 3508, height: 2480 }, 'A4-300dpi'],
  ] as const) {
    it(`PNG ${label}: the requested size, a drawn map, named after the filters`, async () => {
      const { name, bytes } = await download(new RegExp(label));
      expect(name).toBe(`长治项目地图_教育_乡镇级+县级_${word}_${isoDate(new Date())}.png`);
      expect(pngSize(bytes)).toEqual(size);
      const seen = await inspect(bytes);
      expect(seen.map).toBeGreaterThan(40);
      expect(seen.title).toBeGreaterThan(2);
      const ms = await s.page.getByRole('status').getAttribute('data-export-ms');
      console.log(`PNG ${label}: ${ms} ms, ${bytes.length} bytes`);
    });
  }

  it('CSV: UTF-8 with BOM, parses back to exactly the filtered projects with every field and the precision of each location', async () => {
    const { name, bytes } = await download(/CSV/);
    expect(name).toBe(`长治项目_教育_乡镇级+县级_${isoDate(new Date())}.csv`);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    const keys = header!.map(columnKey);
    const records = rows.map((r) => Object.fromEntries(r.map((v, i) => [keys[i]!, v])));
    expect(records.map((r) => r.id)).toEqual(expected.map((p) => p.id));
    records.forEach((r, i) => {
      const p = expected[i]!;
      expect(r.name).toBe(p.name);
      expect(r.investment_total).toBe(p.investment.total === null ? '' : String(p.investment.total));
      expect(r.owner).toBe(p.owner ?? '');
      expect(r.source_raw).toBe(p.source.raw);
      p.locations.forEach((l, j) => {
        expect(r[`loc${j + 1}_precision`]).toBe(l.precision);
        expect(Number(r[`loc${j + 1}_lon`])).toBe(l.lon);
      });
    });
  });

  it('GeoJSON: a feature per location, WGS84, the precision of each', async () => {
    const { name, bytes } = await download(/GeoJSON/);
    expect(name).toBe(`长治项目_教育_乡镇级+县级_${isoDate(new Date())}.geojson`);
    const fc = JSON.parse(bytes.toString('utf8')) as GeoJSON.FeatureCollection;
    expect(fc.type).toBe('FeatureCollection');
    const located = expected.flatMap((p) => p.locations.map((l) => `${p.id}|${l.lon}|${l.lat}|${l.precision}`));
    const got = fc.features
      .filter((f) => f.geometry !== null)
      .map((f) => {
        const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates;
        return `${f.properties!.id}|${lon}|${lat}|${f.properties!.loc_precision}`;
      });
    expect(got).toEqual(located);
    expect(fc.features.filter((f) => f.geometry === null).map((f) => f.properties!.id)).toEqual(
      expected.filter((p) => p.locations.length === 0).map((p) => p.id),
    );
  });

  it('made no request outside its origin', () => {
    expect(foreignRequests(s.requests, baseUrl)).toEqual([]);
  });
});
