import type { GeoJSONSourceSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { Keyed } from '../analysis/keyed.ts';
import type { GeoBundle, LonLat } from '../geo/types.ts';
import { SOURCE } from './ids.ts';

export type { Keyed };

/** Points cluster up to this zoom; beyond it every point is drawn. */
export const CLUSTER_MAX_ZOOM = 9;

/** A GeoJSON source of the spec: its data with the key that says when it changed, and MapLibre's other options. */
export interface SourceSpec {
  key: string;
  data: FeatureCollection;
  options: Omit<GeoJSONSourceSpecification, 'type' | 'data'>;
}

export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** A source that never changes after the map is built (its data is filled in by hand, as the spread-out points are). */
export const emptySource = (name: string): SourceSpec => ({ key: `${name}:empty`, data: EMPTY, options: {} });

/** A source of points that cluster (when asked) within `distance` CSS px, with their investment summed. */
export function pointSource(points: Keyed<FeatureCollection>, o: { clustered: boolean; distance: number }): SourceSpec {
  return {
    key: points.key,
    data: points.data,
    options: {
      cluster: o.clustered,
      clusterMaxZoom: CLUSTER_MAX_ZOOM,
      clusterRadius: o.distance,
      clusterProperties: { sum: ['+', ['get', 'amount']], unknown: ['+', ['-', 1, ['get', 'known']]] },
    },
  };
}

/** What a feature of a shared geography source is: an area, its label point, or the city outline. */
type Role = 'area' | 'label' | 'city';

function withRole<G extends Geometry>(f: Feature<G, object>, role: Role, extra: Record<string, unknown> = {}): Feature<G> {
  return { type: 'Feature', properties: { ...f.properties, ...extra, role }, geometry: f.geometry };
}

/** Areas and, as points with role 'label', their label points. */
function areasWithLabels<P extends { labelPoint: LonLat; name: string }>(
  fc: FeatureCollection<Geometry, P>,
  extra: (p: P) => Record<string, unknown> = () => ({}),
): Feature[] {
  return [
    ...fc.features.map((f) => withRole(f, 'area')),
    ...fc.features.map(
      (f): Feature<Point> => ({
        type: 'Feature',
        properties: { name: f.properties.name, ...extra(f.properties), role: 'label' },
        geometry: { type: 'Point', coordinates: f.properties.labelPoint },
      }),
    ),
  ];
}

const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

export interface GeographySources {
  [SOURCE.context]: SourceSpec;
  [SOURCE.counties]: SourceSpec;
  [SOURCE.zones]: SourceSpec;
}

const built = new WeakMap<GeoBundle, GeographySources>();
let bundles = 0;

/** The fixed geography, built once per geo bundle (loaded once per page). */
export function geographySources(geo: GeoBundle): GeographySources {
  let s = built.get(geo);
  if (!s) {
    const version = `geo${++bundles}`;
    s = {
      [SOURCE.context]: {
        key: `${version}:context`,
        data: collection([...areasWithLabels(geo.context), ...geo.city.features.map((f) => withRole(f, 'city'))]),
        options: {},
      },
      [SOURCE.counties]: {
        key: `${version}:counties`,
        data: collection(areasWithLabels(geo.counties, (p) => ({ adcode: p.adcode }))),
        options: { promoteId: 'adcode' },
      },
      [SOURCE.zones]: { key: `${version}:zones`, data: collection(areasWithLabels(geo.zones)), options: { promoteId: 'name' } },
    };
    built.set(geo, s);
  }
  return s;
}
