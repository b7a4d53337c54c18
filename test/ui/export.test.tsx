import Papa from 'papaparse';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { columnKey } from '../../src/export/csv.ts';
import { isoDate } from '../../src/export/fileName.ts';
import { renderApp, repoProjects } from './renderApp.tsx';


/** What the page handed to the browser's download: the blob and the file name. */
const saved: { name: string; blob: Blob }[] = [];
beforeEach(() => {
  saved.length = 0;
  const blobs = new Map<string, Blob>();
  let n = 0;
  // jsdom has no object URLs: stand in for them (until the test ends), keeping the blob to read back.
  vi.stubGlobal('URL', Object.assign(class extends URL {}, {
    createObjectURL: (b: Blob) => {
      const url = `blob:test/${n++}`;
      blobs.set(url, b);
      return url;
    },
    revokeObjectURL: () => {},
  }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: blobs.get(this.href)! });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function exportAs(item: RegExp) {
  fireEvent.click(screen.getByRole('button', { name: '导出' }));
  fireEvent.click(within(await screen.findByRole('menu', { name: '导出' })).getByRole('menuitem', { name: item }));
}

describe('导出 menu', () => {
  it('exports the filtered projects as CSV that Excel reads as UTF-8, named after the filters and the date', async () => {
    await renderApp('/?county=140425&cat=education');
    await exportAs(/CSV/);
    await waitFor(() => expect(saved).toHaveLength(1));
    const { name, blob } = saved[0]!;
    expect(name).toBe(`长治项目_平顺县_教育_${isoDate(new Date())}.csv`);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    const id = rows[0]!.map(columnKey).indexOf('id');
    const expected = repoProjects.filter((p) => p.category === 'education' && p.counties.includes('140425')).map((p) => p.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.slice(1).map((r) => r[id]).sort()).toEqual(expected.sort());
    expect(screen.getByRole('status')).toHaveTextContent(`已导出 ${name}（${expected.length} 个项目）`);
  });

  it('exports GeoJSON with a feature per location and the precision of each', async () => {
    await renderApp(`/?zone=${encodeURIComponent('太岳生态康养片区')}`);
    await exportAs(/GeoJSON/);
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe(`长治项目_太岳生态康养片区_${isoDate(new Date())}.geojson`);
    const fc = JSON.parse(await saved[0]!.blob.text()) as GeoJSON.FeatureCollection;
    const qinyuan = repoProjects.filter((p) => p.counties.includes('140431'));
    expect(new Set(fc.features.map((f) => f.properties!.id))).toEqual(new Set(qinyuan.map((p) => p.id)));
    expect(fc.features.every((f) => typeof f.properties!.loc_precision === 'string')).toBe(true);
  });

  it('exports the 表格’s figures per county and zone, with 2020 residents and 元/人, named after the filters', async () => {
    await renderApp('/?cat=eldercare&county=140425');
    await exportAs(/指标表/);
    await waitFor(() => expect(saved).toHaveLength(1));
    // The figures compare all 12 under the filters less county and zone, as the table does.
    expect(saved[0]!.name).toBe(`长治县区指标_康养_${isoDate(new Date())}.csv`);
    const rows = Papa.parse<string[]>((await saved[0]!.blob.text()).slice(1), { skipEmptyLines: true }).data;
    const keys = rows[0]!.map(columnKey);
    expect(rows).toHaveLength(1 + 12 + 4);
    const pingshun = rows.find((r) => r[keys.indexOf('name')] === '平顺县')!;
    expect(pingshun[keys.indexOf('residents_2020')]).toBe('115927');
    expect(Number(pingshun[keys.indexOf('per_capita_yuan')])).toBeGreaterThan(0);
    expect(screen.getByRole('status')).toHaveTextContent('12 个县区、4 个片区');
  });

  it('says plainly that an image needs the map', async () => {
    await renderApp('/');
    await exportAs(/1920×1080/);
    expect(await screen.findByRole('status')).toHaveTextContent('地图未显示（无 WebGL），无法导出图片');
    expect(saved).toEqual([]);
  });
});
