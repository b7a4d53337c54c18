import { useMemo } from 'react';
import { classifyAreas, geoUnits, keyedPoints, matchProjects, type Exploration, type GeoUnits } from '../analysis/explore.ts';
import { projectPlaces } from '../analysis/places.ts';
import type { Dataset } from '../data/loadDataset.ts';
import { residentsByCounty } from '../data/population.ts';
import { markExplored } from './marks.ts';
import { useAppStore } from './store.ts';

export interface ExplorationView extends Exploration {
  units: GeoUnits;
  places: ReturnType<typeof projectPlaces>;
}

/**
 * The filtered projects and every figure derived from them, each recomputed
 * only when its own inputs change: the list and its points on a filter
 * change; the classes on a metric or class-method change (the points stay
 * the same object, so the map is not sent them again).
 */
export function useExploration(dataset: Dataset): ExplorationView {
  const filters = useAppStore((s) => s.filters);
  const metric = useAppStore((s) => s.metric);
  const classMethod = useAppStore((s) => s.classMethod);
  const units = useMemo(() => geoUnits(dataset.geo, residentsByCounty(dataset.population)), [dataset.geo, dataset.population]);
  const matching = useMemo(() => {
    const m = matchProjects(dataset.projects, units, filters);
    markExplored(filters);
    return m;
  }, [dataset.projects, units, filters]);
  const classes = useMemo(() => classifyAreas(matching.areaAggregation, metric, classMethod), [matching, metric, classMethod]);
  const points = useMemo(() => keyedPoints(matching.filtered), [matching.filtered]);
  const places = useMemo(() => projectPlaces(matching.filtered), [matching.filtered]);
  // One object per change of its inputs, so components given it can skip renders that change nothing.
  return useMemo(() => ({ ...matching, ...classes, points, units, places }), [matching, classes, points, units, places]);
}
