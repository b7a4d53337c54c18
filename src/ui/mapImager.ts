import type { MapImager } from '../map/MapView.tsx';

/**
 * The map's imager (exports, print), handed out by MapView once the map
 * exists. One map per page, so one holder; null while there is no map (not
 * loaded yet, no WebGL, or a component test's fake map).
 */
let current: MapImager | null = null;

export function setMapImager(imager: MapImager | null): void {
  current = imager;
}

export function mapImager(): MapImager | null {
  return current;
}
