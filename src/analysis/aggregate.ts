import type { LocatedProject } from '../data/project.ts';
import { cityInvestment } from '../data/totals.ts';
import { projectCounties } from './allocate.ts';

export interface AreaUnit {
  /** adcode for counties, name for zones. */
  key: string;
  name: string;
  areaKm2: number;
  /** Residents (2020 census, 常住人口); absent when unknown. */
  population?: number | null;
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
  /** Residents, 2020 census; null when unknown. */
  population: number | null;
  /** total / population, 元/人; null without a population. */
  perCapita: number | null;
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
  /** total / the counties' residents, 元/人, citywide projects included; null when a population is unknown. */
  cityPerCapita: number | null;
}

/** 亿元 per km² -> 万元 per km². */
export function densityOf(totalYi: number, areaKm2: number): number {
  return areaKm2 > 0 ? (totalYi * 1e4) / areaKm2 : 0;
}

/** 亿元 per resident -> 元 per resident; null without a population. */
export function perCapitaOf(totalYi: number, residents: number | null | undefined): number | null {
  return residents ? (totalYi * 1e8) / residents : null;
}

/**
 * What aggregation needs of a project list, laid out once per list in typed
 * arrays: amounts, county assignments (as indexes), the zones each project
 * touches, and where its first listing is. Filter changes then only flip a
 * mask; nothing is reassigned or reallocated.
 */
export interface PreparedProjects {
  projects: readonly LocatedProject[];
  /** cityInvestment, NaN when unknown. */
  amount: Float64Array;
  /** Project i's county indexes are countyIdx[countyStart[i] .. countyStart[i + 1]). */
  countyStart: Uint32Array;
  countyIdx: Int16Array;
  /** Bit z set when the project touches zone z. */
  zoneMask: Uint32Array;
  /** Index of the row this one repeats (duplicateOf); -1 if none. */
  repeatsRow: Int32Array;
  /** Index of the row this one is part of (partOf); -1 if none. */
  partOfRow: Int32Array;
  /** Zone bits of each county. */
  countyZoneBits: Uint32Array;
}

const prepared = new WeakMap<readonly LocatedProject[], WeakMap<readonly AreaUnit[], PreparedProjects>>();

export function prepareProjects(
  projects: readonly LocatedProject[],
  counties: readonly AreaUnit[],
  zones: readonly ZoneUnit[],
): PreparedProjects {
  const cached = prepared.get(projects)?.get(counties);
  if (cached) return cached;
  const indexOf = new Map(counties.map((c, i) => [c.key, i]));
  const countyZoneBits = new Uint32Array(counties.length);
  zones.forEach((z, zi) => {
    for (const c of z.counties) {
      const i = indexOf.get(c);
      if (i !== undefined) countyZoneBits[i]! |= 1 << zi;
    }
  });
  const n = projects.length;
  const rowOf = new Map<string, number>();
  projects.forEach((p, i) => rowOf.set(p.id, i));
  const amount = new Float64Array(n);
  const countyStart = new Uint32Array(n + 1);
  const flat: number[] = [];
  const zoneMask = new Uint32Array(n);
  const repeatsRow = new Int32Array(n).fill(-1);
  const partOfRow = new Int32Array(n).fill(-1);
  projects.forEach((p, i) => {
    amount[i] = cityInvestment(p) ?? Number.NaN;
    countyStart[i] = flat.length;
    for (const c of projectCounties(p)) {
      const ci = indexOf.get(c) ?? -1;
      flat.push(ci);
      if (ci >= 0) zoneMask[i]! |= countyZoneBits[ci]!;
    }
    if (p.duplicateOf !== null) repeatsRow[i] = rowOf.get(p.duplicateOf) ?? -1;
    if (p.partOf !== null) partOfRow[i] = rowOf.get(p.partOf) ?? -1;
  });
  countyStart[n] = flat.length;
  const result: PreparedProjects = {
    projects,
    amount,
    countyStart,
    countyIdx: Int16Array.from(flat),
    zoneMask,
    repeatsRow,
    partOfRow,
    countyZoneBits,
  };
  if (!prepared.has(projects)) prepared.set(projects, new WeakMap());
  prepared.get(projects)!.set(counties, result);
  return result;
}

/**
 * Per-county and per-zone figures for the projects whose `mask` byte is 1
 * (all when mask is null). Each real project counts once: a row that repeats
 * or is part of another is dropped when that other row is also selected.
 * Every 亿元 of a located project lands in exactly one place (sum over counties
 * + citywide = total); a multi-county project is split equally.
 */
