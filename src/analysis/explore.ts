import type { FeatureCollection, Point } from 'geojson';
import type { LocatedProject } from '../data/project.ts';
import type { GeoBundle } from '../geo/types.ts';
import { aggregatePrepared, prepareProjects, type Aggregation, type AreaStats, type AreaUnit, type ZoneUnit } from './aggregate.ts';
import { classify, classIndex, type ClassMethod, type Classification } from './classify.ts';
import { hasPlaceFilter, projectMatcher, withoutPlaceFilters, type Filters } from './filters.ts';
import { projectPoints, type PointProperties } from './points.ts';

export type Metric = 'density' | 'total' | 'count';

export interface GeoUnits {
  counties: AreaUnit[];
  zones: ZoneUnit[];
  zoneCounties: (zone: string) => readonly string[];
}

export function geoUnits(geo: GeoBundle): GeoUnits {
  const counties = geo.counties.features.map((f) => ({ key: f.properties.adcode, name: f.properties.name, areaKm2: f.properties.areaKm2 }));
  const zones = geo.zones.features.map((f) => ({
    key: f.properties.name,
    name: f.properties.name,
    areaKm2: f.properties.areaKm2,
    counties: f.properties.counties,
  }));
  const members = new Map(zones.map((z) => [z.key, z.counties]));
  return { counties, zones, zoneCounties: (z) => members.get(z) ?? [] };
}

export function metricValue(s: AreaStats, metric: Metric): number {
  return metric === 'density' ? s.density : metric === 'total' ? s.total : s.count;
}

export interface Exploration {
  filtered: LocatedProject[];
  /** Figures of the filtered projects (the summary). */
  aggregation: Aggregation;
  /**
   * Figures of every area under the filters less county and zone: what the
   * choropleth, the table and the ranks compare, so choosing a county shows
   * where it stands among the 12 instead of emptying the others.
   */
  areaAggregation: Aggregation;
  classification: Classification;
  /** Class index per county adcode; null when the county has nothing to show for the metric. */
  countyClass: Record<string, number | null>;
  points: FeatureCollection<Point, PointProperties>;
}

/** Filters the projects and computes everything the map, legend, list and table show. */
export function explore(
  projects: readonly LocatedProject[],
  units: GeoUnits,
  filters: Filters,
  metric: Metric,
  method: ClassMethod,
): Exploration {
  const match = projectMatcher(filters, units.zoneCounties);
  const mask = new Uint8Array(projects.length);
  const filtered: LocatedProject[] = [];
  projects.forEach((p, i) => {
    if (match(p)) {
      mask[i] = 1;
      filtered.push(p);
    }
  });
  // Assignments are prepared once per project list; a filter change only sets the mask.
  const prepared = prepareProjects(projects, units.counties, units.zones);
  const aggregation = aggregatePrepared(prepared, mask, units.counties, units.zones);
  let areaAggregation = aggregation;
  if (hasPlaceFilter(filters)) {
    const areaMatch = projectMatcher(withoutPlaceFilters(filters), units.zoneCounties);
    const areaMask = new Uint8Array(projects.length);
    projects.forEach((p, i) => {
      areaMask[i] = areaMatch(p) ? 1 : 0;
    });
    areaAggregation = aggregatePrepared(prepared, areaMask, units.counties, units.zones);
  }
  const values = areaAggregation.counties.map((c) => metricValue(c, metric)).filter((v) => v > 0);
  const classification = classify(values, method);
  const countyClass: Record<string, number | null> = {};
  for (const c of areaAggregation.counties) {
    const v = metricValue(c, metric);
    countyClass[c.key] = v > 0 ? classIndex(v, classification.thresholds) : null;
  }
  return { filtered, aggregation, areaAggregation, classification, countyClass, points: projectPoints(filtered) };
}
