import type { DataDrivenPropertyValueSpecification, ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { CATEGORIES } from '../data/project.ts';
import { BASEMAP, CATEGORY_COLORS, NO_DATA_COLOR, POINT_RADIUS, ZONE_COLORS, ZONE_FALLBACK_COLOR, choroplethColors } from '../theme/palette.ts';
import { LAYER, SOURCE } from './ids.ts';
import type { TypeScale } from './medium.ts';

/** Font names for text-font; with no `glyphs` URL MapLibre draws them locally from CSS fonts. */
export const TEXT_FONT = ['Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'sans-serif'];

/** Screen distance between neighbours in a stack of points spread out (src/map/spiderfy.ts). */
export const SPIDER_SPACING = 26;

/** The map's zoom beyond which the zone hatching is not drawn: inside a county it says nothing new, and it costs a pass. */
export const HATCH_MAX_ZOOM = 9;

/**
 * What a click or a hover on a layer's features means (MapLibre keeps a
 * layer's `metadata` as given): a county, a point, or a cluster, of the plan
 * or of an imported layer; `spread`: a point of a stack spread out.
 */
export interface HitMeta {
  role: 'county' | 'point' | 'cluster' | 'spread';
  owner: 'plan' | 'imported';
  /** The imported layer (its clusters do not carry it in their properties), and its colour. */
  layer?: string;
  color?: string;
  spread?: boolean;
}
export const hit = (meta: HitMeta) => ({ 'cz:hit': meta });
export function hitMeta(layer: { metadata?: unknown }): HitMeta | null {
  const m = layer.metadata as { 'cz:hit'?: HitMeta } | undefined;
  return m?.['cz:hit'] ?? null;
}

export const expr = (e: unknown) => e as ExpressionSpecification;
const isRole = (role: 'area' | 'label' | 'city') => expr(['==', ['get', 'role'], role]);
/** What a feature of the spider source is: a leg, a plan point, an imported row's point, or the note on a cut stack. */
export type SpiderKind = 'leg' | 'plan' | 'imported' | 'note';
const isSpider = (kind: SpiderKind) => expr(['==', ['get', 'kind'], kind]);
export const notCluster = expr(['!', ['has', 'point_count']]);
export const isCluster = expr(['has', 'point_count']);

const zoneColorExpression = expr(['match', ['get', 'name'], ...Object.entries(ZONE_COLORS).flat(), ZONE_FALLBACK_COLOR]);
const categoryColor = expr(['match', ['get', 'category'], ...CATEGORIES.flatMap((c) => [c, CATEGORY_COLORS[c]]), '#777777']);
const featureFlag = (key: string) => ['boolean', ['feature-state', key], false];

/**
 * Fill colour of a county: its class (feature-state `cls`, -1 when the county
 * has nothing to show) on a ramp of `classes` colours.
 */
export function choroplethFill(classes: number): DataDrivenPropertyValueSpecification<string> {
  const colors = choroplethColors(Math.max(1, classes));
  return expr(['match', ['coalesce', ['feature-state', 'cls'], -1], ...colors.flatMap((c, i) => [i, c]), NO_DATA_COLOR]);
}

/** A point's radius: area-proportional to its amount, never under `min`; a fixed size when the amount is unknown. */
export function pointRadius(s: TypeScale, min: number = POINT_RADIUS.min, unknown: number = POINT_RADIUS.unknown) {
  return ['case', ['==', ['get', 'known'], 0], unknown * s.point, ['max', min * s.point, ['*', POINT_RADIUS.perSqrtYi * s.point, ['sqrt', ['get', 'amount']]]]];
}

const isSolid = expr(['all', ['==', ['get', 'known'], 1], ['in', ['get', 'precision'], ['literal', ['site', 'village']]]]);

/** Circle paint of the plan's points (and spread-out ones): size by investment, colour by category, fill by precision. */
function pointPaint(s: TypeScale) {
  return {
    'circle-radius': expr(pointRadius(s)),
    'circle-color': categoryColor,
    // site/village solid; township a ring with a light fill; county only a faint disc (and a halo below)
    // The central city (中心城区) between township and county: a fainter ring and a small halo.
    'circle-opacity': expr(['case', ['==', ['get', 'known'], 0], 0, ['match', ['get', 'precision'], ['site', 'village'], 0.9, 'township', 0.35, 'urban', 0.2, 0.12]]),
    'circle-stroke-color': expr(['case', isSolid, '#ffffff', categoryColor]),
    'circle-stroke-width': expr(['case', isSolid, 1.2 * s.point, ['==', ['get', 'precision'], 'county'], 1.2 * s.point, 2 * s.point]),
    'circle-stroke-opacity': expr(['match', ['get', 'precision'], 'urban', 0.6, 0.95]),
  };
}

/**
 * Circle paint of an imported row's point (its layer's colour, an expression):
 * area-proportional like the plan's points so sizes compare, but never under
 * 5 px; a dark rim sets it apart from the plan's points; the same precision
 * language; white inside when the amount is unknown.
 */
export function importedPointPaint(s: TypeScale, color: unknown, maxRadius = Infinity) {
  const radius = pointRadius(s, 5, POINT_RADIUS.unknown + 1);
  return {
    'circle-radius': expr(Number.isFinite(maxRadius) ? ['min', maxRadius, radius] : radius),
    'circle-color': expr(['case', ['==', ['get', 'known'], 0], '#ffffff', color]),
    'circle-opacity': expr(['match', ['get', 'precision'], ['site', 'village'], 0.95, 'township', 0.45, 0.2]),
    'circle-stroke-color': '#111111',
    'circle-stroke-width': expr(['match', ['get', 'precision'], 'township', 2.5 * s.point, 1.5 * s.point]),
    'circle-stroke-opacity': expr(['match', ['get', 'precision'], 'county', 0.45, 0.9]),
  };
}

/**
 * A cluster bubble holds its amount (never narrower than about three glyphs
 * of it) and grows with the investment it sums, less where clusters are kept
 * apart, so that the distance that keeps them apart stays small.
 */
export function clusterRadius(s: TypeScale): { min: number; max: number } {
  return { min: 1.55 * s.clusterAmount, max: (s.clustersApart ? 2 : 2.6) * s.clusterAmount };
}

/**
 * How far apart (CSS px) points may be and still be drawn as one cluster:
 * kept apart, two of the largest bubbles side by side; on the explorer's
 * screen, about two of the smallest (a click opens a cluster).
 */
export function clusterDistance(s: TypeScale): number {
  const r = clusterRadius(s);
  return Math.round(s.clustersApart ? 2 * r.max + 4 : 2.2 * r.min);
}

/** A cluster's amount over its count ("54.6 亿" / "12 点"). */
export function clusterText(s: TypeScale) {
  return expr([
    'format',
    ['number-format', ['get', 'sum'], { 'max-fraction-digits': 1 }],
    {},
    ' 亿\n',
    {},
    ['to-string', ['get', 'point_count']],
    { 'font-scale': s.clusterCount / s.clusterAmount },
    ' 点',
    { 'font-scale': s.clusterCount / s.clusterAmount },
  ]);
}

/** Where a badge sits relative to its spot, in ems of its text (up and to the right). */
const BADGE_OFFSET_EMS: [number, number] = [16 / 15, -16 / 15];

export interface PlanLayerState {
  showZones: boolean;
  /** Classes of the choropleth ramp. */
  classCount: number;
  /** Projects whose points are ringed. */
  highlightedProjects: readonly string[];
  /** Ranks written before the county names. */
  countyRanks: Readonly<Record<string, number>> | null;
}

/** A county's name, after its rank when there is one (“1 潞州区”, the rank larger). */
function countyLabelText(ranks: PlanLayerState['countyRanks']) {
  if (!ranks) return ['get', 'name'];
  const ranked = Object.entries(ranks).flatMap(([adcode, rank]) => [adcode, ['format', `${rank} `, { 'font-scale': 1.25 }, ['get', 'name'], {}]]);
  return ranked.length > 0 ? ['match', ['get', 'adcode'], ...ranked, ['get', 'name']] : ['get', 'name'];
}

const isPoint = expr(['==', ['geometry-type'], 'Point']);

/**
 * The plan's layers, bottom to top, sized by the medium's type scale. Imported
 * layers go between the plan's points and the spread-out points (see mapSpec).
 */
export function basemapLayers(s: TypeScale, v: PlanLayerState): LayerSpecification[] {
  const zones = v.showZones ? 'visible' : 'none';
  const labelPaint = { 'text-halo-color': BASEMAP.labelHalo, 'text-halo-width': s.halo };
  return [
    { id: LAYER.background, type: 'background', paint: { 'background-color': BASEMAP.background } },
    // No fill-antialias on fills whose edges a line layer draws over anyway: the
    // antialiased outline is a second pass over every edge, each frame (costly without a GPU).
    { id: LAYER.contextFill, type: 'fill', source: SOURCE.context, filter: isRole('area'), paint: { 'fill-color': BASEMAP.contextFill, 'fill-antialias': false } },
    { id: LAYER.contextLine, type: 'line', source: SOURCE.context, filter: isRole('area'), paint: { 'line-color': BASEMAP.contextLine, 'line-width': 0.8 * s.line } },
    {
      id: LAYER.countyFill,
      type: 'fill',
      source: SOURCE.counties,
      filter: isRole('area'),
      metadata: hit({ role: 'county', owner: 'plan' }),
      paint: {
        'fill-color': choroplethFill(v.classCount),
        'fill-opacity': expr(['case', featureFlag('dim'), s.highContrast ? 0.2 : 0.35, s.highContrast ? 1 : 0.92]),
        'fill-antialias': false,
      },
    },
    {
      id: LAYER.zoneHatch,
      type: 'fill',
      source: SOURCE.zones,
      filter: isRole('area'),
      maxzoom: HATCH_MAX_ZOOM,
      layout: { visibility: zones },
      paint: { 'fill-pattern': expr(['concat', 'hatch-', ['get', 'name']]), 'fill-opacity': 0.5, 'fill-antialias': false },
    },
    {
      id: LAYER.countyLine,
      type: 'line',
      source: SOURCE.counties,
      filter: isRole('area'),
      paint: { 'line-color': s.highContrast ? '#111418' : BASEMAP.countyLine, 'line-width': (s.highContrast ? 1 : 0.9) * s.line },
    },
    {
      id: LAYER.countyHover,
      type: 'line',
      source: SOURCE.counties,
      filter: isRole('area'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': BASEMAP.cityLine,
        'line-width': expr(['case', featureFlag('selected'), 3.5 * s.line, featureFlag('hover'), 2.5 * s.line, 0]),
      },
    },
    {
      id: LAYER.zoneLine,
      type: 'line',
      source: SOURCE.zones,
      filter: isRole('area'),
      layout: { 'line-join': 'round', visibility: zones },
      paint: {
        'line-color': zoneColorExpression,
        'line-width': expr(['case', featureFlag('hover'), 4.5 * s.line, 2.5 * s.line]),
        'line-dasharray': [3, 2],
      },
    },
    {
      id: LAYER.cityLine,
      type: 'line',
      source: SOURCE.context,
      filter: isRole('city'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': BASEMAP.cityLine, 'line-width': 2 * s.line },
    },
    {
      id: LAYER.contextLabel,
      type: 'symbol',
      source: SOURCE.context,
      filter: isRole('label'),
      layout: { 'text-field': ['get', 'name'], 'text-font': TEXT_FONT, 'text-size': s.contextLabel },
      paint: { 'text-color': BASEMAP.contextLabel, ...labelPaint, 'text-halo-width': Math.max(1, s.halo * 0.6) },
    },
  ];
}

/** The plan's points: county-precision halos, points, clusters and the ring on highlighted projects. */
export function pointLayers(s: TypeScale, v: PlanLayerState): LayerSpecification[] {
  const r = clusterRadius(s);
  return [
    {
      id: LAYER.pointHalo,
      type: 'circle',
      source: SOURCE.points,
      filter: expr(['all', notCluster, ['in', ['get', 'precision'], ['literal', ['county', 'urban']]]]),
      paint: {
        'circle-radius': expr(['match', ['get', 'precision'], 'urban', 10 * s.point, 18 * s.point]),
        'circle-color': categoryColor,
        'circle-opacity': expr(['match', ['get', 'precision'], 'urban', 0.15, 0.22]),
        'circle-blur': expr(['match', ['get', 'precision'], 'urban', 0.8, 0.9]),
      },
    },
    {
      id: LAYER.point,
      type: 'circle',
      source: SOURCE.points,
      filter: notCluster,
      metadata: hit({ role: 'point', owner: 'plan' }),
      layout: { 'circle-sort-key': expr(['-', 0, ['get', 'amount']]) },
      paint: pointPaint(s),
    },
    {
      id: LAYER.cluster,
      type: 'circle',
      source: SOURCE.points,
      filter: isCluster,
      metadata: hit({ role: 'cluster', owner: 'plan' }),
      paint: {
        'circle-radius': expr(['min', r.max, ['max', r.min, ['*', 2.6 * s.point, ['sqrt', ['get', 'sum']]]]]),
        'circle-color': BASEMAP.cluster,
        'circle-opacity': 0.78,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5 * s.point,
      },
    },
    {
      id: LAYER.pointHighlight,
      type: 'circle',
      source: SOURCE.points,
      filter: expr(['in', ['get', 'pid'], ['literal', [...v.highlightedProjects]]]),
      paint: {
        'circle-radius': expr(['+', 4 * s.point, pointRadius(s, POINT_RADIUS.unknown)]),
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': '#000000',
        'circle-stroke-width': 2.5 * s.point,
      },
    },
  ];
}

/** Spread-out stacks, labels and badges: on top of every point layer. */
export function overlayLayers(s: TypeScale, v: PlanLayerState): LayerSpecification[] {
  const zones = v.showZones ? 'visible' : 'none';
  const labelPaint = { 'text-halo-color': BASEMAP.labelHalo, 'text-halo-width': s.halo };
  return [
    { id: LAYER.spiderLeg, type: 'line', source: SOURCE.spider, filter: isSpider('leg'), paint: { 'line-color': '#333333', 'line-width': 1 } },
    {
      id: LAYER.spiderPoint,
      type: 'circle',
      source: SOURCE.spider,
      filter: isSpider('plan'),
      metadata: hit({ role: 'point', owner: 'plan', spread: true }),
      paint: pointPaint(s),
    },
    {
      id: LAYER.spiderImported,
      type: 'circle',
      source: SOURCE.spider,
      filter: isSpider('imported'),
      metadata: hit({ role: 'point', owner: 'imported', spread: true }),
      // Spread rows stay apart: a circle no wider than the spiral's spacing.
      paint: importedPointPaint(s, ['get', 'color'], SPIDER_SPACING / 2 - 2),
    },
    {
      id: LAYER.spiderNote,
      type: 'symbol',
      source: SOURCE.spider,
      filter: isSpider('note'),
      layout: { 'text-field': ['get', 'text'], 'text-font': TEXT_FONT, 'text-size': s.note, 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': '#111111', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
    },
    {
      id: LAYER.placeLabel,
      type: 'symbol',
      source: SOURCE.places,
      minzoom: 9.5,
      layout: { 'text-field': ['get', 'name'], 'text-font': TEXT_FONT, 'text-size': s.placeLabel, 'text-offset': [0, 1.2], 'text-anchor': 'top' },
      paint: { 'text-color': '#39414b', ...labelPaint },
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
        'text-size': s.zoneLabel,
        'text-variable-anchor': ['bottom', 'top', 'left', 'right'],
        'text-radial-offset': 2.2,
        visibility: zones,
      },
      paint: { 'text-color': zoneColorExpression, ...labelPaint },
    },
    {
      id: LAYER.countyLabel,
      type: 'symbol',
      source: SOURCE.counties,
      filter: isRole('label'),
      layout: {
        'text-field': expr(countyLabelText(v.countyRanks)),
        'text-font': TEXT_FONT,
        'text-size': ['interpolate', ['linear'], ['zoom'], 7, s.countyLabel[0], 10, s.countyLabel[1]],
        // Placed after the cluster labels: a county name moves aside rather than sit on a cluster,
        // far enough (where clusters are kept apart, past the largest bubble) to be read beside it.
        'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
        'text-radial-offset': s.clustersApart ? Math.round((clusterRadius(s).max / s.countyLabel[0] + 0.4) * 10) / 10 : 1.4,
        'text-allow-overlap': false,
        'text-padding': 1,
      },
      paint: { 'text-color': BASEMAP.label, ...labelPaint },
    },
    {
      id: LAYER.clusterLabel,
      type: 'symbol',
      source: SOURCE.points,
      filter: isCluster,
      layout: {
        'text-field': clusterText(s),
        'text-font': TEXT_FONT,
        'text-size': s.clusterAmount,
        'text-line-height': 1.1,
        'text-allow-overlap': true,
        // Kept apart, the label's collision box covers the whole bubble: county names placed after it move off it.
        'text-padding': s.clustersApart ? Math.round(clusterRadius(s).max - 0.6 * s.clusterAmount) : 4,
      },
      paint: { 'text-color': '#ffffff' },
    },
    // A line project's line, under its one badge.
    {
      id: LAYER.annotationLine,
      type: 'line',
      source: SOURCE.annotations,
      filter: expr(['==', ['geometry-type'], 'LineString']),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#111418', 'line-width': 2.5 * s.line, 'line-dasharray': [2, 1.5] },
    },
    // Numbered badges (the presenter's ranks), beside their spot rather than on it.
    {
      id: LAYER.annotation,
      type: 'circle',
      source: SOURCE.annotations,
      // A disc behind a number of one or two digits; longer labels (“1·4”, “2–5”) are text with a halo.
      filter: expr(['all', isPoint, ['<=', ['length', ['get', 'label']], 2]]),
      paint: {
        'circle-radius': s.badge * 0.8,
        'circle-color': '#ffffff',
        'circle-stroke-color': '#111418',
        'circle-stroke-width': 2 * s.line,
        'circle-translate': [s.badge * BADGE_OFFSET_EMS[0], s.badge * BADGE_OFFSET_EMS[1]],
      },
    },
    {
      id: LAYER.annotationLabel,
      type: 'symbol',
      source: SOURCE.annotations,
      filter: isPoint,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': TEXT_FONT,
        'text-size': s.badge,
        // Offset in ems (not translated) so the collision box sits on the disc: the badge always
        // shows, and a zone, county or cluster label it would cover gives way instead.
        'text-offset': BADGE_OFFSET_EMS,
        'text-padding': s.badge / 3,
        'text-allow-overlap': true,
        'text-ignore-placement': false,
      },
      paint: { 'text-color': '#111418', 'text-halo-color': '#ffffff', 'text-halo-width': Math.max(2.5, s.halo) },
    },
  ];
}
