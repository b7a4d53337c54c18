import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Precision } from '../data/project.ts';
import type { ImportedLayer } from './types.ts';

/**
 * Properties of an imported point on the map (kept apart from the plan's
 * points): only what the style needs and the keys to find the row, since
 * every property is copied to MapLibre's worker (100,000 points).
 */
export interface ImportedPointProperties {
  layer: string;
  row: number;
  name: string;
  precision: Precision;
  /** 亿元: the total, else the 十四五 figure; 0 when unknown. */
  amount: number;
  known: 0 | 1;
}

/**
 * One point per accepted row of a layer; the largest amounts come first, so
 * they are drawn underneath the small ones (cheaper than a circle-sort-key on
 * 100,000 points).
 */
export function importedPoints(layer: ImportedLayer): FeatureCollection<Point, ImportedPointProperties> {
  const rows = [...layer.rows].sort((a, b) => (b.total ?? b.plan ?? 0) - (a.total ?? a.plan ?? 0));
  const features = rows.map((r, i): Feature<Point, ImportedPointProperties> => {
    const amount = r.total ?? r.plan;
    return {
      type: 'Feature',
      id: i,
      geometry: { type: 'Point', coordinates: [r.location.lon, r.location.lat] },
      properties: {
        layer: layer.id,
        row: r.row,
        name: r.name,
        precision: r.location.precision,
        amount: amount ?? 0,
        known: amount === null ? 0 : 1,
      },
    };
  });
  return { type: 'FeatureCollection', features };
}
