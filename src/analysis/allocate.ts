import type { LocatedProject } from '../data/project.ts';

export interface CountyShare {
  county: string;
  /** Fraction of the project's investment attributed to the county; shares sum to 1. */
  share: number;
}

/** The rule, in words, for the legend's note. */
export const ALLOCATION_RULE =
  '跨县区项目的投资在所涉县区间平均分摊；线路类项目规划写明长治境内投资的，只计境内部分；全市性项目不计入县区。';

/**
 * The counties a project is in: its `counties` from the plan, else the
 * counties of its located points (imported rows carry no `counties`).
 */
export function projectCounties(p: Pick<LocatedProject, 'counties' | 'scope' | 'locations'>): string[] {
  if (p.scope === 'citywide') return [];
  if (p.counties.length > 0) return p.counties;
  return [...new Set(p.locations.map((l) => l.county))];
}

/** Equal split across the project's counties; [] for citywide projects. */
export function countyShares(p: Pick<LocatedProject, 'counties' | 'scope' | 'locations'>): CountyShare[] {
  const counties = projectCounties(p);
  return counties.map((county) => ({ county, share: 1 / counties.length }));
}

/**
 * The fraction of a project's investment allocated to a place (a set of
 * counties), by the same equal split as the map: 0.5 for a line through two
 * counties seen from one of them, 1 for a project wholly inside.
 */
export function placeFraction(p: Pick<LocatedProject, 'counties' | 'scope' | 'locations'>, place: ReadonlySet<string>): number {
  return countyShares(p).reduce((sum, s) => (place.has(s.county) ? sum + s.share : sum), 0);
}
