import type { LayerSpecification, Map as MapLibreMap, MapGeoJSONFeature, PointLike } from 'maplibre-gl';
import type { Point } from 'geojson';
import { hitMeta, type HitMeta } from './layers.ts';

/** What is under the pointer: the top feature of a layer that answers to pointing, and what it means. */
export interface Hit {
  meta: HitMeta;
  feature: MapGeoJSONFeature;
}

/** The layers that answer to pointing, from the spec the map shows. */
export function hitLayers(layers: readonly LayerSpecification[]): string[] {
  return layers.filter((l) => hitMeta(l) !== null).map((l) => l.id);
}

/** The top feature under `point` among `layers` (queryRenderedFeatures lists the top one first). */
export function hitAt(map: MapLibreMap, point: PointLike, layers: readonly string[]): Hit | null {
  if (layers.length === 0) return null;
  const feature = map.queryRenderedFeatures(point, { layers: [...layers] })[0];
  if (!feature) return null;
  const meta = hitMeta(feature.layer);
  return meta ? { meta, feature } : null;
}

export function sameSpot(a: { geometry: unknown }, b: { geometry: unknown }): boolean {
  const pa = (a.geometry as Point).coordinates;
  const pb = (b.geometry as Point).coordinates;
  return Math.abs(pa[0]! - pb[0]!) < 1e-7 && Math.abs(pa[1]! - pb[1]!) < 1e-7;
}

/** The key of what a point stands for: a project of the plan, or a row of an imported layer. */
export function pointKey(meta: HitMeta, properties: Record<string, unknown>): string {
  return meta.owner === 'plan' ? String(properties.pid) : `${String(properties.layer)}#${String(properties.row)}`;
}

/**
 * The points drawn on the same spot as `hit`'s, in the same layer, one per
 * project or row (queryRenderedFeatures may return a feature once per tile).
 */
export function stackAt(map: MapLibreMap, point: PointLike, hit: Hit): MapGeoJSONFeature[] {
  const seen = new Set<string>();
  return map
    .queryRenderedFeatures(point, { layers: [hit.feature.layer.id] })
    .filter((f) => sameSpot(f, hit.feature))
    .filter((f) => {
      const key = pointKey(hit.meta, f.properties);
      return seen.has(key) ? false : (seen.add(key), true);
    });
}
