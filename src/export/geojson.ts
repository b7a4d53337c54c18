import type { Feature, FeatureCollection, Point } from 'geojson';
import type { LocatedProject } from '../data/project.ts';
import { cityInvestment, countOnce } from '../data/totals.ts';
import { LOCATION_FIELDS, PROJECT_FIELDS, type Cell, type FieldContext } from './fields.ts';

export type ExportProperties = Record<string, Cell>;

/**
 * The projects as RFC 7946 GeoJSON (WGS84 longitude/latitude): one Point
 * Feature per location, carrying every field of its project (flat, as in the
 * CSV), the location's own fields with `loc_` in front (`loc_precision`…),
 * `loc_index` (1-based) and `loc_share_yi`, the project's city investment
 * split evenly over its locations, so that a sum over features adds up to
 * the project's figure, as on the map. Projects without a location (citywide
 * ones) are one Feature with `geometry: null`, which RFC 7946 §3.2 allows.
 * Sum `loc_share_yi` where `counted` is 是 for the set's total.
 */
export function projectsGeoJson(
  projects: readonly LocatedProject[],
  countyNames: ReadonlyMap<string, string>,
): FeatureCollection<Point | null, ExportProperties> {
  const counted = new Set(countOnce(projects));
  const features: Feature<Point | null, ExportProperties>[] = [];
  for (const p of projects) {
    const ctx: FieldContext = { countyNames, counted: counted.has(p) };
    const base: ExportProperties = {};
    for (const f of PROJECT_FIELDS) base[f.key] = f.value(p, ctx);
    const amount = cityInvestment(p);
    if (p.locations.length === 0) {
      const props: ExportProperties = { ...base, loc_index: null, loc_share_yi: amount };
      for (const f of LOCATION_FIELDS) props[`loc_${f.key}`] = null;
      features.push({ type: 'Feature', id: p.id, properties: props, geometry: null });
      continue;
    }
    p.locations.forEach((l, i) => {
      const props: ExportProperties = {
        ...base,
        loc_index: i + 1,
        loc_share_yi: amount === null ? null : amount / p.locations.length,
      };
      for (const f of LOCATION_FIELDS) props[`loc_${f.key}`] = f.value(l, ctx);
      features.push({
        type: 'Feature',
        id: `${p.id}#${i + 1}`,
        properties: props,
        geometry: { type: 'Point', coordinates: [l.lon, l.lat] },
      });
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Pretty enough to diff, compact enough to mail. */
export function geoJsonText(fc: FeatureCollection<Point | null, ExportProperties>): string {
  return `{"type":"FeatureCollection","features":[\n${fc.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}
