import type { FeatureCollection, Point } from 'geojson';
import type { LocatedProject } from '../data/project.ts';
import type { GeoBundle } from '../geo/types.ts';
import { aggregateMatching, type Aggregation, type AreaUnit, type ZoneUnit } from './aggregate.ts';
import { classify, classIndex, type ClassMethod, type Classification } from './classify.ts';
import { hasPlaceFilter, hasYearFilter, projectMatcher, withoutPlaceFilters, withoutYearFilters, type Filters } from './filters.ts';
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

function unknownYearOf(projects: readonly LocatedProject[], units: GeoUnits, filters: Filters): Exploration['unknownYear'] {
  if (!hasYearFilter(filters)) return null;
  const match = projectMatcher(withoutYearFilters(filters), units.zoneCounties);
  const count = countOnce(projects.filter(match)).filter((p) => p.startYear === null).length;
  return { count, included: filters.asOf === null && filters.unknownYear === 'include' };
}

/** Filters the projects and computes everything the map, legend, list and table show. */
export function explore(
  projects: readonly LocatedProject[],
  units: GeoUnits,
  filters: Filters,
  metric: Metric,
  method: ClassMethod,
): Exploration {
  // Assignments are prepared once per project list; a filter change only sets the mask.
  const { filtered, aggregation } = aggregateMatching(projects, units.counties, units.zones, projectMatcher(filters, units.zoneCounties));
  const areaAggregation = hasPlaceFilter(filters)
    ? aggregateMatching(projects, units.counties, units.zones, projectMatcher(withoutPlaceFilters(filters), units.zoneCounties)).aggregation
    : aggregation;
  const shown = (v: number | null): v is number => v !== null && v > 0;
  const values = areaAggregation.counties.map((c) => metricValue(c, metric)).filter(shown);
  const classification = classify(values, method);
  const countyClass: Record<string, number | null> = {};
  for (const c of areaAggregation.counties) {
    const v = metricValue(c, metric);
    countyClass[c.key] = shown(v) ? classIndex(v, classification.thresholds) : null;
  }
  return {
    filtered,
    aggregation,
    areaAggregation,
    classification,
    countyClass,
    points: projectPoints(filtered),
    spread: investmentSpread(filtered, filters.categories, units.citySeat ?? null),
    unknownYear: unknownYearOf(projects, units, filters),
  };
}
