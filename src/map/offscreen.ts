import type { FeatureCollection, Point } from 'geojson';
import type { PointProperties } from '../analysis/points.ts';
import type { GeoBundle } from '../geo/types.ts';
import { MapController, type MapCallbacks } from './MapController.ts';

/** What the map draws, as MapView is given it: enough to draw the same map again elsewhere. */
export interface DrawnState {
  showZones: boolean;
  points: FeatureCollection<Point, PointProperties>;
  places: FeatureCollection;
  countyClass: Record<string, number | null>;
  classCount: number;
  selectedCounties: string[];
  focusCounties: string[];
  highlightedProject: string | null;
  highlightedProjects?: string[];
  annotations?: FeatureCollection;
}

export interface RenderRequest {
  /** Size of the image in device pixels. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel: lines, points and labels grow with it (2 for a 4K image of a 1080p layout). */
  pixelRatio: number;
  /** What to frame, west-south-east-north; the whole box is shown. */
  bounds: [number, number, number, number];
}

export interface RenderedMap {
  /** A 2D canvas of exactly width × height. */
  canvas: HTMLCanvasElement;
  zoom: number;
  /** Latitude of the image centre, for the scale bar. */
  latitude: number;
  pixelRatio: number;
  /** Milliseconds from the request to the finished image. */
  ms: number;
}

const NONE: MapCallbacks = {
  onHoverCounty: () => {},
  onClickCounty: () => {},
  onHoverProject: () => {},
  onClickProject: () => {},
  onViewChange: () => {},
  onReady: () => {},
  describeCounty: () => null,
  describePoint: () => null,
};

const TIMEOUT_MS = 90_000;

/**
 * Draws the map again, off screen, at the requested size and pixel ratio,
 * with the same style and state as the one on screen, and returns it as a
 * plain 2D canvas. The second map lives only for the capture.
 */
export async function renderMapOffscreen(geo: GeoBundle, state: DrawnState, req: RenderRequest): Promise<RenderedMap> {
  const started = performance.now();
  const host = document.createElement('div');
  const cssWidth = Math.round(req.width / req.pixelRatio);
  const cssHeight = Math.round(req.height / req.pixelRatio);
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = `position:fixed;left:-${cssWidth + 100}px;top:0;width:${cssWidth}px;height:${cssHeight}px;pointer-events:none;`;
  document.body.append(host);
  let controller: MapController | null = null;
  try {
    controller = new MapController(host, geo, null, NONE, { offscreen: true, pixelRatio: req.pixelRatio, bounds: req.bounds });
    const c = controller;
    c.setZonesVisible(state.showZones);
    c.setChoropleth(state.countyClass, state.classCount);
    c.setPoints(state.points);
    c.setPlaces(state.places);
    c.setSelectedCounties(state.selectedCounties);
    c.setDimmedExcept(state.focusCounties, geo.counties.features.map((f) => f.properties.adcode));
    c.setHighlightedProjects(state.highlightedProjects ?? (state.highlightedProject ? [state.highlightedProject] : []));
    if (state.annotations) c.setAnnotations(state.annotations);
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      c.rendered(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`地图在 ${TIMEOUT_MS / 1000} 秒内未能绘制完成`)), TIMEOUT_MS);
      }),
    ]).finally(() => clearTimeout(timer));
    const out = document.createElement('canvas');
    out.width = req.width;
    out.height = req.height;
    const ctx = out.getContext('2d');
    if (!ctx) throw new Error('此浏览器无法创建画布');
    ctx.drawImage(c.canvas(), 0, 0, req.width, req.height);
    const cam = c.camera();
    return { canvas: out, zoom: cam.zoom, latitude: cam.latitude, pixelRatio: req.pixelRatio, ms: Math.round(performance.now() - started) };
  } finally {
    controller?.destroy();
    host.remove();
  }
}
