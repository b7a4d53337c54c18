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

/** A layer's points with, for each feature, the index of its row in `layer.rows`. */
export interface IndexedPoints {
  all: FeatureCollection<Point, ImportedPointProperties>;
  /** rowIndex[i]: the row of feature i (feature ids are 0 .. n-1 in this order). */
  rowIndex: Uint32Array;
}

/**
 * One point per accepted row of a layer; the largest amounts come first, so
 * they are drawn underneath the small ones (cheaper than a circle-sort-key on
 * 100,000 points).
 */
export function indexedPoints(layer: Pick<ImportedLayer, 'id' | 'rows'>): IndexedPoints {
  const order = layer.rows.map((_, i) => i);
  const amountOf = (i: number) => {
    const r = layer.rows[i]!;
    return r.total ?? r.plan ?? 0;
  };
  order.sort((a, b) => amountOf(b) - amountOf(a));
  const features = order.map((ri, i): Feature<Point, ImportedPointProperties> => {
    const r = layer.rows[ri]!;
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
  return { all: { type: 'FeatureCollection', features }, rowIndex: Uint32Array.from(order) };
}

export function importedPoints(layer: Pick<ImportedLayer, 'id' | 'rows'>): FeatureCollection<Point, ImportedPointProperties> {
  return indexedPoints(layer).all;
}

/** The points of the rows whose mask byte is 1 (the same features, in the same order). */
export function maskedPoints(points: IndexedPoints, mask: Uint8Array): FeatureCollection<Point, ImportedPointProperties> {
  const { all, rowIndex } = points;
  const features: Feature<Point, ImportedPointProperties>[] = [];
  for (let i = 0; i < rowIndex.length; i++) if (mask[rowIndex[i]!] === 1) features.push(all.features[i]!);
  return features.length === all.features.length ? all : { type: 'FeatureCollection', features };
}
