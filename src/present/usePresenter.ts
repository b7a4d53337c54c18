import { useEffect, useMemo, useRef, useState } from 'react';
import { withoutPlaceFilters } from '../analysis/filters.ts';
import { explore, keyedPoints, type Exploration, type GeoUnits } from '../analysis/explore.ts';
import { projectPlaces } from '../analysis/places.ts';
import type { Dataset } from '../data/loadDataset.ts';
import { badgeFeatures } from '../analysis/badges.ts';
import type { Keyed } from '../analysis/keyed.ts';
import type { CameraIntent, MapState } from '../map/MapView.tsx';
import { useAppStore } from '../state/store.ts';
import { enterFullscreen, exitFullscreen, isFullscreen } from './fullscreen.ts';
import { keyAction, stepAfter, type TourAction } from './keys.ts';
import { clampStep, tourStepCount } from './steps.ts';
import type { TourStep } from './tour.ts';

type TourModule = typeof import('./tour.ts');
/** The tour builder, loaded on the first use of presenter mode (it is not needed before). */
let tourModule: TourModule | null = null;
const loadTour = async (): Promise<TourModule> => (tourModule ??= await import('./tour.ts'));

export interface Presenter {
  steps: TourStep[];
  /** The step shown (1-based), within the tour. */
  index: number;
  step: TourStep;
  exploration: Exploration;
  /** What the map shows instead of the explorer's state while presenting. */
  mapState: Omit<MapState, 'geo' | 'showZones' | 'imported'>;
}

function viewport() {
  return { width: window.innerWidth, height: window.innerHeight };
}

/** Room the framing keeps clear: the caption below, the ranked list on the right. */
export function presenterPadding(step: TourStep, vp: { width: number; height: number }) {
  return {
    top: Math.round(vp.height * 0.06),
    bottom: Math.round(vp.height * 0.27),
    left: Math.round(vp.width * 0.04),
    right: Math.round(step.rows.length > 0 ? vp.width * 0.4 : vp.width * 0.04),
  };
}

const NONE: string[] = [];
const NO_POINTS: MapState['points'] = { key: 'points:none', data: { type: 'FeatureCollection', features: [] } };

/**
 * Runs the action a key asks for against the store (and the Fullscreen API).
 * Returns true when the key was used.
 */
export function performTourAction(action: TourAction, stepCount: number): void {
  const s = useAppStore.getState();
  switch (action.type) {
    case 'enter':
      s.setPresenting(true);
      void enterFullscreen();
      return;
    case 'leave':
      void exitFullscreen();
      s.setPresenting(false);
      return;
    case 'fullscreen':
      if (isFullscreen()) void exitFullscreen();
      else void enterFullscreen();
      return;
    case 'toggle-play':
      s.setPlaying(!s.playing);
      return;
    default: {
      const next = stepAfter(clampStep(s.step, stepCount), stepCount, action);
      if (next !== null) s.setStep(next);
    }
  }
}

/**
 * Presenter mode: the keyboard (always listening, so F enters from the
 * explorer), the auto-advance timer, the Fullscreen API, the tour built from
 * the data, and the map props for the current step. Returns null while not
 * presenting.
 */
