/**
 * The imported layers on the map: one GeoJSON source holding the points of
 * every visible imported layer (not clustered with the plan's points, and
 * never part of the choropleth), drawn in each layer's colour with a dark ring
 * that sets them apart from the plan's points, and the same precision
 * language: solid = site/village, ring with a light fill = township, faint
 * disc with a halo = county only.
 */
import type { CircleLayerSpecification, ExpressionSpecification, GeoJSONSourceSpecification } from 'maplibre-gl';
import { POINT_RADIUS } from '../theme/palette.ts';

export const IMPORTED_SOURCE = 'imported';
export const IMPORTED_LAYER = { halo: 'imported-halo', point: 'imported-point' } as const;
/** Layers a user can hover and click. */
export const IMPORTED_HIT_LAYERS = [IMPORTED_LAYER.point];

const expr = (e: unknown) => e as ExpressionSpecification;

export const importedSource: GeoJSONSourceSpecification = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };

export const importedLayers: CircleLayerSpecification[] = [
  {
    id: IMPORTED_LAYER.halo,
    type: 'circle',
    source: IMPORTED_SOURCE,
    filter: ['==', ['get', 'precision'], 'county'],
    paint: { 'circle-radius': 18, 'circle-color': expr(['get', 'color']), 'circle-opacity': 0.2, 'circle-blur': 0.9 },
  },
  {
    id: IMPORTED_LAYER.point,
    type: 'circle',
    source: IMPORTED_SOURCE,
    layout: { 'circle-sort-key': expr(['-', 0, ['get', 'amount']]) },
    paint: {
      'circle-radius': expr([
        'case',
        ['==', ['get', 'known'], 0],
        POINT_RADIUS.unknown,
        ['max', POINT_RADIUS.min, ['*', POINT_RADIUS.perSqrtYi, ['sqrt', ['get', 'amount']]]],
      ]),
      'circle-color': expr(['get', 'color']),
      'circle-opacity': expr([
        'case',
        ['==', ['get', 'known'], 0],
        0.15,
        ['match', ['get', 'precision'], ['site', 'village'], 0.9, 'township', 0.4, 0.15],
      ]),
      'circle-stroke-color': expr(['match', ['get', 'precision'], ['site', 'village'], '#111111', ['get', 'color']]),
      'circle-stroke-width': expr(['match', ['get', 'precision'], ['site', 'village'], 1.5, 'township', 2.5, 1.5]),
      'circle-stroke-opacity': 0.95,
    },
  },
];
