import polylabel from 'polylabel';
import { area, polygon } from '@turf/turf';
import type { Areal, LonLat } from '../../src/geo/types.ts';
import { polygonsOf, roundTo } from './positions.ts';

/**
 * Where to draw an area's name: the pole of inaccessibility of its largest
 * polygon, so the label sits well inside even concave or ring-shaped areas.
 */
export function labelPoint(geometry: Areal, decimals = 6): LonLat {
  const polys = polygonsOf(geometry);
  let best = polys[0]!;
  let bestArea = -1;
  for (const p of polys) {
    const a = area(polygon(p));
    if (a > bestArea) {
      best = p;
      bestArea = a;
    }
  }
  const [x, y] = polylabel(best, 0.0005);
  return [roundTo(x, decimals), roundTo(y, decimals)];
}
