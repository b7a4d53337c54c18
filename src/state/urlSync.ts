import type { SharedState } from './store.ts';
import { useAppStore } from './store.ts';
import { decodeUrlState, encodeUrlState, type KnownValues } from './url.ts';

function shared(s: SharedState): SharedState {
  const { view, showZones, showSpread, filters, metric, classMethod, selectedProject, panelTab, presenting, step } = s;
  return { view, showZones, showSpread, filters, metric, classMethod, selectedProject, panelTab, presenting, step };
}

/** Applies the page's link to the store, with a notice naming what was ignored. */
export function applyUrl(known: KnownValues, search: string = window.location.search): void {
  const { state, problems } = decodeUrlState(search, known);
  useAppStore.setState({
    ...state,
    notice: problems.length > 0 ? `链接中有参数无效，已忽略：${problems.join('；')}` : null,
  });
}

/**
 * Keeps the address bar in step with the store using replaceState, so the
 * URL can always be copied to show someone exactly this view. Returns the
 * unsubscribe function.
 */
export function followStoreInUrl(location: Location = window.location, history: History = window.history): () => void {
  let last: string | null = null;
  const write = (s: SharedState) => {
    const query = encodeUrlState(shared(s)).toString();
    if (query === last) return;
    last = query;
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  };
  write(useAppStore.getState());
  return useAppStore.subscribe(write);
}

/**
 * Back and Forward: the view that the history entry's URL describes (a hash
 * change adds an entry; the store's changes replace it). Returns the stop function.
 */
export function followHistory(known: KnownValues, target: Window = window): () => void {
  const restore = () => applyUrl(known, target.location.search);
  target.addEventListener('popstate', restore);
  return () => target.removeEventListener('popstate', restore);
}
