import gcoord from 'gcoord';
import type { Position } from 'geojson';
import type { LonLat } from '../../src/geo/types.ts';
import { roundTo } from './positions.ts';

/**
 * GCJ-02 (the offset datum of Amap and DataV) to WGS84, rounded to `decimals`
 * (6 decimals is about 0.1 m). The conversion is gcoord's, not a local copy.
 */
export function gcj02ToWgs84(p: Position, decimals = 6): LonLat {
  const [lon, lat] = gcoord.transform([p[0]!, p[1]!], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return [roundTo(lon, decimals), roundTo(lat, decimals)];
}
