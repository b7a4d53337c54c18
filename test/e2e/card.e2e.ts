import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { areaCard } from '../../src/analysis/areaCard.ts';
import { EMPTY_FILTERS } from '../../src/analysis/filters.ts';
import { formatDensity, formatYi } from '../../src/analysis/format.ts';
import { repoData } from '../analysis/repoData.ts';
import { printMapMm } from '../../src/ui/printLayout.ts';
import { foreignRequests, openBrowser, screenshotPath, waitForMap, type Session } from './browser.ts';

const { projects, units } = repoData();

/** Pages in a PDF: page objects, not the page tree. */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

describe('county and zone cards', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser();
  });
  afterAll(async () => s?.close());

  const card = () => s.page.getByTestId('area-card');
  const text = (id: string) => card().getByTestId(id).textContent();

  /** Clicks 打印 with window.print stubbed; resolves when the page asked to print. */
  async function preparePrint() {
    await s.page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    const t0 = Date.now();
    await card().getByRole('button', { name: '打印' }).click();
    await s.page.waitForFunction(() => (window as unknown as { printed: number }).printed > 0, undefined, { timeout: 60_000 });
    return Date.now() - t0;
  }

  /** The printed map: a real picture of the map, not a blank canvas. */
  const printedMap = () =>
    s.page.evaluate(() => {
      const img = document.querySelector<HTMLImageElement>('.print-map');
      if (!img) return null;
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const colours = new Set<number>();
      for (let i = 0; i < d.length; i += 4 * 97) colours.add((d[i]! >> 4) * 256 + (d[i + 1]! >> 4) * 16 + (d[i + 2]! >> 4));
      return { width: img.naturalWidth, height: img.naturalHeight, colours: colours.size };
    });

  it('?county=140425 shows the card with the figures of the analysis, the neighbours dimmed and the county framed', async () => {
    await s.page.goto(`${baseUrl}/?county=140425`);
    await waitForMap(s.page);
    const expected = areaCard(projects, units, { ...EMPTY_FILTERS, counties: ['140425'] }, { kind: 'county', key: '140425' })!;
    await expect(card().getByRole('heading', { level: 2 }).textContent()).resolves.toBe('平顺县');
    await expect(text('card-count')).resolves.toBe(String(expected.stats.count));
    await expect(text('card-total')).resolves.toBe(formatYi(expected.stats.total));
    await expect(text('card-density')).resolves.toBe(formatDensity(expected.stats.density));
    const ranks = await card().locator('.card-rank').allTextContents();
    expect(ranks.slice(0, 3)).toEqual([expected.ranks.count, expected.ranks.total, expected.ranks.density].map((r) => `第 ${r} / 12`));
    await expect(text('card-precise')).resolves.toContain(`${expected.precise} / ${expected.stats.count} 项`);
    const map = await s.page.evaluate(() => {
      const m = window.__czMap!;
      const b = m.getBounds();
      return {
        dimmed: m.getFeatureState({ source: 'counties', id: '140403' }).dim,
        self: m.getFeatureState({ source: 'counties', id: '140425' }).dim,
        bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
      };
    });
    expect(map.dimmed).toBe(true);
    expect(map.self).not.toBe(true);
    // Framed: the whole view spans less than a third of the city's 2.2° of longitude.
    expect(map.bounds[2]! - map.bounds[0]!).toBeLessThan(1.6);
    // A screen tall enough to show the whole card below the filters.
    await s.page.setViewportSize({ width: 1440, height: 1200 });
    await waitForMap(s.page);
    await s.page.screenshot({ path: screenshotPath('county-card') });
    await s.page.setViewportSize({ width: 1440, height: 900 });
  });

  it('prints the county on one A4 page with a real map picture', async () => {
    const ms = await preparePrint();
    const img = await printedMap();
    expect(img).not.toBeNull();
    const expected = areaCard(projects, units, { ...EMPTY_FILTERS, counties: ['140425'] }, { kind: 'county', key: '140425' })!;
    // Drawn at the size it is printed (src/ui/printLayout.ts), 12 device px a mm.
    expect(img!.width).toBe(printMapMm(expected.projects.length).width * 12);
    // The list is numbered as the map's markers are (printBadges numbers each project by its place here).
    const sheet = s.page.getByTestId('print-sheet');
    await expect(sheet.locator('.print-no').allTextContents()).resolves.toEqual(expected.projects.map((_, i) => String(i + 1)));
    await expect(sheet.locator('.print-id').allTextContents()).resolves.toEqual(expected.projects.map((p) => p.id));
    expect(img!.colours).toBeGreaterThan(20);
    await s.page.emulateMedia({ media: 'print' });
    const pdf = await s.page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(pdfPages(pdf)).toBe(1);
    // The picture has its legend beside it.
    await expect(sheet.getByTestId('print-legend').isVisible()).resolves.toBe(true);
    await s.page.setViewportSize({ width: 703, height: 1039 }); // A4 less the page margins, at 96 dpi
    await s.page.screenshot({ path: screenshotPath('county-print'), fullPage: true });
    const box = await sheet.boundingBox();
    expect(box!.height).toBeLessThanOrEqual(1039);
    // Filled: the sheet takes most of the page, not three quarters of it.
    expect(box!.height).toBeGreaterThan(1039 * 0.85);
    console.log(`print snapshot of 平顺县 ready in ${ms} ms`);
    await s.page.emulateMedia({ media: 'screen' });
    await s.page.setViewportSize({ width: 1440, height: 900 });
  });

  it('the zone with the most projects still prints on one page', async () => {
    const zone = '城郊休闲乡村片区';
    await s.page.goto(`${baseUrl}/?zone=${encodeURIComponent(zone)}`);
    await waitForMap(s.page);
    const expected = areaCard(projects, units, { ...EMPTY_FILTERS, zone }, { kind: 'zone', key: zone })!;
    await expect(text('card-total')).resolves.toBe(formatYi(expected.stats.total));
    await expect(card().getByRole('table', { name: `${zone}所含县区` }).locator('tbody tr').count()).resolves.toBe(5);
    await preparePrint();
    await s.page.emulateMedia({ media: 'print' });
    const pdf = await s.page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    await s.page.setViewportSize({ width: 703, height: 1039 });
    await s.page.screenshot({ path: screenshotPath('zone-print'), fullPage: true });
    expect(pdfPages(pdf)).toBe(1);
    await expect(s.page.getByTestId('print-sheet').locator('.print-list > li').count()).resolves.toBe(expected.projects.length);
    await s.page.emulateMedia({ media: 'screen' });
  });

  it('made no request outside its origin', () => {
    expect(foreignRequests(s.requests, baseUrl)).toEqual([]);
  });
});
