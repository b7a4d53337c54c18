import { useLayoutEffect, useState, type RefObject } from 'react';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
export interface Insets {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** An overlay that hides more than this share of the map both ways is read over the map, not framed around. */
const COVERING = 0.6;

/**
 * How much of the map each overlay's edge strip costs: a box is cleared from
 * the edge that gives up the smaller share of the map (the legend on the right
 * of a laptop takes a strip on the right; a bottom sheet or a one-line legend,
 * a strip at the bottom). Boxes outside the map (a side panel beside it) cost
 * nothing. Null when one overlay covers most of the map (a full-height sheet):
 * the framing around it would be invisible, so the caller keeps the last one.
 */
export function overlayInsets(map: Box, overlays: readonly Box[]): Insets | null {
  const width = map.right - map.left;
  const height = map.bottom - map.top;
  const out: Insets = { top: 0, bottom: 0, left: 0, right: 0 };
  if (width <= 0 || height <= 0) return out;
  for (const o of overlays) {
    const left = Math.max(o.left, map.left);
    const right = Math.min(o.right, map.right);
    const top = Math.max(o.top, map.top);
    const bottom = Math.min(o.bottom, map.bottom);
    if (right <= left || bottom <= top) continue;
    const fromLeft = left - map.left < map.right - right;
    const fromTop = top - map.top < map.bottom - bottom;
    const x = fromLeft ? right - map.left : map.right - left;
    const y = fromTop ? bottom - map.top : map.bottom - top;
    if (x / width > COVERING && y / height > COVERING) return null;
    if (x / width <= y / height) {
      const side = fromLeft ? 'left' : 'right';
      out[side] = Math.max(out[side], Math.ceil(x));
    } else {
      const side = fromTop ? 'top' : 'bottom';
      out[side] = Math.max(out[side], Math.ceil(y));
    }
  }
  return out;
}

const same = (a: Insets | null, b: Insets) => !!a && a.top === b.top && a.bottom === b.bottom && a.left === b.left && a.right === b.right;

/**
 * The insets of the map pane `map` left by the elements marked `data-overlay`
 * inside `root` (legend, view tools, caption, the bottom sheet), measured now
 * and again whenever one of them or the map changes size. Null until measured.
 */
export function useOverlayInsets(root: RefObject<HTMLElement | null>, map: RefObject<HTMLElement | null>): Insets | null {
  const [insets, setInsets] = useState<Insets | null>(null);
  useLayoutEffect(() => {
    const rootEl = root.current;
    const mapEl = map.current;
    if (!rootEl || !mapEl) return;
    const measure = () => {
      const overlays = [...rootEl.querySelectorAll<HTMLElement>('[data-overlay]')].map((el) => el.getBoundingClientRect());
      const next = overlayInsets(mapEl.getBoundingClientRect(), overlays);
      if (next) setInsets((old) => (same(old, next) ? old : next));
    };
    measure();
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(measure);
    const observeAll = () => {
      observer.disconnect();
      observer.observe(mapEl);
      for (const el of rootEl.querySelectorAll('[data-overlay]')) observer.observe(el);
    };
    observeAll();
    // An overlay can stop counting (a legend opened over a phone's map): watch the marks too.
    const marks = new MutationObserver(() => {
      observeAll();
      measure();
    });
    marks.observe(rootEl, { subtree: true, attributeFilter: ['data-overlay'] });
    return () => {
      observer.disconnect();
      marks.disconnect();
    };
  }, [root, map]);
  return insets;
}
