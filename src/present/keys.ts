/**
 * The presenter's keyboard, as pure functions: which key does what, and what
 * each action does to the step. Presenter remotes send arrows or
 * PageUp/PageDown (some send Space for “next”), which are all understood.
 */

export type TourAction =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'jump'; step: number }
  | { type: 'toggle-play' }
  | { type: 'fullscreen' }
  | { type: 'leave' }
  | { type: 'enter' };

/** The parts of a KeyboardEvent the mapping reads. */
export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  /** The element that has focus, to leave typing alone. */
  target?: EventTarget | null;
}

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Spacebar']);
const PREV = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

/** True when a key goes to a text field, a select or anything editable. */
export function isTyping(target: EventTarget | null | undefined): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  return el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}

/**
 * What a key asks for. While presenting: → ↓ PageDown Space next, ← ↑ PageUp
 * previous, Home overview, End last step, 1–9 jump, P play/pause, F full
 * screen, Esc leave. While exploring only F (enter presenter mode) is taken,
 * and nothing is taken from a text field or with Ctrl, Alt or Meta held.
 */
export function keyAction(e: KeyLike, presenting: boolean): TourAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  if (isTyping(e.target)) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (!presenting) return key === 'f' ? { type: 'enter' } : null;
  if (NEXT.has(key)) return { type: 'next' };
  if (PREV.has(key)) return { type: 'prev' };
  if (key === 'Home') return { type: 'first' };
  if (key === 'End') return { type: 'last' };
  if (key === 'Escape' || key === 'Esc') return { type: 'leave' };
  if (key === 'p') return { type: 'toggle-play' };
  if (key === 'f') return { type: 'fullscreen' };
  if (/^[1-9]$/.test(key)) return { type: 'jump', step: Number(key) };
  return null;
}

/**
 * The step an action leads to (1-based), or null when the action does not
 * move (play, full screen, leave) or would leave the tour (a jump past the
 * last step is ignored, not clamped: “9” on a 7-step tour does nothing).
 * Next on the last step stays there unless `wrap` (auto-advance loops).
 */
export function stepAfter(step: number, count: number, action: TourAction, wrap = false): number | null {
  switch (action.type) {
    case 'next':
      return step < count ? step + 1 : wrap ? 1 : step;
    case 'prev':
      return step > 1 ? step - 1 : step;
    case 'first':
      return 1;
    case 'last':
      return count;
    case 'jump':
      return action.step >= 1 && action.step <= count ? action.step : null;
    default:
      return null;
  }
}
