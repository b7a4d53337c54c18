import type { LayerSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import type { SpreadSummary } from '../analysis/spread.ts';
import { CATEGORY_COLORS } from '../theme/palette.ts';
import { LAYER, SOURCE } from './ids.ts';
import { TEXT_FONT, expr, hit } from './layers.ts';
import type { TypeScale } from './medium.ts';
import type { SourceSpec } from './sources.ts';

/** The whole selection's centre and ellipse in near-black; a category's in its colour. */
export function spreadColor(key: SpreadSummary['groups'][number]['key']): string {
  return key === 'all' ? '#111418' : CATEGORY_COLORS[key];
}

/**
 * The investment centres and standard deviational ellipses of a selection
 * (src/analysis/spread.ts) as a source: each group's ellipse ring and centre,
 * with its index in `groups` for the tooltip. Keyed by what it draws.
 */
export function spreadSource(spread: SpreadSummary | null): SourceSpec {
  if (!spread) return { key: 'spread:none', data: { type: 'FeatureCollection', features: [] }, options: {} };
  const features: Feature[] = [];
  spread.groups.forEach((g, group) => {
    const props = { group, color: spreadColor(g.key), label: g.key === 'all' ? '投资重心' : `${g.label}重心` };
    if (g.ellipse) features.push({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [g.ellipse.ring] } });
    features.push({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: g.centre } });
  });
  const data: FeatureCollection = { type: 'FeatureCollection', features };
  const key = `spread:${spread.groups.map((g) => `${g.key}@${g.centre.map((c) => c.toFixed(5)).join(',')}/${g.ellipse?.semiMajorKm.toFixed(3) ?? '-'}`).join('|')}`;
  return { key, data, options: {} };
}

const isArea = expr(['==', ['geometry-type'], 'Polygon']);
const isCentre = expr(['==', ['geometry-type'], 'Point']);

/** The ellipses, under the points: a faint fill and a dashed outline (which answers to pointing). */
export function spreadAreaLayers(s: TypeScale): LayerSpecification[] {
  return [
    { id: LAYER.spreadFill, type: 'fill', source: SOURCE.spread, filter: isArea, paint: { 'fill-color': ['get', 'color'], 'fill-opacity': 0.08 } },
    {
      id: LAYER.spreadLine,
      type: 'line',
      source: SOURCE.spread,
      filter: isArea,
      metadata: hit({ role: 'spread', owner: 'plan' }),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': ['get', 'color'], 'line-width': 2.5 * s.line, 'line-dasharray': [4, 2] },
    },
  ];
}

/** The centres, over the points: a ringed cross with its name. */
export function spreadCentreLayers(s: TypeScale): LayerSpecification[] {
  return [
    {
      id: LAYER.spreadCentre,
      type: 'circle',
      source: SOURCE.spread,
      filter: isCentre,
      metadata: hit({ role: 'spread', owner: 'plan' }),
      paint: {
        'circle-radius': 7 * s.point,
        'circle-color': '#ffffff',
        'circle-stroke-color': ['get', 'color'],
        'circle-stroke-width': 3 * s.point,
      },
    },
    {
      id: LAYER.spreadLabel,
      type: 'symbol',
      source: SOURCE.spread,
      filter: isCentre,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': TEXT_FONT,
        'text-size': s.placeLabel,
        'text-anchor': 'top',
        'text-offset': [0, 0.9],
        'text-allow-overlap': true,
      },
      paint: { 'text-color': ['get', 'color'], 'text-halo-color': '#ffffff', 'text-halo-width': s.halo },
    },
  ];
}
