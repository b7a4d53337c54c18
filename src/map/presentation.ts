import { LAYER } from './style.ts';

/**
 * What presenter mode changes on the map, as paint and layout overrides of
 * the one style: thicker lines, larger points and labels, darker strokes.
 * `scale` grows with the screen (1 at 1920 px wide, 2 at 3840 px) so a 4K wall
 * reads like a 1080p projector. Values are MapLibre property values.
 */
export interface PresentationOverride {
  layer: string;
  kind: 'paint' | 'layout';
  property: string;
  value: (scale: number) => unknown;
}

const radius = (s: number, factor: number) => [
  'case',
  ['==', ['get', 'known'], 0],
  7 * s,
  ['max', 5 * s, ['*', 4 * factor * s, ['sqrt', ['get', 'amount']]]],
];

export const PRESENTATION: readonly PresentationOverride[] = [
  { layer: LAYER.countyLine, kind: 'paint', property: 'line-width', value: (s) => 2.2 * s },
  { layer: LAYER.countyLine, kind: 'paint', property: 'line-color', value: () => '#111418' },
  { layer: LAYER.cityLine, kind: 'paint', property: 'line-width', value: (s) => 4.5 * s },
  { layer: LAYER.contextLine, kind: 'paint', property: 'line-width', value: (s) => 1.5 * s },
  {
    layer: LAYER.countyHover,
    kind: 'paint',
    property: 'line-width',
    value: (s) => ['case', ['boolean', ['feature-state', 'selected'], false], 7 * s, ['boolean', ['feature-state', 'hover'], false], 6 * s, 0],
  },
  {
    layer: LAYER.zoneLine,
    kind: 'paint',
    property: 'line-width',
    value: (s) => ['case', ['boolean', ['feature-state', 'hover'], false], 9 * s, 4 * s],
  },
  {
    layer: LAYER.countyFill,
    kind: 'paint',
    property: 'fill-opacity',
    value: () => ['case', ['boolean', ['feature-state', 'dim'], false], 0.2, 1],
  },
  { layer: LAYER.point, kind: 'paint', property: 'circle-radius', value: (s) => radius(s, 1.5) },
  { layer: LAYER.point, kind: 'paint', property: 'circle-stroke-width', value: (s) => 2.5 * s },
  { layer: LAYER.pointHalo, kind: 'paint', property: 'circle-radius', value: (s) => 30 * s },
  {
    layer: LAYER.pointHighlight,
    kind: 'paint',
    property: 'circle-radius',
    value: (s) => ['+', 7 * s, ['max', 7 * s, ['*', 6 * s, ['sqrt', ['get', 'amount']]]]],
  },
  { layer: LAYER.pointHighlight, kind: 'paint', property: 'circle-stroke-width', value: (s) => 5 * s },
  {
    layer: LAYER.cluster,
    kind: 'paint',
    property: 'circle-radius',
    value: (s) => ['min', 56 * s, ['max', 28 * s, ['*', 4.2 * s, ['sqrt', ['get', 'sum']]]]],
  },
  { layer: LAYER.cluster, kind: 'paint', property: 'circle-stroke-width', value: (s) => 3 * s },
  { layer: LAYER.clusterLabel, kind: 'layout', property: 'text-size', value: (s) => 19 * s },
  {
    layer: LAYER.countyLabel,
    kind: 'layout',
    property: 'text-size',
    value: (s) => ['interpolate', ['linear'], ['zoom'], 7, 24 * s, 10, 34 * s],
  },
  { layer: LAYER.countyLabel, kind: 'paint', property: 'text-halo-width', value: (s) => 3 * s },
  { layer: LAYER.zoneLabel, kind: 'layout', property: 'text-size', value: (s) => 24 * s },
  { layer: LAYER.zoneLabel, kind: 'paint', property: 'text-halo-width', value: (s) => 3 * s },
  { layer: LAYER.contextLabel, kind: 'layout', property: 'text-size', value: (s) => 20 * s },
  { layer: LAYER.placeLabel, kind: 'layout', property: 'text-size', value: (s) => 20 * s },
  { layer: LAYER.annotation, kind: 'paint', property: 'circle-radius', value: (s) => 19 * s },
  { layer: LAYER.annotation, kind: 'paint', property: 'circle-stroke-width', value: (s) => 3 * s },
  { layer: LAYER.annotationLabel, kind: 'layout', property: 'text-size', value: (s) => 24 * s },
  { layer: LAYER.annotation, kind: 'paint', property: 'circle-translate', value: (s) => [26 * s, -26 * s] },
  { layer: LAYER.annotationLabel, kind: 'layout', property: 'text-offset', value: () => [26 / 24, -26 / 24] },
  { layer: LAYER.annotationLabel, kind: 'layout', property: 'text-padding', value: (s) => 8 * s },
];

/** Presenter scale for a viewport width: 1 up to 1920 px, then proportional (2 at 3840 px). */
export function presentationScale(viewportWidth: number): number {
  return Math.max(1, Math.round((viewportWidth / 1920) * 100) / 100);
}
