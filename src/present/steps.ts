/**
 * The tour's step arithmetic, apart from the tour itself (tour.ts), which is
 * loaded only when presenter mode starts: links (?step=) and keys need these
 * from the first load.
 */

/** Steps of a tour over `zones` zones: overview, each zone, the ranking, the largest projects, the year's construction. */
export function tourStepCount(zones: number): number {
  return zones + 4;
}

/** A step number (1-based) kept within the tour. */
export function clampStep(step: number, count: number): number {
  return Math.min(Math.max(1, Math.round(step)), Math.max(1, count));
}
