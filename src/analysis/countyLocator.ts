import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { CountyCollection } from '../geo/types.ts';

/**
 * A function from a WGS84 point to the adcode of the county that contains it
 * (null outside 长治), for points that come without a county (imported rows).
 * A bounding-box test runs before the exact point-in-polygon test.
 */
export function countyLocator(counties: CountyCollection): (lon: number, lat: number) => string | null {
  const indexed = counties.features.map((f) => ({ adcode: f.properties.adcode, box: bbox(f), feature: f }));
  return (lon, lat) => {
    for (const { adcode, box, feature } of indexed) {
      if (lon < box[0] || lon > box[2] || lat < box[1] || lat > box[3]) continue;
      if (booleanPointInPolygon([lon, lat], feature)) return adcode;
    }
    return null;
  };
}
