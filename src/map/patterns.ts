/** An RGBA image MapLibre can take in addImage, built without a canvas. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * A tileable diagonal hatch: lines at 45° every `size` px in `color`, on a
 * transparent ground, so the choropleth shows through between the lines.
 */
export function hatchPattern(color: string, size = 14, lineWidth = 1.1, alpha = 0.55): RgbaImage {
  const [r, g, b] = hexToRgb(color);
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // distance from the pixel centre (x + .5, y + .5) to the nearest line x + y = k * size
      const m = (x + y + 1) % size;
      const distance = Math.min(m, size - m) / Math.SQRT2;
      const coverage = Math.max(0, Math.min(1, lineWidth / 2 - distance + 0.5));
      const i = (y * size + x) * 4;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = Math.round(255 * alpha * coverage);
    }
  }
  return { width: size, height: size, data };
}
