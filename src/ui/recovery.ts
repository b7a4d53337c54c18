/** The ways out a failed region offers (src/ui/RegionBoundary.tsx). */
import { useLayerStore } from '../state/layers.ts';
import { DEFAULT_SHARED, useAppStore } from '../state/store.ts';
import type { RecoveryAction } from './RegionBoundary.tsx';

/** Every imported layer hidden (and stored so, when storage allows): the plan alone is drawn. */
export const HIDE_IMPORTED: RecoveryAction = {
  label: '隐藏导入的图层',
  run: async () => {
    const { layers, setLayerVisible } = useLayerStore.getState();
    const shown = layers.filter((l) => l.visible);
    await Promise.allSettled(shown.map((l) => setLayerVisible(l.id, false)));
    // Hidden on this page even where storage refused the change.
    useLayerStore.setState((s) => ({ layers: s.layers.map((l) => (l.visible ? { ...l, visible: false } : l)), selected: null }));
  },
};

/** The default view, and its link: no filter, no selection, the whole city, the list. */
export const RESET_VIEW: RecoveryAction = {
  label: '恢复默认视图',
  run: () => {
    // The link first: a region drawn again from scratch reads it (src/state/urlSync.ts).
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.hash}`);
    useAppStore.setState({ ...DEFAULT_SHARED, notice: null, playing: false });
    useLayerStore.getState().selectRow(null);
  },
};
