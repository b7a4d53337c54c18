import { useState } from 'react';
import type { Classification } from '../analysis/classify.ts';
import { useAppStore } from '../state/store.ts';
import { METRIC_LABEL, METRIC_UNIT } from '../analysis/metric.ts';
import type { SpreadSummary } from '../analysis/spread.ts';
import { Legend } from './Legend.tsx';
import { useNarrow } from './useNarrow.ts';

const STORAGE_KEY = 'cz-legend';

function storedOpen(): boolean | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'open' ? true : v === 'closed' ? false : null;
  } catch {
    return null;
  }
}

function storeOpen(open: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, open ? 'open' : 'closed');
  } catch {
    // Storage refused (private mode, a policy): the choice lasts for this page only.
  }
}

/**
 * The legend's box over the map, folding to one line (图例 and the metric).
 * On a laptop it starts open and the choice is remembered across reloads; on
 * a phone it always starts as one line and opens over the map, which then
 * does not frame around it (it is read, then closed).
 */
export function LegendBox({ classification, spread }: { classification: Classification; spread?: SpreadSummary }) {
  const narrow = useNarrow();
  const metric = useAppStore((s) => s.metric);
  const [remembered, setRemembered] = useState(storedOpen);
  const [openOnPhone, setOpenOnPhone] = useState(false);
  const open = narrow ? openOnPhone : (remembered ?? true);
  const toggle = () => {
    if (narrow) return setOpenOnPhone(!open);
    setRemembered(!open);
    storeOpen(!open);
  };
  return (
    <aside className={open ? 'legend legend-open' : 'legend legend-closed'} aria-label="图例" data-overlay={narrow && open ? undefined : ''}>
      <button type="button" className="legend-toggle" aria-expanded={open} aria-controls="legend-body" onClick={toggle}>
        <span className="legend-toggle-title">图例</span>
        {!open && (
          <span className="legend-toggle-metric">
            {METRIC_LABEL[metric]}（{METRIC_UNIT[metric]}）
          </span>
        )}
        <span className="legend-toggle-action">{open ? '收起' : '展开'}</span>
      </button>
      {open && <Legend classification={classification} spread={spread} />}
    </aside>
  );
}
