import { bbox } from '@turf/turf';
import { scaleOf } from './camera.ts';
import { MapController, type MapCallbacks } from './MapController.ts';
import { mapSpec, type BBox, type MapState } from './mapSpec.ts';
import type { Medium } from './medium.ts';

export interface RenderRequest {
  /** Size of the image in device pixels. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel: lines, points and labels grow with it (2 for a 4K image of a 1080p layout). */
  pixelRatio: number;
  /** What to frame, west-south-east-north; the whole box is shown. */
  bounds: BBox;
  /** `png` (a slide) or `print` (a sheet, with the picture's printed width). */
  medium: 'png' | 'print';
  printWidthMm?: number;
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

const none = () => null;
const ignore = () => {};
const NONE: MapCallbacks = {
  onHoverCounty: ignore,
  onClickCounty: ignore,
  onHoverProject: ignore,
  onClickProject: ignore,
  onClickImported: ignore,
  onViewChange: ignore,
  onReady: ignore,
  describeCounty: none,
  describePoint: none,
  describeImported: none,
  describeCluster: none,
  describeSpread: none,
};

const TIMEOUT_MS = 90_000;

/** The medium of an image request. */
export function requestMedium(req: RenderRequest): Medium {
  return {
    kind: req.medium,
    width: Math.round(req.width / req.pixelRatio),
    height: Math.round(req.height / req.pixelRatio),
    pixelRatio: req.pixelRatio,
    ...(req.printWidthMm !== undefined ? { printWidthMm: req.printWidthMm } : {}),
  };
}

/**
 * Draws the map again, off screen, at the requested size and pixel ratio,
 * from the spec of the same view as the screen's (imported layers and all) on
 * the image's medium, and returns it as a plain 2D canvas. The second map
 * lives only for the capture.
 */
export async function renderMapOffscreen(view: MapState, req: RenderRequest): Promise<RenderedMap> {
  const started = performance.now();
  const medium = requestMedium(req);
  const spec = mapSpec({ ...view, hoveredCounty: null, camera: { key: 0, box: req.bounds } }, medium);
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = `position:fixed;left:-${medium.width + 100}px;top:0;width:${medium.width}px;height:${medium.height}px;pointer-events:none;`;
  document.body.append(host);
  let controller: MapController | null = null;
  try {
    controller = new MapController(host, spec, { bounds: req.bounds, padding: spec.camera!.padding }, NONE, {
      offscreen: true,
      pixelRatio: req.pixelRatio,
      limits: bbox(view.geo.city) as BBox,
    });
    const c = controller;
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
    ctx.drawImage(c.maplibre.getCanvas(), 0, 0, req.width, req.height);
    const cam = scaleOf(c.maplibre);
    return { canvas: out, zoom: cam.zoom, latitude: cam.latitude, pixelRatio: req.pixelRatio, ms: Math.round(performance.now() - started) };
  } finally {
    controller?.destroy();
    host.remove();
  }
}
