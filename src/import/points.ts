import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Precision } from '../data/project.ts';
import type { ImportedLayer } from './types.ts';

/** Properties of an imported point on the map (kept apart from the plan's points). */
export interface ImportedPointProperties {
  layer: string;
  row: number;
  name: string;
  color: string;
  precision: Precision;
  county: string;
  place: string;
  /** 亿元: the total, else the 十四五 figure; 0 when unknown. */
  amount: number;
  known: 0 | 1;
}

/** One point per accepted row of every visible layer, the newest layer on top. */
export function importedPoints(layers: readonly ImportedLayer[]): FeatureCollection<Point, ImportedPointProperties> {
  const features: Feature<Point, ImportedPointProperties>[] = [];
  for (const layer of layers) {
    if (!layer.visible) continue;
    for (const r of layer.rows) {
      const amount = r.total ?? r.plan;
      features.push({
        type: 'Feature',
        id: features.length,
        geometry: { type: 'Point', coordinates: [r.location.lon, r.location.lat] },
        properties: {
          layer: layer.id,
          row: r.row,
          name: r.name,
          color: layer.color,
          precision: r.location.precision,
          county: r.location.county,
          place: r.location.matched,
          amount: amount ?? 0,
          known: amount === null ? 0 : 1,
        },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
