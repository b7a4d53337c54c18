import { formatDensity, formatYi } from '../analysis/format.ts';
import type { Aggregation } from '../analysis/aggregate.ts';

/** What the current selection adds up to, with what is left out said plainly. */
export function SummaryBar({ aggregation, filtered }: { aggregation: Aggregation; filtered: boolean }) {
  const a = aggregation;
  return (
    <section className="summary" aria-label="汇总">
      <div className="summary-figures">
        <div>
          <span className="figure" data-testid="summary-count">{a.projectCount}</span>
          <span className="unit">项</span>
        </div>
        <div>
          <span className="figure" data-testid="summary-total">{formatYi(a.total)}</span>
          <span className="unit">亿元</span>
        </div>
        <div>
          <span className="figure" data-testid="summary-density">{formatDensity(a.cityDensity)}</span>
          <span className="unit">万元/km²</span>
        </div>
      </div>
      <p className="summary-notes">
        {filtered ? '当前筛选' : '全部项目'}
        {a.citywide.count > 0 && <span> · 全市性项目 {a.citywide.count} 项 · {formatYi(a.citywide.total)} 亿元（不计入县区）</span>}
        {a.unknown.count > 0 && <span className="flag"> · {a.unknown.count} 项未列投资额</span>}
        {a.duplicatesDropped > 0 && <span> · {a.duplicatesDropped} 项重复列出或为其他项目一部分，只计一次</span>}
      </p>
    </section>
  );
}
