/** The image sizes the 导出 menu offers. */
export const PNG_SIZES = {
  '1080p': { width: 1920, height: 1080, label: '1920×1080（全高清）' },
  '4k': { width: 3840, height: 2160, label: '3840×2160（4K）' },
  a4: { width: 3508, height: 2480, label: 'A4 横向 300 dpi（3508×2480）' },
} as const;
export type PngSize = keyof typeof PNG_SIZES;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PngLayout {
  width: number;
  height: number;
  /** Device pixels per layout unit: the layout is drawn for a 1080-unit-high page, then scaled. */
  scale: number;
  header: Rect;
  map: Rect;
  legend: Rect;
  footer: Rect;
  margin: number;
}

const DESIGN_HEIGHT = 1080;

/**
 * Where everything goes on an exported image: a title band, the map, a legend
 * column on the right and a footer for filters, sources and date. Laid out
 * once for a page 1080 units high and scaled, so 4K is 1080p at twice the
 * pixels and A4 at 300 dpi keeps the same proportions. Integer pixels.
 */
export function pngLayout(width: number, height: number): PngLayout {
  const scale = height / DESIGN_HEIGHT;
  const u = (n: number) => Math.round(n * scale);
  const margin = u(28);
  const headerH = u(104);
  const footerH = u(92);
  const legendW = u(372);
  const header = { x: margin, y: 0, width: width - 2 * margin, height: headerH };
  const footer = { x: margin, y: height - footerH, width: width - 2 * margin, height: footerH };
  const top = headerH;
  const mapH = height - headerH - footerH;
  const legend = { x: width - margin - legendW, y: top, width: legendW, height: mapH };
  const map = { x: margin, y: top, width: legend.x - u(20) - margin, height: mapH };
  return { width, height, scale, header, map, legend, footer, margin };
}
