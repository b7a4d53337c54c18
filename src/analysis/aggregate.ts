import type { LocatedProject } from '../data/project.ts';
import { countyShares } from './allocate.ts';
import { cityInvestment, countOnce } from '../data/totals.ts';

export interface AreaUnit {
  /** adcode for counties, name for zones. */
  key: string;
  name: string;
  areaKm2: number;
}

export interface ZoneUnit extends AreaUnit {
  counties: string[];
}

export interface AreaStats extends AreaUnit {
  /** Projects with any part in the area (a line through 3 counties counts in each). */
  count: number;
  /** Investment allocated to the area, 亿元 (projects with a figure only). */
  total: number;
  /** total / area, 万元/km². */
  density: number;
  /** Projects in the area that have no investment figure. */
  unknownCount: number;
}

export interface Aggregation {
  counties: AreaStats[];
  zones: AreaStats[];
  /** Projects counted (each real project once). */
  projectCount: number;
  /** Sum of their investment, 亿元, citywide ones included. */
  total: number;
  /** Projects for the whole city (各县区, 市级平台): not in any county's figures. */
  citywide: { count: number; total: number };
  /** Projects without an investment figure. */
  unknown: { count: number; ids: string[] };
  /** Listings dropped because their first listing (another annex) is counted. */
  duplicatesDropped: number;
  /** total / city area, 万元/km², citywide projects included. */
  cityDensity: number;
}

/** 亿元 per km² -> 万元 per km². */
export function densityOf(totalYi: number, areaKm2: number): number {
  return areaKm2 > 0 ? (totalYi * 1e4) / areaKm2 : 0;
}

/**
 * Per-county and per-zone figures for a set of projects. Pure: the same
 * projects give the same figures, and every 亿元 of a located project lands
 * in exactly one place (sum over counties + citywide = total).
 */
export function aggregate(
  projects: readonly LocatedProject[],
  counties: readonly AreaUnit[],
  zones: readonly ZoneUnit[],
): Aggregation {
  const counted = countOnce(projects);
  const byCounty = new Map(counties.map((c) => [c.key, { total: 0, count: 0, unknownCount: 0 }]));
  const zoneOf = new Map<string, string>();
  for (const z of zones) for (const c of z.counties) zoneOf.set(c, z.key);
  const byZone = new Map(zones.map((z) => [z.key, { total: 0, ids: new Set<string>(), unknown: new Set<string>() }]));

  let total = 0;
  const citywide = { count: 0, total: 0 };
  const unknownIds: string[] = [];

  for (const p of counted) {
    const amount = cityInvestment(p);
    if (amount === null) unknownIds.push(p.id);
    else total += amount;
    const shares = countyShares(p);
    if (shares.length === 0) {
      citywide.count++;
      citywide.total += amount ?? 0;
      continue;
    }
    for (const { county, share } of shares) {
      const c = byCounty.get(county);
      if (!c) continue;
      c.count++;
      if (amount === null) c.unknownCount++;
      else c.total += amount * share;
      const zk = zoneOf.get(county);
      const z = zk === undefined ? undefined : byZone.get(zk);
      if (z) {
        z.ids.add(p.id);
        if (amount === null) z.unknown.add(p.id);
        else z.total += amount * share;
      }
    }
  }

  const cityArea = counties.reduce((s, c) => s + c.areaKm2, 0);
  return {
    counties: counties.map((c) => {
      const s = byCounty.get(c.key)!;
      return { ...c, count: s.count, total: s.total, density: densityOf(s.total, c.areaKm2), unknownCount: s.unknownCount };
    }),
    zones: zones.map(({ counties: _members, ...z }) => {
      const s = byZone.get(z.key)!;
      return { ...z, count: s.ids.size, total: s.total, density: densityOf(s.total, z.areaKm2), unknownCount: s.unknown.size };
    }),
    projectCount: counted.length,
    total,
    citywide,
    unknown: { count: unknownIds.length, ids: unknownIds },
    duplicatesDropped: projects.length - counted.length,
    cityDensity: densityOf(total, cityArea),
  };
}
