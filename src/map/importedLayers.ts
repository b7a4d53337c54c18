/**
 * The imported layers on the map. Each layer is a GeoJSON source of its own,
 * clustered like the plan's points up to CLUSTER_MAX_ZOOM (100,000 circles
 * would be unreadable at city scale and slow where the browser has no GPU),
 * drawn in the layer's colour with a dark rim that sets it apart from the
 * plan's points, with the same precision language: solid = site/village,
 * light fill = township, faint disc with a halo = county only. Never part of
 * the choropleth.
 */
import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  GeoJSONSource,
  LayerSpecification,
  Map as MapLibreMap,
  MapGeoJSONFeature,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { ImportedPointProperties } from '../import/points.ts';
import { CLUSTER_MAX_ZOOM, TEXT_FONT, importedPointPaint } from './style.ts';

export interface ImportedMapLayer {
  id: string;
  name: string;
  color: string;
  points: FeatureCollection<Point, ImportedPointProperties>;
}

const expr = (e: unknown) => e as ExpressionSpecification;

export function importedIds(id: string) {
  const base = `imported-${id}`;
  return { source: base, halo: `${base}-halo`, point: `${base}-point`, cluster: `${base}-cluster`, clusterLabel: `${base}-cluster-label` };
}

const notCluster = expr(['!', ['has', 'point_count']]);

function layersFor(id: string, color: string): LayerSpecification[] {
  const ids = importedIds(id);
  const halo: CircleLayerSpecification = {
    id: ids.halo,
    type: 'circle',
    source: ids.source,
    filter: expr(['all', notCluster, ['==', ['get', 'precision'], 'county']]),
    paint: { 'circle-radius': 18, 'circle-color': color, 'circle-opacity': 0.2, 'circle-blur': 0.9 },
  };
  const point: CircleLayerSpecification = {
    id: ids.point,
    type: 'circle',
    source: ids.source,
    filter: notCluster,
    paint: importedPointPaint(color),
  };
  const cluster: CircleLayerSpecification = {
    id: ids.cluster,
    type: 'circle',
    source: ids.source,
    filter: ['has', 'point_count'],
    paint: {
      'circle-radius': expr(['min', 30, ['max', 14, ['*', 2.6, ['sqrt', ['get', 'sum']]]]]),
      'circle-color': color,
      'circle-opacity': 0.85,
      'circle-stroke-color': '#111111',
      'circle-stroke-width': 2,
    },
  };
  const label: SymbolLayerSpecification = {
    id: ids.clusterLabel,
    type: 'symbol',
    source: ids.source,
    filter: ['has', 'point_count'],
    // The count below the bubble, in the layer's colour; it gives way to the plan's cluster labels.
    layout: {
      'text-field': expr(['concat', ['to-string', ['get', 'point_count']], ' 点']),
      'text-font': TEXT_FONT,
      'text-size': 11,
      'text-anchor': 'top',
      'text-offset': [0, 1.4],
      'text-allow-overlap': false,
    },
    paint: { 'text-color': color, 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
  };
  return [halo, point, cluster, label];
}

/** Keeps the map's imported sources and layers in step with the visible imported layers. */
export class ImportedOnMap {
  private current = new Map<string, ImportedMapLayer>();

  constructor(
    private readonly map: MapLibreMap,
    /** Imported layers are inserted below this layer. */
    private readonly before: string,
  ) {}

  /** Returns the sources sent new data, each with the promise of the worker's answer. */
  sync(layers: readonly ImportedMapLayer[]): [string, Promise<void>][] {
    const sent: [string, Promise<void>][] = [];
    const wanted = new Map(layers.map((l) => [l.id, l]));
    for (const id of [...this.current.keys()]) {
      const next = wanted.get(id);
      if (!next || next.color !== this.current.get(id)!.color) this.remove(id);
    }
    for (const layer of layers) {
      const had = this.current.get(layer.id);
      const ids = importedIds(layer.id);
      if (!had) {
        this.map.addSource(ids.source, {
          type: 'geojson',
          data: layer.points,
          cluster: true,
          clusterMaxZoom: CLUSTER_MAX_ZOOM,
          clusterRadius: 36,
          clusterProperties: { sum: ['+', ['get', 'amount']], unknown: ['+', ['-', 1, ['get', 'known']]] },
        });
        for (const spec of layersFor(layer.id, layer.color)) this.map.addLayer(spec, this.before);
      } else if (had.points !== layer.points) {
        const source = this.map.getSource<GeoJSONSource>(ids.source);
        if (source) sent.push([ids.source, source.setData(layer.points)]);
      }
      this.current.set(layer.id, layer);
    }
    return sent;
  }

  private remove(id: string): void {
    const ids = importedIds(id);
    for (const l of [ids.clusterLabel, ids.cluster, ids.point, ids.halo]) if (this.map.getLayer(l)) this.map.removeLayer(l);
    if (this.map.getSource(ids.source)) this.map.removeSource(ids.source);
    this.current.delete(id);
  }

  pointLayers(): string[] {
    return [...this.current.keys()].map((id) => importedIds(id).point);
  }

  clusterLayers(): string[] {
    return [...this.current.keys()].map((id) => importedIds(id).cluster);
  }

  /** The imported layer a rendered feature belongs to. */
  layerOf(f: MapGeoJSONFeature): ImportedMapLayer | undefined {
    return [...this.current.values()].find((l) => f.source === importedIds(l.id).source);
  }

  /** Zooms to where a cluster falls apart; a cluster that never does (one spot) is framed closer. */
  async openCluster(f: MapGeoJSONFeature, duration: number): Promise<void> {
    const source = this.map.getSource<GeoJSONSource>(f.source);
    if (!source) return;
    const zoom = await source.getClusterExpansionZoom(f.properties.cluster_id as number);
    const centre = (f.geometry as Point).coordinates as [number, number];
    this.map.easeTo({ center: centre, zoom: Math.min(zoom, CLUSTER_MAX_ZOOM + 1), duration });
  }
}
