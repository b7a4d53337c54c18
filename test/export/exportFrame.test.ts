import { describe, expect, it } from 'vitest';
import { bbox } from '@turf/turf';
import { exportFrame } from '../../src/export/exportFrame.ts';
import { repoData } from '../analysis/repoData.ts';

const { geo } = repoData();

describe('the frame of an exported image', () => {
  it('is the whole city with a thin margin, so the city fills the map frame', () => {
    const [w, s, e, n] = bbox(geo.city);
    const f = exportFrame(geo, [], false)!;
    expect(f[0]).toBeLessThan(w);
    expect(f[3]).toBeGreaterThan(n);
    // The city spans at least 94 % of the frame both ways, so it fills ≥ 94 % of the image's map along the tighter one.
    expect((e - w) / (f[2] - f[0])).toBeGreaterThan(0.94);
    expect((n - s) / (f[3] - f[1])).toBeGreaterThan(0.94);
  });

  it('is the filtered counties when a county or zone is chosen', () => {
    const pingshun = geo.counties.features.find((c) => c.properties.adcode === '140425')!;
    const [w, , e] = bbox(pingshun);
    const f = exportFrame(geo, ['140425'], false)!;
    expect((e - w) / (f[2] - f[0])).toBeGreaterThan(0.94);
  });

  it("is the screen's view when the user set the camera", () => {
    expect(exportFrame(geo, ['140425'], true)).toBeUndefined();
  });
});
