/**
 * Performance marks for the interaction benchmark (scripts/bench/interaction.ts)
 * and anyone profiling in the browser's devtools: each filter state gets a
 * number the first time it is drawn, and the app marks when the side panel
 * has rendered it (`cz:list-rendered`) and when the map has drawn it
 * (`cz:map-drawn`), each with that number as its `detail`.
 */
import type { Filters } from '../analysis/filters.ts';

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

export const markListRendered = (f: Filters) => mark(LIST_RENDERED, f);
export const markMapDrawn = (f: Filters) => mark(MAP_DRAWN, f);
