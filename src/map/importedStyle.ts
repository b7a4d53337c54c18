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
export const IMPORTED_LAYER = { halo: 'imported-halo', rim: 'imported-rim', point: 'imported-point' } as const;
/** Layers a user can hover and click. */
export const IMPORTED_HIT_LAYERS = [IMPORTED_LAYER.point];

const expr = (e: unknown) => e as ExpressionSpecification;

/** Area-proportional like the plan's points (so sizes compare), but never smaller than 5 px. */
const radius = expr([
  'case',
  ['==', ['get', 'known'], 0],
  POINT_RADIUS.unknown + 1,
  ['max', 5, ['*', POINT_RADIUS.perSqrtYi, ['sqrt', ['get', 'amount']]]],
]);

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
    // The dark rim every imported point has, fainter where only the county is known.
    id: IMPORTED_LAYER.rim,
    type: 'circle',
    source: IMPORTED_SOURCE,
    layout: { 'circle-sort-key': expr(['-', 0, ['get', 'amount']]) },
    paint: {
      'circle-radius': expr(['+', 2.5, radius]),
      'circle-color': '#111111',
      'circle-opacity': expr(['match', ['get', 'precision'], 'county', 0.35, 0.85]),
    },
  },
  {
    id: IMPORTED_LAYER.point,
    type: 'circle',
    source: IMPORTED_SOURCE,
    layout: { 'circle-sort-key': expr(['-', 0, ['get', 'amount']]) },
    paint: {
      'circle-radius': radius,
      // Unknown amount: white inside; else solid for site/village, light for township, faint for county.
      'circle-color': expr(['case', ['==', ['get', 'known'], 0], '#ffffff', ['get', 'color']]),
      'circle-opacity': expr(['match', ['get', 'precision'], ['site', 'village'], 0.95, 'township', 0.45, 0.25]),
      'circle-stroke-color': expr(['get', 'color']),
      'circle-stroke-width': expr(['match', ['get', 'precision'], ['site', 'village'], 0, 2.5]),
      'circle-stroke-opacity': 0.95,
    },
  },
];
