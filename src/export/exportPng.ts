import type { MapImager } from '../map/MapView.tsx';
import { drawComposition, type PngContent } from './composePng.ts';
import { canvasBlob } from './download.ts';
import { PNG_SIZES, pngLayout, type PngSize } from './pngLayout.ts';
import { metresPerPixel, scaleBar } from './scaleBar.ts';

export interface PngExport {
  blob: Blob;
  width: number;
  height: number;
  /** Milliseconds: drawing the map off screen, then the whole export. */
  mapMs: number;
  totalMs: number;
}

/**
 * The current view as a finished image of the requested size: the map drawn
 * again off screen at that size (pixel ratio = size / 1080p, so 4K is sharp,
 * not enlarged), then composed with title, legend, scale bar, north arrow,
 * filters, sources and date.
 */
export async function exportPng(imager: MapImager, size: PngSize, content: PngContent, bounds?: [number, number, number, number]): Promise<PngExport> {
  const started = performance.now();
  const { width, height } = PNG_SIZES[size];
  const layout = pngLayout(width, height);
  const map = await imager.render({ width: layout.map.width, height: layout.map.height, pixelRatio: layout.scale, medium: 'png', ...(bounds ? { bounds } : {}) });
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('此浏览器无法创建画布');
  // Metres per device pixel of the map image; the bar may take up to 220 layout units.
  const mpp = metresPerPixel(map.latitude, map.zoom) / map.pixelRatio;
  drawComposition(ctx, layout, content, map.canvas, scaleBar(mpp, 220 * layout.scale));
  const blob = await canvasBlob(canvas);
  return { blob, width, height, mapMs: map.ms, totalMs: Math.round(performance.now() - started) };
}
