import type { GeoJSONSource, Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl';
import type { Feature, Point } from 'geojson';
import { sameSpot } from './hitTest.ts';
import { SOURCE } from './ids.ts';
import type { HitMeta } from './layers.ts';
import { CLUSTER_MAX_ZOOM } from './sources.ts';
import { spiderOffsets } from './spiderfy.ts';

/** The most points spread out around one spot; a spiral of 200 is already some 350 px across. */
export const SPREAD_MAX = 200;

type PointFeature = Feature<Point, Record<string, unknown>>;

/** A plain copy: rendered features' properties have no prototype, which the worker cannot take back. */
function plain(f: MapGeoJSONFeature | PointFeature): PointFeature {
  const [lon, lat] = (f.geometry as Point).coordinates;
  return { type: 'Feature', properties: { ...f.properties }, geometry: { type: 'Point', coordinates: [lon!, lat!] } };
}

/**
 * Points that share a spot, or a cluster that never falls apart, spread out
 * around it with legs back to it, so each can be hovered and clicked: the
 * plan's points and every imported layer's alike (an imported row keeps its
 * layer's colour). The spread is drawn in the `spider` source, filled here;
 * it closes when the camera zooms or the points it came from change.
 */
export class StackedPoints {
  /** The source whose points are spread out now, if any. */
  private from: string | null = null;

  constructor(
    private readonly map: MapLibreMap,
    private readonly duration: () => number,
  ) {}

  /** Spreads these points (the ones on one spot of `source`) around `centre`; more than SPREAD_MAX are cut, with a note. */
  spread(source: string, meta: HitMeta, centre: [number, number], all: readonly (MapGeoJSONFeature | PointFeature)[], total = all.length): void {
    const leaves = all.slice(0, SPREAD_MAX);
    const origin = this.map.project(centre);
    const offsets = spiderOffsets(leaves.length);
    const extra = meta.owner === 'imported' ? { kind: 'imported', color: meta.color ?? '#555555' } : { kind: 'plan' };
    const features: Feature[] = [];
    leaves.forEach((leaf, i) => {
      const [dx, dy] = offsets[i]!;
      const at = this.map.unproject([origin.x + dx, origin.y + dy]);
      features.push({ type: 'Feature', properties: { kind: 'leg' }, geometry: { type: 'LineString', coordinates: [centre, [at.lng, at.lat]] } });
      features.push({ type: 'Feature', properties: { ...plain(leaf).properties, ...extra }, geometry: { type: 'Point', coordinates: [at.lng, at.lat] } });
    });
    if (total > leaves.length) {
      features.push({
        type: 'Feature',
        properties: { kind: 'note', text: `此处 ${total} 个点，展开前 ${leaves.length} 个` },
        geometry: { type: 'Point', coordinates: centre },
      });
    }
    this.from = source;
    void this.map.getSource<GeoJSONSource>(SOURCE.spider)?.setData({ type: 'FeatureCollection', features });
  }

  /**
   * A click on a cluster: zoom to where it falls apart, or spread its points
   * out when they sit on one spot or only fall apart beyond the clustering zooms.
   */
  async openCluster(cluster: MapGeoJSONFeature, meta: HitMeta): Promise<void> {
    const source = this.map.getSource<GeoJSONSource>(cluster.source);
    if (!source) return;
    const id = cluster.properties.cluster_id as number;
    const centre = (cluster.geometry as Point).coordinates as [number, number];
    const [leaves, zoom] = await Promise.all([source.getClusterLeaves(id, SPREAD_MAX, 0), source.getClusterExpansionZoom(id)]);
    const points = leaves as PointFeature[];
    const oneSpot = points.every((l) => sameSpot(l, points[0]!));
    if (oneSpot || zoom > CLUSTER_MAX_ZOOM + 1) {
      const at = oneSpot ? (points[0]!.geometry.coordinates as [number, number]) : centre;
      if (oneSpot) this.map.jumpTo({ center: at });
      this.spread(cluster.source, meta, at, points, cluster.properties.point_count as number);
    } else {
      this.map.easeTo({ center: centre, zoom, duration: this.duration() });
    }
  }

  /** Closes the spread; only the spread of these sources' points, when given. */
  clear(changed?: ReadonlySet<string>): void {
    if (this.from === null || (changed && !changed.has(this.from))) return;
    this.from = null;
    void this.map.getSource<GeoJSONSource>(SOURCE.spider)?.setData({ type: 'FeatureCollection', features: [] });
  }
}
