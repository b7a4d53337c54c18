import { useRef } from 'react';

/** How much of a phone's screen the panel takes: its summary only, half, or all of it. */
export type SheetState = 'peek' | 'half' | 'full';

const NEXT: Record<SheetState, SheetState> = { peek: 'half', half: 'full', full: 'peek' };
const UP: Record<SheetState, SheetState> = { peek: 'half', half: 'full', full: 'full' };
const DOWN: Record<SheetState, SheetState> = { peek: 'peek', half: 'peek', full: 'half' };
const LABEL: Record<SheetState, string> = { peek: '展开面板', half: '面板全屏', full: '收起面板，显示地图' };

/** A drag shorter than this is a tap. */
const SWIPE_PX = 24;

/**
 * The grip at the top of the panel on a phone (hidden on wider screens): a
 * tap goes peek → half → full → peek, a swipe up or down moves one step.
 */
export function SheetHandle({ state, onChange }: { state: SheetState; onChange: (s: SheetState) => void }) {
  const start = useRef<number | null>(null);
  const swiped = useRef(false);
  return (
    <button
      type="button"
      className="sheet-handle"
      aria-label={LABEL[state]}
      onPointerDown={(e) => {
        // Keep the pointer when the finger leaves the grip (app.css: touch-action none, no scrolling).
        e.currentTarget.setPointerCapture?.(e.pointerId);
        start.current = e.clientY;
        swiped.current = false;
      }}
      onPointerUp={(e) => {
        if (start.current === null) return;
        const dy = e.clientY - start.current;
        start.current = null;
        if (Math.abs(dy) < SWIPE_PX) return;
        swiped.current = true;
        onChange(dy < 0 ? UP[state] : DOWN[state]);
      }}
      onClick={() => {
        // The click that follows a swipe is not a tap.
        if (swiped.current) swiped.current = false;
        else onChange(NEXT[state]);
      }}
    >
      <span className="sheet-grip" aria-hidden="true" />
    </button>
  );
}
