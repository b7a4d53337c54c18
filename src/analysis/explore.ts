import type { FeatureCollection, Point } from 'geojson';
import type { LocatedProject } from '../data/project.ts';
import type { GeoBundle } from '../geo/types.ts';
import { aggregateMatching, type Aggregation, type AreaUnit, type ZoneUnit } from './aggregate.ts';
import { classify, classIndex, type ClassMethod, type Classification } from './classify.ts';
import { hasPlaceFilter, hasYearFilter, projectMatcher, withoutPlaceFilters, withoutYearFilters, type Filters } from './filters.ts';
import { idsKey, type Keyed } from './keyed.ts';
import { countOnce } from '../data/totals.ts';
import { metricValue, type Metric } from './metric.ts';
import { projectPoints, type PointProperties } from './points.ts';
import { investmentSpread, type SpreadSummary } from './spread.ts';
import type { LonLat } from '../geo/types.ts';

export type { Metric };

export interface GeoUnits {
  counties: AreaUnit[];
  zones: ZoneUnit[];
  zoneCounties: (zone: string) => readonly string[];
  /** The city government's seat, from which the spread's centre is measured. */
  citySeat?: LonLat;
}

/** The counties and zones with their areas and, given the census, their residents (a zone's is its members' sum). */
export function geoUnits(geo: GeoBundle, residents?: ReadonlyMap<string, number>): GeoUnits {
  const withResidents = <T extends AreaUnit>(unit: T, members: readonly string[]): T => {
    if (!residents || !members.every((c) => residents.has(c))) return unit;
    return { ...unit, population: members.reduce((s, c) => s + residents.get(c)!, 0) };
  };
  const counties = geo.counties.features.map((f) =>
    withResidents({ key: f.properties.adcode, name: f.properties.name, areaKm2: f.properties.areaKm2 }, [f.properties.adcode]),
  );
  const zones = geo.zones.features.map((f) =>
    withResidents(
      { key: f.properties.name, name: f.properties.name, areaKm2: f.properties.areaKm2, counties: f.properties.counties },
      f.properties.counties,
    ),
  );
  const members = new Map(zones.map((z) => [z.key, z.counties]));
  // `?.`: the aggregation bench builds units from counties and zones alone.
  return { counties, zones, zoneCounties: (z) => members.get(z) ?? [], citySeat: geo.city?.features[0]?.properties.seat };
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
  /**
   * Where the selection's investment lies: the weighted centre and standard
   * deviational ellipse, one group for the selection or one per chosen
   * category, with what was left out (see spread.ts, spreadTooltip for its text).
   */
  spread: SpreadSummary;
  /**
   * With a year filter on: the selection's projects that have no year (each
   * real project once, matched by every other filter) and whether they are
   * in `filtered` (包括) or left out (排除, or 在建年份). Null without a year filter.
   */
  unknownYear: { count: number; included: boolean } | null;
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

function unknownYearOf(projects: readonly LocatedProject[], units: GeoUnits, filters: Filters): Matching['unknownYear'] {
  if (!hasYearFilter(filters)) return null;
  const match = projectMatcher(withoutYearFilters(filters), units.zoneCounties);
  const count = countOnce(projects.filter(match)).filter((p) => p.startYear === null).length;
  return { count, included: filters.asOf === null && filters.unknownYear === 'include' };
}

/** Filters the projects, sums them per area, and finds where their investment lies. */
export function matchProjects(projects: readonly LocatedProject[], units: GeoUnits, filters: Filters): Matching {
  // Assignments are prepared once per project list; a filter change only sets the mask.
  const { filtered, aggregation } = aggregateMatching(projects, units.counties, units.zones, projectMatcher(filters, units.zoneCounties));
  const areaAggregation = hasPlaceFilter(filters)
    ? aggregateMatching(projects, units.counties, units.zones, projectMatcher(withoutPlaceFilters(filters), units.zoneCounties)).aggregation
    : aggregation;
  return {
    filtered,
    aggregation,
    areaAggregation,
    spread: investmentSpread(filtered, filters.categories, units.citySeat ?? null),
    unknownYear: unknownYearOf(projects, units, filters),
  };
}

/** Classes of the counties' values of a metric (only counties with something to show take part). */
export function classifyAreas(areaAggregation: Aggregation, metric: Metric, method: ClassMethod): AreaClasses {
  const shown = (v: number | null): v is number => v !== null && v > 0;
  const values = areaAggregation.counties.map((c) => metricValue(c, metric)).filter(shown);
  const classification = classify(values, method);
  const countyClass: Record<string, number | null> = {};
  for (const c of areaAggregation.counties) {
    const v = metricValue(c, metric);
    countyClass[c.key] = shown(v) ? classIndex(v, classification.thresholds) : null;
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
