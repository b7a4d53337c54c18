import type { ReactNode } from 'react';
import { withoutPlaceFilters, type Filters } from '../analysis/filters.ts';
import { describeFilters } from '../analysis/describeFilters.ts';

/**
 * The filters in one line: “筛选：康养 · 1 项条件”. With a county or zone card
 * open the card is the place, so the line names the other filters.
 */
export function foldText(filters: Filters, card: boolean, countyNames: ReadonlyMap<string, string>): string {
  const lines = describeFilters(card ? withoutPlaceFilters(filters) : filters, countyNames);
  if (lines.length === 0) return card ? '无其他条件' : '无';
  const values = lines.map((l) => l.slice(l.indexOf('：') + 1));
  return `${values.join('、')} · ${lines.length} 项条件`;
}

/**
 * The filter panel, or the one line that stands for it when folded (a county
 * or zone card is open on a laptop; always at first on a phone, where the
 * filters open as a sheet of their own with 完成 at its foot).
 */
export function FilterFold({
  open,
  text,
  onOpen,
  onClose,
  closeLabel,
  children,
}: {
  open: boolean;
  text: string;
  onOpen: () => void;
  /** Absent when the filters cannot fold (a laptop with no card open). */
  onClose?: () => void;
  closeLabel: string;
  children: ReactNode;
}) {
  return (
    <>
      {!open && (
        <div className="filter-fold">
          <span className="filter-fold-text" title={`筛选：${text}`}>
            筛选：{text}
          </span>
          <button type="button" className="link-button" aria-expanded={false} aria-controls="filter-sheet" onClick={onOpen}>
            展开
          </button>
        </div>
      )}
      <div id="filter-sheet" className="filter-sheet" hidden={!open}>
        {children}
        {onClose && (
          <div className="filter-sheet-foot">
            <button type="button" className="filter-done" aria-expanded={true} aria-controls="filter-sheet" onClick={onClose}>
              {closeLabel}
            </button>
          </div>
        )}
      </div>
    </>
  );
}
