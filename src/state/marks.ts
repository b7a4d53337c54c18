/**
 * Performance marks for the interaction benchmark (scripts/bench/interaction.ts)
 * and anyone profiling in the browser's devtools: each filter state gets a
 * number the first time it is seen, and the app marks, with that number as
 * `detail`, each phase of a change: the store took it (`cz:store`), the
 * projects were filtered and summed (`cz:explore`), the side panel rendered
 * it (`cz:list-rendered`) and the map drew it (`cz:map-drawn`). The map
 * adapter measures each reconcile (`cz:reconcile`, a measure with a duration).
 */
import type { Filters } from '../analysis/filters.ts';

export const STORE_CHANGED = 'cz:store';
export const EXPLORED = 'cz:explore';
export const RECONCILED = 'cz:reconcile';
export const LIST_RENDERED = 'cz:list-rendered';
export const MAP_DRAWN = 'cz:map-drawn';

let last = 0;
const numbers = new WeakMap<Filters, number>();

/** 1 for the first filter state seen, 2 for the next new one, … (the same object keeps its number). */
export function filtersNumber(f: Filters): number {
  let n = numbers.get(f);
  if (n === undefined) numbers.set(f, (n = ++last));
  return n;
}

function mark(name: string, f: Filters): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  performance.mark(name, { detail: filtersNumber(f) });
}

export const markStoreChanged = (f: Filters) => mark(STORE_CHANGED, f);
export const markExplored = (f: Filters) => mark(EXPLORED, f);
export const markListRendered = (f: Filters) => mark(LIST_RENDERED, f);
export const markMapDrawn = (f: Filters) => mark(MAP_DRAWN, f);
