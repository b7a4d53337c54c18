import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { GeoBundle, LonLat } from '../geo/types.ts';
import { BASEMAP, ZONE_COLORS, ZONE_FALLBACK_COLOR } from '../theme/palette.ts';

/** Font names for text-font; with no `glyphs` URL MapLibre draws them locally from CSS fonts. */
export const TEXT_FONT = ['Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'sans-serif'];

export const SOURCE = {
  context: 'context',
  contextLabels: 'context-labels',
  counties: 'counties',
  countyLabels: 'county-labels',
  zones: 'zones',
  zoneLabels: 'zone-labels',
  city: 'city',
} as const;

export const LAYER = {
  background: 'background',
  contextFill: 'context-fill',
  contextLine: 'context-line',
  contextLabel: 'context-label',
  countyFill: 'county-fill',
  zoneFill: 'zone-fill',
  countyLine: 'county-line',
  countyHover: 'county-hover',
  zoneLine: 'zone-line',
  cityLine: 'city-line',
  countyLabel: 'county-label',
  zoneLabel: 'zone-label',
} as const;

/** Layers that belong to the zone overlay and are toggled together. */
export const ZONE_LAYERS = [LAYER.zoneFill, LAYER.zoneLine, LAYER.zoneLabel];

function labelPoints<P extends { labelPoint: LonLat; name: string }>(
  fc: FeatureCollection<GeoJSON.Geometry, P>,
  extra: (p: P) => Record<string, unknown> = () => ({}),
): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({
      type: 'Feature',
      properties: { name: f.properties.name, ...extra(f.properties) },
      geometry: { type: 'Point', coordinates: f.properties.labelPoint },
    })),
  };
}

const zoneColorExpression: ExpressionSpecification = [
  'match',
  ['get', 'name'],
  ...Object.entries(ZONE_COLORS).flat(),
  ZONE_FALLBACK_COLOR,
] as unknown as ExpressionSpecification;

/**
 * The whole style, self-contained: every source is inline GeoJSON and there is
 * no `glyphs` or `sprite` URL, so the map makes no request at all.
 */
export function buildStyle(geo: GeoBundle): StyleSpecification {
  return {
    version: 8,
    name: '长治市十四五高品质生活项目',
    sources: {
      [SOURCE.context]: { type: 'geojson', data: geo.context },
      [SOURCE.contextLabels]: { type: 'geojson', data: labelPoints(geo.context) },
      [SOURCE.counties]: { type: 'geojson', data: geo.counties, promoteId: 'adcode' },
      [SOURCE.countyLabels]: { type: 'geojson', data: labelPoints(geo.counties, (p) => ({ adcode: p.adcode })) },
      [SOURCE.zones]: { type: 'geojson', data: geo.zones },
      [SOURCE.zoneLabels]: { type: 'geojson', data: labelPoints(geo.zones) },
      [SOURCE.city]: { type: 'geojson', data: geo.city },
    },
    layers: [
      { id: LAYER.background, type: 'background', paint: { 'background-color': BASEMAP.background } },
      {
        id: LAYER.contextFill,
        type: 'fill',
        source: SOURCE.context,
        paint: { 'fill-color': BASEMAP.contextFill },
      },
      {
        id: LAYER.contextLine,
        type: 'line',
        source: SOURCE.context,
        paint: { 'line-color': BASEMAP.contextLine, 'line-width': 0.8 },
      },
      {
        id: LAYER.countyFill,
        type: 'fill',
        source: SOURCE.counties,
        paint: { 'fill-color': BASEMAP.countyFill },
      },
      {
        id: LAYER.zoneFill,
        type: 'fill',
        source: SOURCE.zones,
        paint: { 'fill-color': zoneColorExpression, 'fill-opacity': 0.16 },
      },
      {
        id: LAYER.countyLine,
        type: 'line',
        source: SOURCE.counties,
        paint: { 'line-color': BASEMAP.countyLine, 'line-width': 1 },
      },
      {
        id: LAYER.countyHover,
        type: 'line',
        source: SOURCE.counties,
        paint: {
          'line-color': BASEMAP.cityLine,
          'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 3, 0],
        },
      },
      {
        id: LAYER.zoneLine,
        type: 'line',
        source: SOURCE.zones,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': zoneColorExpression, 'line-width': 2.5, 'line-dasharray': [3, 2] },
      },
      {
        id: LAYER.cityLine,
        type: 'line',
        source: SOURCE.city,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': BASEMAP.cityLine, 'line-width': 2 },
      },
      {
        id: LAYER.contextLabel,
        type: 'symbol',
        source: SOURCE.contextLabels,
        layout: { 'text-field': ['get', 'name'], 'text-font': TEXT_FONT, 'text-size': 12 },
        paint: { 'text-color': BASEMAP.contextLabel, 'text-halo-color': BASEMAP.labelHalo, 'text-halo-width': 1 },
      },
      {
        id: LAYER.zoneLabel,
        type: 'symbol',
        source: SOURCE.zoneLabels,
        minzoom: 6,
        maxzoom: 9.5,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': TEXT_FONT,
          'text-size': 13,
          'text-offset': [0, 1.6],
          'text-allow-overlap': false,
        },
        paint: { 'text-color': zoneColorExpression, 'text-halo-color': BASEMAP.labelHalo, 'text-halo-width': 1.5 },
      },
      {
        id: LAYER.countyLabel,
        type: 'symbol',
        source: SOURCE.countyLabels,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': TEXT_FONT,
          'text-size': ['interpolate', ['linear'], ['zoom'], 7, 12, 10, 17],
          'text-allow-overlap': true,
          // County names never hide, and never push the zone names off the map.
          'text-ignore-placement': true,
        },
        paint: { 'text-color': BASEMAP.label, 'text-halo-color': BASEMAP.labelHalo, 'text-halo-width': 1.6 },
      },
    ],
  };
}
