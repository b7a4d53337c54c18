import type { FeatureCollection, Point } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import { explore, type Metric } from '../../src/analysis/explore.ts';
import type { ClassMethod } from '../../src/analysis/classify.ts';
import { EMPTY_FILTERS, type Filters } from '../../src/analysis/filters.ts';
import { projectPlaces } from '../../src/analysis/places.ts';
import type { ImportedPointProperties } from '../../src/import/points.ts';
import type { ImportedMapLayer } from '../../src/map/importedLayers.ts';
import { plainMapState, type MapSpec, type MapState } from '../../src/map/mapSpec.ts';
import { repoData } from '../analysis/repoData.ts';

const data = repoData();
export const GEO = data.geo;

/** The explorer's map state for these filters and metric, built from the repository's data as the app builds it. */
export function explorerState(o: { filters?: Partial<Filters>; metric?: Metric; method?: ClassMethod; imported?: ImportedMapLayer[] } = {}): MapState {
  const filters = { ...EMPTY_FILTERS, ...o.filters };
  const e = explore(data.projects, data.units, filters, o.metric ?? 'density', o.method ?? 'quantile');
  return {
    ...plainMapState(data.geo, { ...e, places: projectPlaces(e.filtered) }),
    selectedCounties: filters.counties,
    focusCounties: filters.counties,
    imported: o.imported ?? [],
  };
}

/** An imported layer of `n` points around 长治's seat. */
export function importedLayer(id: string, n: number, color = '#123456', version = 1): ImportedMapLayer {
  const data: FeatureCollection<Point, ImportedPointProperties> = {
    type: 'FeatureCollection',
    features: Array.from({ length: n }, (_, i) => ({
      type: 'Feature',
      id: i,
      geometry: { type: 'Point', coordinates: [113.1 + i * 0.01, 36.2] },
      properties: { layer: id, row: i + 2, name: `行${i}`, precision: 'township', amount: 1, known: 1 },
    })),
  };
  return { id, name: `图层${id}`, color, points: { key: `${id}:${version}:${n}`, data } };
}

/** A spec as the recording map's snapshot shows one: what a map showing it must hold. */
export function expectedSnapshot(spec: MapSpec) {
  const featureState: Record<string, Record<string, unknown>> = {};
  for (const [source, ids] of Object.entries(spec.featureState)) for (const [id, st] of Object.entries(ids)) featureState[`${source}|${id}`] = st;
  return {
    sources: Object.fromEntries(Object.entries(spec.sources).map(([id, s]) => [id, { data: s.data, options: s.options }])),
    layers: spec.layers.map((l: LayerSpecification) => {
      const j = l as unknown as Record<string, unknown>;
      return { id: l.id, paint: j.paint ?? {}, layout: j.layout ?? {}, filter: j.filter, minzoom: l.minzoom, maxzoom: l.maxzoom };
    }),
    featureState,
  };
}
