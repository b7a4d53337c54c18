import { booleanValid, feature, kinks } from '@turf/turf';
import type { Areal } from '../../src/geo/types.ts';
import { polygonsOf } from './positions.ts';

/**
 * What is wrong with a (Multi)Polygon, as readable sentences; empty when it is
 * a valid OGC geometry with closed rings, no repeated vertices and no
 * self-intersections.
 */
export function arealProblems(geometry: Areal): string[] {
  const problems: string[] = [];
  polygonsOf(geometry).forEach((rings, pi) => {
    rings.forEach((ring, ri) => {
      const where = `polygon ${pi} ring ${ri}`;
      if (ring.length < 4) problems.push(`${where} has ${ring.length} positions, fewer than 4`);
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) {
        problems.push(`${where} is not closed`);
      }
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1]!;
        const b = ring[i]!;
        if (a[0] === b[0] && a[1] === b[1]) problems.push(`${where} repeats vertex ${i}`);
      }
    });
  });
  if (problems.length > 0) return problems;
  const selfIntersections = kinks(feature(geometry)).features.length;
  if (selfIntersections > 0) problems.push(`${selfIntersections} self-intersections`);
  if (!booleanValid(geometry)) problems.push('not a valid OGC geometry');
  return problems;
}

/** Interior rings, and polygons smaller than `minPartKm2` (slivers). */
export function holesAndSlivers(geometry: Areal, partAreasKm2: number[], minPartKm2: number): string[] {
  const problems: string[] = [];
  polygonsOf(geometry).forEach((rings, i) => {
    if (rings.length > 1) problems.push(`polygon ${i} has ${rings.length - 1} hole(s)`);
    const a = partAreasKm2[i] ?? 0;
    if (a < minPartKm2) problems.push(`polygon ${i} is a sliver of ${a.toFixed(3)} km²`);
  });
  return problems;
}
