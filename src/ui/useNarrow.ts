import { useSyncExternalStore } from 'react';

/** Phones and narrow windows: the map first, the panel a bottom sheet (app.css uses the same width). */
export const NARROW_QUERY = '(max-width: 720px)';

function query(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(NARROW_QUERY) : null;
}

function subscribe(onChange: () => void): () => void {
  const q = query();
  q?.addEventListener('change', onChange);
  return () => q?.removeEventListener('change', onChange);
}

/** True on a phone or a window at most 720 px wide (false where there is no matchMedia, as in jsdom). */
export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => query()?.matches ?? false);
}
