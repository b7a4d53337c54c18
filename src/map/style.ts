import type { DataDrivenPropertyValueSpecification, ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import { CATEGORIES } from '../data/project.ts';
import type { GeoBundle, LonLat } from '../geo/types.ts';
import {
  BASEMAP,
  CATEGORY_COLORS,
  NO_DATA_COLOR,
  POINT_RADIUS,
  ZONE_COLORS,
  ZONE_FALLBACK_COLOR,
  choroplethColors,
} from '../theme/palette.ts';

/** Font names for text-font; with no `glyphs` URL MapLibre draws them locally from CSS fonts. */
export const TEXT_FONT = ['Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'sans-serif'];

/** Points cluster up to this zoom; beyond it every point is drawn. */
export const CLUSTER_MAX_ZOOM = 9;

/**
 * The fixed geography sits in three sources, each holding its areas and their
 * label points (and the context source the city outline too): every camera
 * move re-tiles every source on MapLibre's one worker, so fewer sources is a
 * shorter wait before the frame (about 40 ms a source on SwiftShader, 2 cores).
 */
export const SOURCE = {
  context: 'context',
  counties: 'counties',
  zones: 'zones',
  points: 'points',
  places: 'places',
  spider: 'spider',
  annotations: 'annotations',
} as const;

export const LAYER = {
  background: 'background',
  contextFill: 'context-fill',
  contextLine: 'context-line',
  contextLabel: 'context-label',
  countyFill: 'county-fill',
  zoneHatch: 'zone-hatch',
  countyLine: 'county-line',
  countyHover: 'county-hover',
  zoneLine: 'zone-line',
  cityLine: 'city-line',
  countyLabel: 'county-label',
  zoneLabel: 'zone-label',
  placeLabel: 'place-label',
  pointHalo: 'point-halo',
  point: 'point',
  pointHighlight: 'point-highlight',
  cluster: 'cluster',
  clusterLabel: 'cluster-label',
  spiderLeg: 'spider-leg',
  spiderPoint: 'spider-point',
  spiderImported: 'spider-imported',
  spiderNote: 'spider-note',
  annotation: 'annotation',
  annotationLabel: 'annotation-label',
} as const;

/** Layers that belong to the zone overlay and are toggled together. */
export const ZONE_LAYERS = [LAYER.zoneHatch, LAYER.zoneLine, LAYER.zoneLabel];
/** Layers a user can click to open a project. */
export const POINT_LAYERS = [LAYER.point, LAYER.spiderPoint];

export function hatchImageId(zone: string): string {
  return `hatch-${zone}`;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** What a feature of a shared source is: an area, its label point, or the city outline. */
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

const expr = (e: unknown) => e as ExpressionSpecification;
const isRole = (role: Role) => expr(['==', ['get', 'role'], role]);

const zoneColorExpression = expr(['match', ['get', 'name'], ...Object.entries(ZONE_COLORS).flat(), ZONE_FALLBACK_COLOR]);
const categoryColor = expr(['match', ['get', 'category'], ...CATEGORIES.flatMap((c) => [c, CATEGORY_COLORS[c]]), '#777777']);

/**
 * Fill colour of a county: its class (feature-state `cls`, -1 or absent when
 * the county has nothing to show) on a ramp of `classes` colours.
 */
export function choroplethFill(classes: number): DataDrivenPropertyValueSpecification<string> {
  const colors = choroplethColors(Math.max(1, classes));
  return expr([
    'match',
    ['coalesce', ['feature-state', 'cls'], -1],
    ...colors.flatMap((c, i) => [i, c]),
    NO_DATA_COLOR,
  ]);
}

const isSolid = expr(['all', ['==', ['get', 'known'], 1], ['in', ['get', 'precision'], ['literal', ['site', 'village']]]]);

/** Circle paint shared by points and spiderfied points: size by investment, fill by precision. */
const pointPaint = {
  'circle-radius': expr([
    'case',
    ['==', ['get', 'known'], 0],
    POINT_RADIUS.unknown,
    ['max', POINT_RADIUS.min, ['*', POINT_RADIUS.perSqrtYi, ['sqrt', ['get', 'amount']]]],
  ]),
  'circle-color': categoryColor,
  // site/village solid; township a ring with a light fill; county only a faint disc (and a halo below)
  'circle-opacity': expr([
    'case',
    ['==', ['get', 'known'], 0],
    0,
    ['match', ['get', 'precision'], ['site', 'village'], 0.9, 'township', 0.35, 0.12],
  ]),
  'circle-stroke-color': expr(['case', isSolid, '#ffffff', categoryColor]),
  'circle-stroke-width': expr(['case', isSolid, 1.2, ['==', ['get', 'precision'], 'county'], 1.2, 2]),
  'circle-stroke-opacity': 0.95,
};

/**
 * Circle paint of an imported row's point (its layer's colour, given as an
 * expression): area-proportional like the plan's points so sizes compare, but
 * never under 5 px; a dark rim sets it apart from the plan's points; the same
 * precision language (solid = site/village, light = township, faint = county);
 * white inside when the amount is unknown.
 */
export function importedPointPaint(color: unknown, maxRadius = Infinity) {
  const radius = ['case', ['==', ['get', 'known'], 0], POINT_RADIUS.unknown + 1, ['max', 5, ['*', POINT_RADIUS.perSqrtYi, ['sqrt', ['get', 'amount']]]]];
  return {
    'circle-radius': expr(Number.isFinite(maxRadius) ? ['min', maxRadius, radius] : radius),
    'circle-color': expr(['case', ['==', ['get', 'known'], 0], '#ffffff', color]),
    'circle-opacity': expr(['match', ['get', 'precision'], ['site', 'village'], 0.95, 'township', 0.45, 0.2]),
    'circle-stroke-color': '#111111',
    'circle-stroke-width': expr(['match', ['get', 'precision'], 'township', 2.5, 1.5]),
    'circle-stroke-opacity': expr(['match', ['get', 'precision'], 'county', 0.45, 0.9]),
  };
}

/** Screen distance between neighbours in a spread-out stack (src/map/spiderfy.ts). */
export const SPIDER_SPACING = 26;

/** What a feature of the spider source is: a leg, a plan point, an imported row's point, or the note on a cut stack. */
export type SpiderKind = 'leg' | 'plan' | 'imported' | 'note';
const isSpider = (kind: SpiderKind) => expr(['==', ['get', 'kind'], kind]);

/**
 * The whole style, self-contained: every source is inline GeoJSON and there is
 * no `glyphs` or `sprite` URL, so the map makes no request at all.
 */
export function buildStyle(geo: GeoBundle): StyleSpecification {
  const notCluster = expr(['!', ['has', 'point_count']]);
  return {
    version: 8,
    name: '长治市十四五高品质生活项目',
    sources: {
      [SOURCE.context]: {
        type: 'geojson',
        data: collection([...areasWithLabels(geo.context), ...geo.city.features.map((f) => withRole(f, 'city'))]),
      },
      [SOURCE.counties]: { type: 'geojson', data: collection(areasWithLabels(geo.counties, (p) => ({ adcode: p.adcode }))), promoteId: 'adcode' },
      [SOURCE.zones]: { type: 'geojson', data: collection(areasWithLabels(geo.zones)), promoteId: 'name' },
      [SOURCE.points]: {
        type: 'geojson',
        data: EMPTY,
        cluster: true,
        clusterMaxZoom: CLUSTER_MAX_ZOOM,
        clusterRadius: 42,
        clusterProperties: {
          sum: ['+', ['get', 'amount']],
          unknown: ['+', ['-', 1, ['get', 'known']]],
        },
      },
      [SOURCE.places]: { type: 'geojson', data: EMPTY },
      [SOURCE.spider]: { type: 'geojson', data: EMPTY },
      [SOURCE.annotations]: { type: 'geojson', data: EMPTY },
    },
    layers: [
      { id: LAYER.background, type: 'background', paint: { 'background-color': BASEMAP.background } },
      // No fill-antialias on fills whose edges a line layer draws over anyway: the
      // antialiased outline is a second pass over every edge, each frame (costly without a GPU).
      { id: LAYER.contextFill, type: 'fill', source: SOURCE.context, filter: isRole('area'), paint: { 'fill-color': BASEMAP.contextFill, 'fill-antialias': false } },
      {
        id: LAYER.contextLine,
        type: 'line',
        source: SOURCE.context,
        filter: isRole('area'),
        paint: { 'line-color': BASEMAP.contextLine, 'line-width': 0.8 },
      },
      {
        id: LAYER.countyFill,
        type: 'fill',
        source: SOURCE.counties,
        filter: isRole('area'),
        paint: {
          'fill-color': choroplethFill(5),
          'fill-opacity': expr(['case', ['boolean', ['feature-state', 'dim'], false], 0.35, 0.92]),
          'fill-antialias': false,
        },
      },
      {
        id: LAYER.zoneHatch,
        type: 'fill',
        source: SOURCE.zones,
        filter: isRole('area'),
        paint: { 'fill-pattern': expr(['concat', 'hatch-', ['get', 'name']]), 'fill-opacity': 0.5, 'fill-antialias': false },
      },
      {
        id: LAYER.countyLine,
        type: 'line',
        source: SOURCE.counties,
        filter: isRole('area'),
        paint: { 'line-color': BASEMAP.countyLine, 'line-width': 0.9 },
      },
      {
        id: LAYER.countyHover,
        type: 'line',
        source: SOURCE.counties,
        filter: isRole('area'),
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': BASEMAP.cityLine,
          'line-width': expr([
            'case',
            ['boolean', ['feature-state', 'selected'], false],
            3.5,
            ['boolean', ['feature-state', 'hover'], false],
            2.5,
            0,
          ]),
        },
      },
      {
        id: LAYER.zoneLine,
        type: 'line',
        source: SOURCE.zones,
        filter: isRole('area'),
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': zoneColorExpression,
          'line-width': expr(['case', ['boolean', ['feature-state', 'hover'], false], 4.5, 2.5]),
          'line-dasharray': [3, 2],
        },
      },
      {
        id: LAYER.cityLine,
        type: 'line',
        source: SOURCE.context,
        filter: isRole('city'),
        layout: { 'line-join': 'round' },
        paint: { 'line-color': BASEMAP.cityLine, 'line-width': 2 },
      },
      {
        id: LAYER.contextLabel,
        type: 'symbol',
        source: SOURCE.context,
        filter: isRole('label'),
        layout: { 'text-field': ['get', 'name'], 'text-font': TEXT_FONT, 'text-size': 12 },
        paint: { 'text-color': BASEMAP.contextLabel, 'text-halo-color': BASEMAP.labelHalo, 'text-halo-width': 1 },
      },
      {
        id: LAYER.pointHalo,
        type: 'circle',
        source: SOURCE.points,
        filter: expr(['all', notCluster, ['==', ['get', 'precision'], 'county']]),
        paint: { 'circle-radius': 18, 'circle-color': categoryColor, 'circle-opacity': 0.22, 'circle-blur': 0.9 },
      },
      {
        id: LAYER.point,
        type: 'circle',
        source: SOURCE.points,
        filter: notCluster,
        layout: { 'circle-sort-key': expr(['-', 0, ['get', 'amount']]) },
        paint: pointPaint,
      },
      {
        id: LAYER.cluster,
        type: 'circle',
        source: SOURCE.points,
        filter: ['has', 'point_count'],
        paint: {
          'circle-radius': expr(['min', 34, ['max', 17, ['*', 2.6, ['sqrt', ['get', 'sum']]]]]),
          'circle-color': BASEMAP.cluster,
          'circle-opacity': 0.78,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      },
      {
        id: LAYER.pointHighlight,
        type: 'circle',
        source: SOURCE.points,
        filter: ['==', ['get', 'pid'], ''],
        paint: {
          'circle-radius': expr(['+', 4, ['max', POINT_RADIUS.unknown, ['*', POINT_RADIUS.perSqrtYi, ['sqrt', ['get', 'amount']]]]]),
          'circle-color': 'rgba(0,0,0,0)',
          'circle-stroke-color': '#000000',
          'circle-stroke-width': 2.5,
        },
      },
      {
        id: LAYER.spiderLeg,
        type: 'line',
        source: SOURCE.spider,
        filter: isSpider('leg'),
        paint: { 'line-color': '#333333', 'line-width': 1 },
      },
      {
        id: LAYER.spiderPoint,
        type: 'circle',
        source: SOURCE.spider,
        filter: isSpider('plan'),
        paint: pointPaint,
      },
      {
        id: LAYER.spiderImported,
        type: 'circle',
        source: SOURCE.spider,
        filter: isSpider('imported'),
        // Spread rows stay apart: a circle no wider than the spiral's spacing.
        paint: importedPointPaint(['get', 'color'], SPIDER_SPACING / 2 - 2),
      },
      {
        id: LAYER.spiderNote,
        type: 'symbol',
        source: SOURCE.spider,
        filter: isSpider('note'),
        layout: { 'text-field': ['get', 'text'], 'text-font': TEXT_FONT, 'text-size': 12, 'text-allow-overlap': true, 'text-ignore-placement': true },
        paint: { 'text-color': '#111111', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
      },
      {
        id: LAYER.placeLabel,
        type: 'symbol',
        source: SOURCE.places,
        minzoom: 9.5,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': TEXT_FONT,
          'text-size': 11,
          'text-offset': [0, 1.2],
          'text-anchor': 'top',
        },
        paint: { 'text-color': '#39414b', 'text-halo-color': BASEMAP.labelHalo, 'text-halo-width': 1.2 },
      },
      {
        id: LAYER.zoneLabel,
        type: 'symbol',
        source: SOURCE.zones,
        filter: isRole('label'),
        minzoom: 6,
        maxzoom: 9.5,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': TEXT_FONT,
          'text-size': 13,
          'text-variable-anchor': ['bottom', 'top', 'left', 'right'],
          'text-radial-offset': 2.2,
        },
        paint: { 'text-color': zoneColorExpression, 'text-halo-color': BASEMAP.labelHalo, 'text-halo-width': 1.8 },
      },
      {
        id: LAYER.countyLabel,
        type: 'symbol',
        source: SOURCE.counties,
        filter: isRole('label'),
        layout: {
          'text-field': ['get', 'name'],
          'text-font': TEXT_FONT,
          'text-size': ['interpolate', ['linear'], ['zoom'], 7, 12, 10, 17],
          // Placed after the cluster labels: a county name moves aside rather than sit on a cluster.
          'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
          'text-radial-offset': 1.4,
          'text-allow-overlap': false,
          'text-padding': 1,
        },
        paint: { 'text-color': BASEMAP.label, 'text-halo-color': BASEMAP.labelHalo, 'text-halo-width': 1.8 },
      },
      {
        id: LAYER.clusterLabel,
        type: 'symbol',
        source: SOURCE.points,
        filter: ['has', 'point_count'],
        layout: {
          'text-field': expr([
            'format',
            ['number-format', ['get', 'sum'], { 'max-fraction-digits': 1 }],
            { 'font-scale': 1 },
            ' 亿\n',
            {},
            ['to-string', ['get', 'point_count']],
            { 'font-scale': 0.8 },
            ' 点',
            { 'font-scale': 0.8 },
          ]),
          'text-font': TEXT_FONT,
          'text-size': 11,
          'text-line-height': 1.1,
          'text-allow-overlap': true,
          'text-padding': 4,
        },
        paint: { 'text-color': '#ffffff' },
      },
      // Numbered badges (the presenter's ranks), beside their spot rather than on it.
      {
        id: LAYER.annotation,
        type: 'circle',
        source: SOURCE.annotations,
        // A disc behind single numbers; merged badges (“1·4”) are text with a halo.
        filter: expr(['!', ['in', '·', ['get', 'label']]]),
        paint: {
          'circle-radius': 12,
          'circle-color': '#ffffff',
          'circle-stroke-color': '#111418',
          'circle-stroke-width': 2,
          'circle-translate': ANNOTATION_OFFSET,
        },
      },
      {
        id: LAYER.annotationLabel,
        type: 'symbol',
        source: SOURCE.annotations,
        layout: {
          'text-field': ['get', 'label'],
          'text-font': TEXT_FONT,
          'text-size': 15,
          // Offset in ems (not translated) so the collision box sits on the disc: the badge always
          // shows, and a zone, county or cluster label it would cover gives way instead.
          'text-offset': ANNOTATION_OFFSET_EMS,
          'text-padding': 5,
          'text-allow-overlap': true,
          'text-ignore-placement': false,
        },
        paint: { 'text-color': '#111418', 'text-halo-color': '#ffffff', 'text-halo-width': 2.5 },
      },
    ],
  };
}

/** Where a badge sits relative to its spot, px (up and to the right). */
export const ANNOTATION_OFFSET: [number, number] = [16, -16];
/** The same for its number, in ems of its 15 px text (presenter mode scales text and disc alike). */
const ANNOTATION_OFFSET_EMS: [number, number] = [16 / 15, -16 / 15];
