/** Web Mercator ground resolution at zoom 0 on 512 px tiles (MapLibre), metres per pixel at the equator. */
const EQUATOR_M_PER_PX_Z0 = 40075016.686 / 512;

/** Metres per CSS pixel at a latitude and zoom. */
export function metresPerPixel(latitude: number, zoom: number): number {
  return (EQUATOR_M_PER_PX_Z0 * Math.cos((latitude * Math.PI) / 180)) / 2 ** zoom;
}

export interface ScaleBar {
  metres: number;
  /** Length of the bar in the same pixels as `metresPerPx`. */
  px: number;
  label: string;
}

/** The longest bar of 1, 2 or 5 × 10ⁿ metres that fits in `maxPx`. */
export function scaleBar(metresPerPx: number, maxPx: number): ScaleBar {
  const maxMetres = metresPerPx * maxPx;
  const e = Math.floor(Math.log10(maxMetres));
  const metres = [5, 2, 1].map((m) => m * 10 ** e).find((m) => m <= maxMetres) ?? 10 ** e;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  return { metres, px: metres / metresPerPx, label };
}
