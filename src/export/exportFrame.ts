import { bbox, featureCollection } from '@turf/turf';
import type { GeoBundle } from '../geo/types.ts';

export type BBox = [number, number, number, number];

/** Margin around the framed area, as a share of its size: its outline does not touch the image's edge. */
const MARGIN = 0.03;

/**
 * What an exported image frames: the counties the filters name (a county, a
 * zone), else the whole city, filling the image's map frame but for a thin
 * margin. Undefined when the user has set the camera (moved the map, or
 * followed a link that carries one): the image then shows what the screen does.
 */
export function exportFrame(geo: Pick<GeoBundle, 'counties' | 'city'>, focusCounties: readonly string[], cameraSetByUser: boolean): BBox | undefined {
  if (cameraSetByUser) return undefined;
  const members = geo.counties.features.filter((f) => focusCounties.includes(f.properties.adcode));
  const [w, s, e, n] = bbox(members.length > 0 ? featureCollection(members) : geo.city) as BBox;
  const dx = (e - w) * MARGIN;
  const dy = (n - s) * MARGIN;
  return [w - dx, s - dy, e + dx, n + dy];
}
