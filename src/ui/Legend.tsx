import { ALLOCATION_RULE } from '../analysis/allocate.ts';
import { CLASS_METHODS, CLASS_METHOD_LABEL, classLabels, type ClassMethod, type Classification } from '../analysis/classify.ts';
import { METRIC_DENOMINATOR, METRIC_LABEL, METRIC_UNIT, metricFormat } from '../analysis/metric.ts';
import { SPREAD_MEANING, spreadExclusionText, spreadLegendLine, type SpreadSummary } from '../analysis/spread.ts';
import { CATEGORIES, CATEGORY_LABEL } from '../data/project.ts';
import { useLayerStore } from '../state/layers.ts';
import { METRICS, useAppStore, type Metric } from '../state/store.ts';
import { CATEGORY_COLORS, NO_DATA_COLOR, choroplethColors, pointRadius } from '../theme/palette.ts';

// These moved to src/analysis/metric.ts (the tour needs them without the UI); re-exported while other branches still import them from here.
export { METRIC_LABEL, METRIC_UNIT, metricFormat };

/** Choropleth classes with their unit, the allocation rule, and keys for points and zones. */
export function Legend({ classification, spread }: { classification: Classification; spread?: SpreadSummary }) {
  const metric = useAppStore((s) => s.metric);
  const setMetric = useAppStore((s) => s.setMetric);
  const method = useAppStore((s) => s.classMethod);
  const setMethod = useAppStore((s) => s.setClassMethod);
  const showZones = useAppStore((s) => s.showZones);
  const setShowZones = useAppStore((s) => s.setShowZones);
  const showSpread = useAppStore((s) => s.showSpread);
  const setShowSpread = useAppStore((s) => s.setShowSpread);
  const importedLayers = useLayerStore((s) => s.layers);
  const shownLayers = importedLayers.filter((l) => l.visible);
  const labels = classLabels(classification, metricFormat(metric));
  const colors = choroplethColors(labels.length);
  const hasData = classification.max > 0;

  return (
    <div className="legend-body" id="legend-body">
      <div className="legend-controls">
        <label>
          <span className="sr-only">指标</span>
          <select value={metric} onChange={(e) => setMetric(e.target.value as Metric)} aria-label="指标">
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {METRIC_LABEL[m]}（{METRIC_UNIT[m]}）
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="sr-only">分级方法</span>
          <select value={method} onChange={(e) => setMethod(e.target.value as ClassMethod)} aria-label="分级方法">
            {CLASS_METHODS.map((m) => (
              <option key={m} value={m}>
                {CLASS_METHOD_LABEL[m]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ul className="legend-classes" aria-label={`${METRIC_LABEL[metric]}分级（${METRIC_UNIT[metric]}）`}>
        {hasData &&
          labels.map((l, i) => (
            <li key={l.text}>
              <span className="swatch" style={{ background: colors[i] }} aria-hidden="true" />
              {l.text}
            </li>
          ))}
        <li>
          <span className="swatch" style={{ background: NO_DATA_COLOR }} aria-hidden="true" />
          {metric === 'count' ? '无项目' : '无项目或未列投资额'}
        </li>
      </ul>
      <p className="legend-unit">
        单位：{METRIC_UNIT[metric]}
        {METRIC_DENOMINATOR[metric] && <span className="legend-denominator">；分母：{METRIC_DENOMINATOR[metric]}</span>}
      </p>
      {metric !== 'count' && <p className="legend-note">{ALLOCATION_RULE}</p>}

      <div className="legend-section">
        <div className="legend-title">项目类别</div>
        <ul className="legend-inline">
          {CATEGORIES.map((c) => (
            <li key={c}>
              <span className="dot" style={{ background: CATEGORY_COLORS[c] }} aria-hidden="true" />
              {CATEGORY_LABEL[c]}
            </li>
          ))}
        </ul>
      </div>
      <details className="legend-section legend-points" open>
        <summary className="legend-title">点：大小为投资额（亿元，面积成比例）</summary>
        <svg width="170" height="96" role="img" aria-label="1、10、100 亿元的圆点大小">
          {[1, 10, 100].map((v, i) => {
            const r = pointRadius(v);
            const cx = [10, 34, 96][i]!;
            return (
              <g key={v}>
                <circle cx={cx} cy={94 - r} r={r} fill="none" stroke="#555" />
                <text x={cx} y={94 - 2 * r - 3} textAnchor="middle" fontSize="10" fill="#333">
                  {v}
                </text>
              </g>
            );
          })}
        </svg>
        <ul className="legend-inline">
          <li>
            <span className="pt pt-solid" aria-hidden="true" />
            村级
          </li>
          <li>
            <span className="pt pt-ring" aria-hidden="true" />
            乡镇级
          </li>
          <li title="只知在中心城区（如市直学校），所在街道未知">
            <span className="pt pt-urban" aria-hidden="true" />
            中心城区
          </li>
          <li>
            <span className="pt pt-halo" aria-hidden="true" />
            仅知县区
          </li>
          <li>
            <span className="pt pt-hollow" aria-hidden="true" />
            未列投资额
          </li>
          <li>
            <span className="pt pt-cluster" aria-hidden="true" />
            聚合：合计亿元 / 点数
          </li>
        </ul>
      </details>
      {shownLayers.length > 0 && (
        <section className="legend-section" aria-label="导入图层的图例">
          <div className="legend-title">导入的图层（黑边点，不计入规划合计）</div>
          <ul className="legend-inline">
            {shownLayers.map((l) => (
              <li key={l.id}>
                <span className="pt pt-imported" style={{ background: l.color }} aria-hidden="true" />
                {l.name}
              </li>
            ))}
          </ul>
        </section>
      )}
      <label className="legend-section switch">
        <input type="checkbox" checked={showZones} onChange={(e) => setShowZones(e.target.checked)} />
        <span className="swatch swatch-dashed" aria-hidden="true" />
        美丽乡村四片区
      </label>
      <label className="legend-section switch switch-block">
        <input type="checkbox" checked={showSpread} onChange={(e) => setShowSpread(e.target.checked)} />
        <svg width="22" height="14" aria-hidden="true">
          <ellipse cx="11" cy="7" rx="10" ry="5.5" fill="none" stroke="#333" strokeDasharray="3 2" />
          <path d="M11 3v8M7 7h8" stroke="#333" strokeWidth="1.6" />
        </svg>
        投资重心与标准差椭圆
      </label>
      {showSpread && spread && <SpreadNote spread={spread} />}
    </div>
  );
}

/** What the spread layer shows, in words: each group's centre and ellipse, and what it leaves out. */
function SpreadNote({ spread }: { spread: SpreadSummary }) {
  if (spread.groups.length === 0) return <p className="legend-note">当前筛选下没有可定位且列有投资额的项目，无投资重心。</p>;
  const left = spreadExclusionText(spread.excluded);
  return (
    <div className="legend-note spread-note" data-testid="spread-note">
      {spread.groups.map((g) => (
        <p key={g.key}>{spreadLegendLine(g)}</p>
      ))}
      <p>
        {SPREAD_MEANING}
        {left && `${left}。`}
      </p>
    </div>
  );
}
