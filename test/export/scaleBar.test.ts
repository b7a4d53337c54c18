import { describe, expect, it } from 'vitest';
import { PNG_SIZES, pngLayout } from '../../src/export/pngLayout.ts';
import { metresPerPixel, scaleBar } from '../../src/export/scaleBar.ts';
import { wrapLines } from '../../src/export/composePng.ts';

describe('scale bar', () => {
  it('matches Web Mercator on 512 px tiles', () => {
    // Zoom 0 at the equator: the Earth's circumference over 512 px.
    expect(metresPerPixel(0, 0)).toBeCloseTo(78271.517, 2);
    // Each zoom level halves it; at 60° it is halved again.
    expect(metresPerPixel(60, 1)).toBeCloseTo(78271.517 / 4, 2);
  });

  it('is the longest 1, 2 or 5 × 10ⁿ that fits', () => {
    expect(scaleBar(100, 220)).toEqual({ metres: 20000, px: 200, label: '20 km' });
    expect(scaleBar(100, 199)).toMatchObject({ metres: 10000, label: '10 km' });
    expect(scaleBar(1, 600)).toMatchObject({ metres: 500, px: 500, label: '500 m' });
    for (const mpp of [3.7, 41, 129.3, 987]) {
      const bar = scaleBar(mpp, 220);
      expect(bar.px).toBeLessThanOrEqual(220);
      expect(bar.px).toBeGreaterThan(220 / 5);
      expect(bar.metres / 10 ** Math.floor(Math.log10(bar.metres))).toSatisfy((m: number) => [1, 2, 5].includes(m));
    }
  });
});

describe('PNG layout', () => {
  it('fills each size without overlap, 4K being 1080p doubled', () => {
    for (const { width, height } of Object.values(PNG_SIZES)) {
      const l = pngLayout(width, height);
      expect(l.map.x + l.map.width).toBeLessThan(l.legend.x);
      expect(l.legend.x + l.legend.width).toBeLessThanOrEqual(width);
      expect(l.header.height + l.map.height + l.footer.height).toBe(height);
      expect(l.map.width).toBeGreaterThan(width * 0.6);
    }
    const hd = pngLayout(1920, 1080);
    const uhd = pngLayout(3840, 2160);
    expect(uhd.scale).toBe(2);
    expect(uhd.map.width).toBe(hd.map.width * 2);
    expect(uhd.map.height).toBe(hd.map.height * 2);
    // A4 at 300 dpi, landscape: 297 × 210 mm.
    expect(PNG_SIZES.a4).toMatchObject({ width: Math.round((297 / 25.4) * 300), height: Math.round((210 / 25.4) * 300) });
  });

  it('wraps Chinese anywhere and keeps Latin words whole', () => {
    const measure = (s: string) => [...s].length;
    expect(wrapLines(measure, '长治市高品质生活建设规划', 5)).toEqual(['长治市高品', '质生活建设', '规划']);
    expect(wrapLines(measure, '来源 Vonng/adcode (CC BY 4.0)', 12)).toEqual(['来源', 'Vonng/adcode', '(CC BY 4.0)']);
  });
});