export function usePresenter(dataset: Dataset, units: GeoUnits): Presenter | null {
  const presenting = useAppStore((s) => s.presenting);
  const rawStep = useAppStore((s) => s.step);
  const playing = useAppStore((s) => s.playing);
  const playSeconds = useAppStore((s) => s.playSeconds);
  const filters = useAppStore((s) => s.filters);
  const classMethod = useAppStore((s) => s.classMethod);
  const metric = useAppStore((s) => s.metric);
  const tourFilters = useMemo(() => withoutPlaceFilters(filters), [filters]);
  // The tour is loaded when presenting starts, and built only while presenting:
  // the explorer's filter changes do not pay for it.
  const [tour, setTour] = useState<TourModule | null>(tourModule);
  useEffect(() => {
    if (presenting && !tour) void loadTour().then(setTour);
  }, [presenting, tour]);
  const steps = useMemo(
    () => (presenting && tour ? tour.buildTour(dataset.projects, dataset.geo, units, tourFilters, metric) : null),
    [presenting, tour, dataset, units, tourFilters, metric],
  );
  const count = steps?.length ?? tourStepCount(dataset.geo.zones.features.length);
  const index = clampStep(rawStep, count);
  const [vp, setVp] = useState(viewport);

  // Keys: capture phase, so the map's own arrow-key panning never sees the presenter's arrows.
  const countRef = useRef(count);
  countRef.current = count;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = keyAction(e, useAppStore.getState().presenting);
      if (!action) return;
      e.preventDefault();
      e.stopPropagation();
      performTourAction(action, countRef.current);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);

  // Leaving full screen (the browser takes Esc for that) leaves presenter mode too.
  const wasFullscreen = useRef(false);
  const [, setFullscreen] = useState(false);
  useEffect(() => {
    const onChange = () => {
      const now = isFullscreen();
      setFullscreen(now); // the caption's 全屏 / 退出全屏 button follows
      if (wasFullscreen.current && !now && useAppStore.getState().presenting) useAppStore.getState().setPresenting(false);
      wasFullscreen.current = now;
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  useEffect(() => {
    if (!presenting) return;
    const onResize = () => setVp(viewport());
    onResize();
    window.addEventListener('resize', onResize);
    document.body.classList.add('presenting');
    return () => {
      window.removeEventListener('resize', onResize);
      document.body.classList.remove('presenting');
    };
  }, [presenting]);

  // Auto-advance: the timer restarts whenever the step changes, by hand or by itself; the tour loops.
  useEffect(() => {
    if (!presenting || !playing) return;
    const t = setTimeout(() => {
      const s = useAppStore.getState();
      s.setStep(stepAfter(clampStep(s.step, count), count, { type: 'next' }, true) ?? 1);
    }, playSeconds * 1000);
    return () => clearTimeout(t);
  }, [presenting, playing, playSeconds, index, count]);

  const exploration = useMemo(
    () => (presenting ? explore(dataset.projects, units, tourFilters, metric, classMethod) : null),
    [presenting, dataset.projects, units, tourFilters, metric, classMethod],
  );
  const places = useMemo(() => (exploration ? projectPlaces(exploration.filtered) : null), [exploration]);
  const step = steps?.[index - 1] ?? null;
  const focusKey = useRef(1_000_000);
  const focus = useMemo<CameraIntent | null>(
    () => (presenting && step ? { key: ++focusKey.current, box: step.box, padding: presenterPadding(step, vp) } : null),
    [presenting, step, vp],
  );
  const annotations = useMemo<Keyed<MapState['annotations']['data']>>(() => {
    const list = step?.annotations ?? [];
    return {
      key: `badges:${list.map((a) => `${a.label}@${a.lon},${a.lat}${a.lines ? `~${a.lines.length}` : ''}`).join('|')}`,
      data: badgeFeatures(list),
    };
  }, [step]);

  // The ranking is about the counties: their colours and ranks, no project points over them;
  // the year's construction draws only the projects under construction.
  const stepPoints = useMemo(() => {
    if (!exploration || !step) return NO_POINTS;
    if (step.kind === 'ranking') return NO_POINTS;
    if (step.kind !== 'construction') return exploration.points;
    const building = new Set(step.projects);
    return keyedPoints(exploration.filtered.filter((p) => building.has(p.id)));
  }, [exploration, step]);

  if (!presenting || !steps || !step || !exploration || !places || !focus) return null;
  return {
    steps,
    index,
    step,
    exploration,
    mapState: {
      points: stepPoints,
      places,
      countyClass: exploration.countyClass,
      classCount: exploration.classification.thresholds.length + 1,
      selectedCounties: NONE,
      focusCounties: step.focusCounties,
      hoveredCounty: null,
      hoveredZone: step.zone,
      highlightedProjects: step.projects,
      annotations,
      countyRanks: step.countyRanks,
      spread: null,
      // The largest projects and the year's construction are ringed one by one: no cluster may hide them.
      clustered: step.kind !== 'largest' && step.kind !== 'construction',
      camera: focus,
    },
  };
}
