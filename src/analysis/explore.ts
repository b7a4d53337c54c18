import type { FeatureCollection, Point } from 'geojson';
import type { LocatedProject } from '../data/project.ts';
import type { GeoBundle } from '../geo/types.ts';
import { aggregateMatching, type Aggregation, type AreaStats, type AreaUnit, type ZoneUnit } from './aggregate.ts';
import { classify, classIndex, type ClassMethod, type Classification } from './classify.ts';
import { hasPlaceFilter, projectMatcher, withoutPlaceFilters, type Filters } from './filters.ts';
import { idsKey, type Keyed } from './keyed.ts';
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

/** The projects a filter state selects, and the figures of the areas. */
export interface Matching {
  filtered: LocatedProject[];
  /** Figures of the filtered projects (the summary). */
  aggregation: Aggregation;
  /**
   * Figures of every area under the filters less county and zone: what the
   * choropleth, the table and the ranks compare, so choosing a county shows
   * where it stands among the 12 instead of emptying the others.
   */
  areaAggregation: Aggregation;
}

/** The choropleth of a metric: its classes and each county's class. */
export interface AreaClasses {
  classification: Classification;
  /** Class index per county adcode; null when the county has nothing to show for the metric. */
  countyClass: Record<string, number | null>;
}

export interface Exploration extends Matching, AreaClasses {
  /** The filtered projects' points, keyed by the projects they hold. */
  points: Keyed<FeatureCollection<Point, PointProperties>>;
}

/** Filters the projects and sums them per area. */
export function matchProjects(projects: readonly LocatedProject[], units: GeoUnits, filters: Filters): Matching {
  // Assignments are prepared once per project list; a filter change only sets the mask.
  const { filtered, aggregation } = aggregateMatching(projects, units.counties, units.zones, projectMatcher(filters, units.zoneCounties));
  const areaAggregation = hasPlaceFilter(filters)
    ? aggregateMatching(projects, units.counties, units.zones, projectMatcher(withoutPlaceFilters(filters), units.zoneCounties)).aggregation
    : aggregation;
  return { filtered, aggregation, areaAggregation };
}

/** Classes of the counties' values of a metric (only counties with something to show take part). */
export function classifyAreas(areaAggregation: Aggregation, metric: Metric, method: ClassMethod): AreaClasses {
  const values = areaAggregation.counties.map((c) => metricValue(c, metric)).filter((v) => v > 0);
  const classification = classify(values, method);
  const countyClass: Record<string, number | null> = {};
  for (const c of areaAggregation.counties) {
    const v = metricValue(c, metric);
    countyClass[c.key] = v > 0 ? classIndex(v, classification.thresholds) : null;
  }
  return { classification, countyClass };
}

/** The points of a list of projects, keyed by their ids: an equal list gives an equal key. */
export function keyedPoints(projects: readonly LocatedProject[]): Keyed<FeatureCollection<Point, PointProperties>> {
  return { key: idsKey('points', projects.map((p) => p.id)), data: projectPoints(projects) };
}

/** Filters the projects and computes everything the map, legend, list and table show. */
export function explore(
  projects: readonly LocatedProject[],
  units: GeoUnits,
  filters: Filters,
  metric: Metric,
  method: ClassMethod,
): Exploration {
  const matching = matchProjects(projects, units, filters);
  return { ...matching, ...classifyAreas(matching.areaAggregation, metric, method), points: keyedPoints(matching.filtered) };
}
