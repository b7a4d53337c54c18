import type { Aggregation } from '../analysis/aggregate.ts';
import { formatDensity, formatYi } from '../analysis/format.ts';
import { selectionFigures } from '../analysis/selection.ts';

/**
 * What the current selection adds up to, with what is left out said plainly.
 * With a county or zone chosen, the money is what is allocated to it.
 */
export function SummaryBar({
  aggregation: a,
  filtered,
  placeCounties,
  yearNote = null,
}: {
  aggregation: Aggregation;
  filtered: boolean;
  placeCounties: readonly string[];
  /** Projects a year filter cannot place, counted apart (unknownYearText). */
  yearNote?: string | null;
}) {
  const place = placeCounties.length > 0;
  const sel = selectionFigures(a, placeCounties);
  return (
    <section className="summary" aria-label="汇总">
      <div className="summary-figures">
        <div>
          <span className="figure" data-testid="summary-count">{a.projectCount}</span>
          <span className="unit">项</span>
        </div>
        <div title={place ? '分摊到所选县区的投资' : '投资合计（含全市性项目）'}>
          <span className="figure" data-testid="summary-total">{formatYi(sel.allocated)}</span>
          <span className="unit">亿元{place ? '（分摊）' : ''}</span>
        </div>
        <div>
          <span className="figure" data-testid="summary-density">{formatDensity(sel.density)}</span>
          <span className="unit">万元/km²</span>
        </div>
      </div>
      <p className="summary-notes">
        {filtered ? '当前筛选' : '全部项目'}
        {place && <span> · 所涉项目全额 {formatYi(a.total)} 亿元</span>}
        {a.citywide.count > 0 && <span> · 全市性项目 {a.citywide.count} 项 · {formatYi(a.citywide.total)} 亿元（不计入县区）</span>}
        {a.unknown.count > 0 && <span className="flag"> · {a.unknown.count} 项未列投资额</span>}
        {yearNote && <span className="flag" data-testid="summary-year"> · {yearNote}</span>}
        {a.duplicatesDropped > 0 && (
          <span data-testid="summary-repeats">
            {' '}
            · 列表 {a.projectCount + a.duplicatesDropped} 行中 {a.duplicatesDropped} 行重复列出或为其他项目一部分，只计一次
          </span>
        )}
      </p>
    </section>
  );
}
