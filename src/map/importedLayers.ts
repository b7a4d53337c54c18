/**
 * The imported layers on the map. Each layer is a GeoJSON source of its own,
 * clustered like the plan's points up to CLUSTER_MAX_ZOOM (100,000 circles
 * would be unreadable at city scale and slow where the browser has no GPU),
 * drawn in the layer's colour with a dark rim that sets it apart from the
 * plan's points, with the same precision language: solid = site/village,
 * light fill = township, faint disc with a halo = county only. Never part of
 * the choropleth.
 */
import type { LayerSpecification } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { ImportedPointProperties } from '../import/points.ts';
import { importedIds } from './ids.ts';
import { TEXT_FONT, clusterDistance, expr, hit, importedPointPaint, isCluster, notCluster } from './layers.ts';
import type { TypeScale } from './medium.ts';
import { pointSource, type Keyed, type SourceSpec } from './sources.ts';

export interface ImportedMapLayer {
  id: string;
  name: string;
  color: string;
  /** The points of the layer's rows that match the filters; the key changes only when they do. */
  points: Keyed<FeatureCollection<Point, ImportedPointProperties>>;
}

export function importedSource(layer: ImportedMapLayer, s: TypeScale, clustered: boolean): SourceSpec {
  // A little tighter than the plan's clusters: they are drawn smaller.
  return pointSource(layer.points, { clustered, distance: Math.round(clusterDistance(s) * 0.85) });
}

export function importedLayers(layer: ImportedMapLayer, s: TypeScale): LayerSpecification[] {
  const ids = importedIds(layer.id);
  const { color } = layer;
  return [
    {
      id: ids.halo,
      type: 'circle',
      source: ids.source,
      filter: expr(['all', notCluster, ['==', ['get', 'precision'], 'county']]),
      paint: { 'circle-radius': 18 * s.point, 'circle-color': color, 'circle-opacity': 0.2, 'circle-blur': 0.9 },
    },
    {
      id: ids.point,
      type: 'circle',
      source: ids.source,
      filter: notCluster,
      metadata: hit({ role: 'point', owner: 'imported', layer: layer.id, color }),
      paint: importedPointPaint(s, color),
    },
    {
      id: ids.cluster,
      type: 'circle',
      source: ids.source,
      filter: isCluster,
      metadata: hit({ role: 'cluster', owner: 'imported', layer: layer.id, color }),
      paint: {
        'circle-radius': expr(['min', 30 * s.point, ['max', 14 * s.point, ['*', 2.6 * s.point, ['sqrt', ['get', 'sum']]]]]),
        'circle-color': color,
        'circle-opacity': 0.85,
        'circle-stroke-color': '#111111',
        'circle-stroke-width': 2 * s.point,
      },
    },
    {
      id: ids.clusterLabel,
      type: 'symbol',
      source: ids.source,
      filter: isCluster,
      // The count below the bubble, in the layer's colour; it gives way to the plan's cluster labels.
      layout: {
        'text-field': expr(['concat', ['to-string', ['get', 'point_count']], ' 点']),
        'text-font': TEXT_FONT,
        'text-size': s.clusterCount,
        'text-anchor': 'top',
        'text-offset': [0, 1.4],
        'text-allow-overlap': false,
      },
      paint: { 'text-color': color, 'text-halo-color': '#ffffff', 'text-halo-width': s.halo },
    },
  ];
}