export function aggregatePrepared(
  prep: PreparedProjects,
  mask: Uint8Array | null,
  counties: readonly AreaUnit[],
  zones: readonly ZoneUnit[],
): Aggregation {
  const { projects, amount, countyStart, countyIdx, zoneMask, repeatsRow, partOfRow, countyZoneBits } = prep;
  const nC = counties.length;
  const nZ = zones.length;
  const cTotal = new Float64Array(nC);
  const cCount = new Uint32Array(nC);
  const cUnknown = new Uint32Array(nC);
  const zTotal = new Float64Array(nZ);
  const zCount = new Uint32Array(nZ);
  const zUnknown = new Uint32Array(nZ);
  let total = 0;
  let projectCount = 0;
  let selected = 0;
  const citywide = { count: 0, total: 0 };
  const unknownIds: string[] = [];
  const on = (i: number) => mask === null || mask[i] === 1;

  for (let i = 0; i < projects.length; i++) {
    if (!on(i)) continue;
    selected++;
    const repeats = repeatsRow[i]!;
    const partOf = partOfRow[i]!;
    if ((repeats >= 0 && on(repeats)) || (partOf >= 0 && on(partOf))) continue;
    projectCount++;
    const a = amount[i]!;
    const known = !Number.isNaN(a);
    if (known) total += a;
    else unknownIds.push(projects[i]!.id);
    const from = countyStart[i]!;
    const to = countyStart[i + 1]!;
    if (from === to) {
      citywide.count++;
      if (known) citywide.total += a;
      continue;
    }
    const share = known ? a / (to - from) : 0;
    for (let k = from; k < to; k++) {
      const ci = countyIdx[k]!;
      if (ci < 0) continue;
      cCount[ci]!++;
      if (known) cTotal[ci]! += share;
      else cUnknown[ci]!++;
      const bits = countyZoneBits[ci]!;
      if (known && bits !== 0) for (let z = 0; z < nZ; z++) if (bits & (1 << z)) zTotal[z]! += share;
    }
    const zm = zoneMask[i]!;
    if (zm !== 0) {
      for (let z = 0; z < nZ; z++) {
        if (!(zm & (1 << z))) continue;
        zCount[z]!++;
        if (!known) zUnknown[z]!++;
      }
    }
  }

  const cityArea = counties.reduce((s, c) => s + c.areaKm2, 0);
  const cityResidents = counties.every((c) => c.population) ? counties.reduce((s, c) => s + c.population!, 0) : null;
  return {
    counties: counties.map((c, i) => ({
      ...c,
      count: cCount[i]!,
      total: cTotal[i]!,
      density: densityOf(cTotal[i]!, c.areaKm2),
      unknownCount: cUnknown[i]!,
      population: c.population ?? null,
      perCapita: perCapitaOf(cTotal[i]!, c.population),
    })),
    zones: zones.map(({ counties: _members, ...z }, zi) => ({
      ...z,
      count: zCount[zi]!,
      total: zTotal[zi]!,
      density: densityOf(zTotal[zi]!, z.areaKm2),
      unknownCount: zUnknown[zi]!,
      population: z.population ?? null,
      perCapita: perCapitaOf(zTotal[zi]!, z.population),
    })),
    projectCount,
    total,
    citywide,
    unknown: { count: unknownIds.length, ids: unknownIds },
    duplicatesDropped: selected - projectCount,
    cityDensity: densityOf(total, cityArea),
    cityPerCapita: perCapitaOf(total, cityResidents),
  };
}

/**
 * The projects that `match` keeps, and their figures, computed on the list's
 * prepared arrays (made once per list) with a mask: the way to aggregate a
 * filtered selection without preparing the selection anew on every change.
 */
export function aggregateMatching(
  projects: readonly LocatedProject[],
  counties: readonly AreaUnit[],
  zones: readonly ZoneUnit[],
  match: (p: LocatedProject) => boolean,
): { filtered: LocatedProject[]; aggregation: Aggregation } {
  const mask = new Uint8Array(projects.length);
  const filtered: LocatedProject[] = [];
  for (let i = 0; i < projects.length; i++) {
    const p = projects[i]!;
    if (match(p)) {
      mask[i] = 1;
      filtered.push(p);
    }
  }
  return { filtered, aggregation: aggregatePrepared(prepareProjects(projects, counties, zones), mask, counties, zones) };
}

/** Figures for a list of projects (all of it): prepares it, then aggregates. */
export function aggregate(
  projects: readonly LocatedProject[],
  counties: readonly AreaUnit[],
  zones: readonly ZoneUnit[],
): Aggregation {
  return aggregatePrepared(prepareProjects(projects, counties, zones), null, counties, zones);
}
