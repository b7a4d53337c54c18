import type { Aggregation } from './aggregate.ts';
import { densityOf } from './aggregate.ts';

export interface SelectionFigures {
  /** km² of the place the figures are about. */
  areaKm2: number;
  /** 亿元 allocated to that place (a line through three counties brings a third to each). */
  allocated: number;
  /** allocated / area, 万元/km². */
  density: number;
}

/**
 * The headline figures for a place: the whole city (citywide projects
 * included) when no county or zone is chosen, else the chosen counties, with
 * each project's investment as allocated to them — not the whole of every
 * project that touches them.
 */
export function selectionFigures(a: Aggregation, placeCounties: readonly string[]): SelectionFigures {
  if (placeCounties.length === 0) {
    const areaKm2 = a.counties.reduce((s, c) => s + c.areaKm2, 0);
    return { areaKm2, allocated: a.total, density: a.cityDensity };
  }
  const chosen = a.counties.filter((c) => placeCounties.includes(c.key));
  const areaKm2 = chosen.reduce((s, c) => s + c.areaKm2, 0);
  const allocated = chosen.reduce((s, c) => s + c.total, 0);
  return { areaKm2, allocated, density: densityOf(allocated, areaKm2) };
}
