import { create } from 'zustand';
import type { ClassMethod } from '../analysis/classify.ts';
import { EMPTY_FILTERS, type Filters } from '../analysis/filters.ts';
import type { Category } from '../data/project.ts';
import { METRICS, type Metric } from '../analysis/metric.ts';
import type { LonLat } from '../geo/types.ts';

export interface MapView {
  center: LonLat;
  zoom: number;
}

export { METRICS, type Metric };

export const PANEL_TABS = ['list', 'table', 'years', 'about'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

export type SortKey = 'investment' | 'name' | 'county';
export interface Sort {
  key: SortKey;
  descending: boolean;
}

/** Everything the URL carries (see url.ts); the rest of the state is transient. */
export interface SharedState {
  /** The camera as the user left it; null means "frame the whole city". */
  view: MapView | null;
  /** The four 美丽乡村 zones drawn over the counties. */
  showZones: boolean;
  /** The optional layer of the selection's 投资重心 and standard deviational ellipse (`?spread=on`). */
  showSpread: boolean;
  filters: Filters;
  metric: Metric;
  classMethod: ClassMethod;
  /** Project open in the detail view. */
  selectedProject: string | null;
  panelTab: PanelTab;
  /** Presenter mode (`?mode=present`): chrome hidden, large type, the tour. */
  presenting: boolean;
  /** The tour step shown while presenting, 1-based (`?step=`). */
  step: number;
}

export interface AppState extends SharedState {
  hoveredCounty: string | null;
  hoveredZone: string | null;
  hoveredProject: string | null;
  sort: Sort;
  /** A message for the user that is not an error: an ignored link parameter, say. */
  notice: string | null;
  /** The tour advances by itself every `playSeconds` while true. */
  playing: boolean;
  playSeconds: number;

  setView: (view: MapView) => void;
  setShowZones: (show: boolean) => void;
  setShowSpread: (show: boolean) => void;
  hoverCounty: (adcode: string | null) => void;
  hoverZone: (name: string | null) => void;
  hoverProject: (id: string | null) => void;
  selectProject: (id: string | null) => void;
  setFilters: (patch: Partial<Filters>) => void;
  toggleCategory: (c: Category) => void;
  toggleCounty: (adcode: string) => void;
  clearFilters: () => void;
  setMetric: (m: Metric) => void;
  setClassMethod: (m: ClassMethod) => void;
  setPanelTab: (t: PanelTab) => void;
  setSort: (s: Sort) => void;
  setNotice: (n: string | null) => void;
  setPresenting: (on: boolean) => void;
  setStep: (step: number) => void;
  setPlaying: (on: boolean) => void;
  setPlaySeconds: (s: number) => void;
}

export const DEFAULT_SHARED: SharedState = {
  view: null,
  showZones: true,
  showSpread: false,
  filters: EMPTY_FILTERS,
  metric: 'density',
  classMethod: 'quantile',
  selectedProject: null,
  panelTab: 'list',
  presenting: false,
  step: 1,
};

const initialState = {
  ...DEFAULT_SHARED,
  hoveredCounty: null,
  hoveredZone: null,
  hoveredProject: null,
  sort: { key: 'investment', descending: true } as Sort,
  notice: null,
  playing: false,
  playSeconds: 10,
};

function toggled<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export const useAppStore = create<AppState>()((set) => ({
  ...initialState,
  setView: (view) => set({ view }),
  setShowZones: (showZones) => set({ showZones }),
  setShowSpread: (showSpread) => set({ showSpread }),
  hoverCounty: (hoveredCounty) => set((s) => (s.hoveredCounty === hoveredCounty ? s : { hoveredCounty })),
  hoverZone: (hoveredZone) => set((s) => (s.hoveredZone === hoveredZone ? s : { hoveredZone })),
  hoverProject: (hoveredProject) => set((s) => (s.hoveredProject === hoveredProject ? s : { hoveredProject })),
  selectProject: (selectedProject) => set({ selectedProject }),
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  toggleCategory: (c) => set((s) => ({ filters: { ...s.filters, categories: toggled(s.filters.categories, c) } })),
  toggleCounty: (adcode) => set((s) => ({ filters: { ...s.filters, counties: toggled(s.filters.counties, adcode) } })),
  clearFilters: () => set({ filters: EMPTY_FILTERS }),
  setMetric: (metric) => set({ metric }),
  setClassMethod: (classMethod) => set({ classMethod }),
  setPanelTab: (panelTab) => set({ panelTab }),
  setSort: (sort) => set({ sort }),
  setNotice: (notice) => set({ notice }),
  setPresenting: (presenting) => set(presenting ? { presenting } : { presenting, step: 1, playing: false }),
  setStep: (step) => set({ step }),
  setPlaying: (playing) => set({ playing }),
  setPlaySeconds: (playSeconds) => set({ playSeconds }),
}));

/** Back to the defaults: for tests. */
export function resetAppState(): void {
  useAppStore.setState(initialState);
}
