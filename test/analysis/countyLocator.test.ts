import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countyLocator } from '../../src/analysis/countyLocator.ts';
import type { CountyCollection } from '../../src/geo/types.ts';

const counties = JSON.parse(readFileSync(join(import.meta.dirname, '../../geo/counties.geojson'), 'utf8')) as CountyCollection;
const locate = countyLocator(counties);

describe('countyLocator', () => {
  it('puts each county seat and label point in its own county', () => {
    for (const f of counties.features) {
      expect(locate(...f.properties.seat)).toBe(f.properties.adcode);
      expect(locate(...f.properties.labelPoint)).toBe(f.properties.adcode);
    }
  });

  it('answers null outside 长治 (太原, 邯郸) and for swapped coordinates', () => {
    expect(locate(112.55, 37.87)).toBeNull();
    expect(locate(114.49, 36.61)).toBeNull();
    expect(locate(36.2, 113.1)).toBeNull();
  });
});
