import { create } from 'zustand';
import type { LonLat } from '../geo/types.ts';

export interface MapView {
  center: LonLat;
  zoom: number;
}

export interface AppState {
  /** The camera as the user left it; null means "frame the whole city". */
  view: MapView | null;
  /** The four 美丽乡村 zones drawn over the counties. */
  showZones: boolean;
  /** County under the pointer (map or list), by adcode. */
  hoveredCounty: string | null;

  setView: (view: MapView) => void;
  setShowZones: (show: boolean) => void;
  hoverCounty: (adcode: string | null) => void;
}

export const initialState = {
  view: null,
  showZones: true,
  hoveredCounty: null,
} satisfies Partial<AppState>;

export const useAppStore = create<AppState>()((set) => ({
  ...initialState,
  setView: (view) => set({ view }),
  setShowZones: (showZones) => set({ showZones }),
  hoverCounty: (hoveredCounty) => set((s) => (s.hoveredCounty === hoveredCounty ? s : { hoveredCounty })),
}));

/** Back to the defaults: for tests, and for the "reset view" action. */
export function resetAppState(): void {
  useAppStore.setState(initialState);
}
