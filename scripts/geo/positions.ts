import type { Position } from 'geojson';
import type { Areal, LonLat } from '../../src/geo/types.ts';

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  // Math.round is symmetric enough here: all coordinates are positive (China).
  return Math.round(value * f) / f;
}

/**
 * Applies `fn` to every position of a (Multi)Polygon and drops consecutive
 * duplicates that rounding can create, keeping each ring closed.
 */
export function mapAreal(geometry: Areal, fn: (p: Position) => LonLat): Areal {
  const mapRing = (ring: Position[]): Position[] => {
    const out: Position[] = [];
    for (const p of ring) {
      const q = fn(p);
      const last = out[out.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
    }
    return out;
  };
  if (geometry.type === 'Polygon') {
    return { type: 'Polygon', coordinates: geometry.coordinates.map(mapRing) };
  }
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((poly) => poly.map(mapRing)),
  };
}

/** The polygons of a (Multi)Polygon as a list of ring arrays. */
export function polygonsOf(geometry: Areal): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Every vertex of a (Multi)Polygon, closing vertices included. */
export function verticesOf(geometry: Areal): Position[] {
  return polygonsOf(geometry).flat(2);
}
