import { blankProject, scopeOf } from '../../src/data/blankProject.ts';
import type { LocatedProject, ProjectLocation } from '../../src/data/project.ts';
import type { AreaUnit, ZoneUnit } from '../../src/analysis/aggregate.ts';

/** Three counties of 10, 20 and 50 km² in two zones: easy figures to check by hand. */
export const COUNTIES: AreaUnit[] = [
  { key: 'A', name: '甲县', areaKm2: 10 },
  { key: 'B', name: '乙县', areaKm2: 20 },
  { key: 'C', name: '丙县', areaKm2: 50 },
];
export const ZONES: ZoneUnit[] = [
  { key: 'Z1', name: '一片区', areaKm2: 30, counties: ['A', 'B'] },
  { key: 'Z2', name: '二片区', areaKm2: 50, counties: ['C'] },
];

const at = (county: string): ProjectLocation => ({
  county,
  lon: 113,
  lat: 36,
  precision: 'township',
  method: 'gazetteer',
  matched: 'x镇',
  town: 'x镇',
  village: null,
  placeClass: 'town',
  note: null,
});

/** A project with only the fields the analysis reads set meaningfully. */
export function project(
  id: string,
  opts: {
    total?: number | null;
    inCity?: number | null;
    counties?: string[];
    scope?: LocatedProject['scope'];
    duplicateOf?: string | null;
    partOf?: string | null;
    located?: string[];
    category?: LocatedProject['category'];
  } = {},
): LocatedProject {
  const counties = opts.counties ?? [];
  return {
    ...blankProject(id, {
      category: opts.category ?? 'health',
      investment: {
        total: opts.total === undefined ? 1 : opts.total,
        plan: null,
        inCity: opts.inCity ?? null,
        basis: 'column',
        raw: { total: null, plan: null, inCity: null },
      },
      counties,
      scope: opts.scope ?? scopeOf(counties),
      countyBasis: { kind: 'explicit', reason: 'fixture' },
      duplicateOf: opts.duplicateOf ?? null,
      partOf: opts.partOf ?? null,
    }),
    locations: (opts.located ?? counties).map(at),
  };
}
