import { useMemo } from 'react';
import { explore, geoUnits, type Exploration, type GeoUnits } from '../analysis/explore.ts';
import { projectPlaces } from '../analysis/places.ts';
import type { Dataset } from '../data/loadDataset.ts';
import { residentsByCounty } from '../data/population.ts';
import { useAppStore } from './store.ts';

export interface ExplorationView extends Exploration {
  units: GeoUnits;
  places: ReturnType<typeof projectPlaces>;
}

/** The filtered projects and every figure derived from them, recomputed only when an input changes. */
export function useExploration(dataset: Dataset): ExplorationView {
  const filters = useAppStore((s) => s.filters);
  const metric = useAppStore((s) => s.metric);
  const classMethod = useAppStore((s) => s.classMethod);
  const units = useMemo(() => geoUnits(dataset.geo, residentsByCounty(dataset.population)), [dataset.geo, dataset.population]);
  const exploration = useMemo(
    () => explore(dataset.projects, units, filters, metric, classMethod),
    [dataset.projects, units, filters, metric, classMethod],
  );
  const places = useMemo(() => projectPlaces(exploration.filtered), [exploration.filtered]);
  // One object per change of its inputs, so components given it can skip renders that change nothing.
  return useMemo(() => ({ ...exploration, units, places }), [exploration, units, places]);
}
