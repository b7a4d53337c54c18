/**
 * Aggregation benchmark: per-county and per-zone figures after a filter change,
 * our implementation (filter + aggregate on precomputed county assignments)
 * against the naive baseline (Turf pointsWithinPolygon for every county on
 * every change), at 133 (the plan), 10,000 and 100,000 projects. Asserts both
 * give identical figures. Medians of several runs, both measured in this run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { aggregateMatching, prepareProjects, type AreaStats } from '../../src/analysis/aggregate.ts';
import { geoUnits } from '../../src/analysis/explore.ts';
import { EMPTY_FILTERS, projectMatcher, type Filters } from '../../src/analysis/filters.ts';
import { parseLocations } from '../../src/data/validateLocations.ts';
import { parseProjects } from '../../src/data/validateProjects.ts';
import type { LocatedProject } from '../../src/data/project.ts';
import type { CountyCollection, GeoBundle } from '../../src/geo/types.ts';
import { naiveAggregate } from './naiveAggregate.ts';
import { median, ROOT, table, writeSection } from './results.ts';
import { syntheticProjects } from './synthetic.ts';
import { runAsMain } from '../runAsMain.ts';

const read = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8')) as unknown;

export function loadPlan(): { projects: LocatedProject[]; counties: CountyCollection; zones: GeoBundle['zones'] } {
  const projects = parseProjects(read('data/projects.json'));
  const locations = parseLocations(read('data/locations.json'), projects.map((p) => p.id));
  return {
    projects: projects.map((p) => ({ ...p, locations: locations[p.id] ?? [] })),
    counties: read('geo/counties.geojson') as CountyCollection,
    zones: read('geo/zones.geojson') as GeoBundle['zones'],
  };
}

/** A sequence of filter changes a user might make. */
export const FILTER_CHANGES: Filters[] = [
  EMPTY_FILTERS,
  { ...EMPTY_FILTERS, categories: ['health'] },
  { ...EMPTY_FILTERS, categories: ['education', 'eldercare'] },
  { ...EMPTY_FILTERS, startYear: { min: 2021, max: 2023 } },
  { ...EMPTY_FILTERS, investment: { min: 1, max: null } },
  { ...EMPTY_FILTERS, precisions: ['township', 'village'] },
];

function sameStats(a: AreaStats[], b: AreaStats[], what: string): void {
  if (a.length !== b.length) throw new Error(`${what}: ${a.length} vs ${b.length} areas`);
  a.forEach((x, i) => {
    const y = b[i]!;
    const close = (u: number, v: number) => Math.abs(u - v) <= 1e-9 * Math.max(1, Math.abs(u), Math.abs(v));
    if (x.key !== y.key || x.count !== y.count || x.unknownCount !== y.unknownCount || !close(x.total, y.total) || !close(x.density, y.density)) {
      throw new Error(`${what} ${x.key}: ours ${JSON.stringify(x)} vs baseline ${JSON.stringify(y)}`);
    }
  });
}

export interface AggregationFigure {
  projects: number;
  /** Once per loaded list: county assignments and amounts laid out in typed arrays. */
  prepareMs: number;
  oursMs: number;
  baselineMs: number;
  speedup: number;
}

/** Times ours and the baseline over the filter changes; checks they agree. */
export function measureAggregation(projects: LocatedProject[], counties: CountyCollection, zonesFc: GeoBundle['zones'], runs: number): AggregationFigure {
  const units = geoUnits({ counties, zones: zonesFc } as GeoBundle);
  // Prepared once per list (and cached): the filter changes below reuse it, as the app's do.
  let t = performance.now();
  prepareProjects(projects, units.counties, units.zones);
  const prepareMs = performance.now() - t;
  const ours: number[] = [];
  const base: number[] = [];
  for (let r = 0; r < runs; r++) {
    const f = FILTER_CHANGES[r % FILTER_CHANGES.length]!;
    // Ours, as the app does it (src/analysis/explore.ts): the prepared list, masked by the filters.
    t = performance.now();
    const mine = aggregateMatching(projects, units.counties, units.zones, projectMatcher(f, units.zoneCounties)).aggregation;
    ours.push(performance.now() - t);
    t = performance.now();
    const naive = naiveAggregate(projects.filter(projectMatcher(f, units.zoneCounties)), counties, units.zones);
    base.push(performance.now() - t);
    sameStats(mine.counties, naive.counties, `counties (filter ${r % FILTER_CHANGES.length})`);
    sameStats(mine.zones, naive.zones, `zones (filter ${r % FILTER_CHANGES.length})`);
  }
  const oursMs = median(ours);
  const baselineMs = median(base);
  return { projects: projects.length, prepareMs, oursMs, baselineMs, speedup: baselineMs / oursMs };
}

function main(): void {
  const plan = loadPlan();
  const sets: [string, LocatedProject[], number][] = [
    ['plan (133)', plan.projects, 31],
    ['synthetic 10,000', syntheticProjects(10_000, plan.counties), 13],
    ['synthetic 100,000', syntheticProjects(100_000, plan.counties), 7],
  ];
  const figures: (AggregationFigure & { set: string })[] = [];
  for (const [name, projects, runs] of sets) {
    figures.push({ set: name, ...measureAggregation(projects, plan.counties, plan.zones, runs) });
  }
  console.log('aggregation: filter change -> per-county and per-zone figures (median ms; results identical)');
  console.log(
    table([
      ['set', 'ours ms', 'baseline ms', 'speed-up', 'prepare ms (once per load)'],
      ...figures.map((f) => [f.set, f.oursMs.toFixed(2), f.baselineMs.toFixed(1), `${f.speedup.toFixed(0)}x`, f.prepareMs.toFixed(1)]),
    ]),
  );
  const big = figures[2]!;
  const targets = { under50msAt100k: big.oursMs < 50, atLeast10xAt100k: big.speedup >= 10 };
  console.log(`targets: 100k under 50 ms: ${targets.under50msAt100k ? 'met' : 'MISSED'}; at least 10x the baseline: ${targets.atLeast10xAt100k ? 'met' : 'MISSED'}`);
  writeSection('aggregation', { measuredAt: new Date().toISOString(), figures, targets });
}

runAsMain(import.meta.url, main);
