import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapView as CameraView } from '../state/store.ts';

/** Camera moves jump instead of flying for people who asked the system for less motion. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** How long a camera move of the explorer lasts. */
export const moveDuration = (ms: number) => (prefersReducedMotion() ? 0 : ms);

function round(v: number, d: number): number {
  const f = 10 ** d;
  return Math.round(v * f) / f;
}

/** The camera as the URL carries it. */
export function cameraView(map: MapLibreMap): CameraView {
  const c = map.getCenter();
  return { center: [round(c.lng, 5), round(c.lat, 5)], zoom: round(map.getZoom(), 2) };
}

/** What the map shows now, west-south-east-north. */
export function viewBounds(map: MapLibreMap): [number, number, number, number] {
  const b = map.getBounds();
  return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
}

/** Zoom, centre latitude and pixel ratio, for a scale bar drawn outside the map. */
export function scaleOf(map: MapLibreMap): { zoom: number; latitude: number; pixelRatio: number } {
  return { zoom: map.getZoom(), latitude: map.getCenter().lat, pixelRatio: map.getPixelRatio() };
}

/** Polls rather than waiting for 'idle', which never comes if the map is idle already. */
export function whenIdle(map: MapLibreMap, fn: () => void): void {
  const check = () => {
    if (map.loaded() && map.areTilesLoaded() && !map.isMoving()) fn();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
