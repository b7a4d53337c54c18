import { useMemo } from 'react';
import { formatYi } from '../analysis/format.ts';
import { projectMatcher } from '../analysis/filters.ts';
import { AS_OF_YEARS, investmentByYear } from '../analysis/years.ts';
import type { Dataset } from '../data/loadDataset.ts';
import { useAppStore } from '../state/store.ts';
import type { ExplorationView } from '../state/useExploration.ts';
import { YearChart } from './YearChart.tsx';
import { useYearPlayer } from './useYearPlayer.ts';

/**
 * 年度: the selection's investment by year (an assumption, said so), the
 * projects without a year as their own bar, and 在建年份: a slider and a
 * play button that filter the map and the list to the projects under
 * construction in one year.
 */
export function YearView({ dataset, view }: { dataset: Dataset; view: ExplorationView }) {
  const filters = useAppStore((s) => s.filters);
  const setFilters = useAppStore((s) => s.setFilters);
  const { asOf } = filters;
  // The chart is of the selection as the other filters make it: the year on the slider only highlights a bar.
  const zoneCounties = view.units.zoneCounties;
  const chartFilters = useMemo(() => ({ ...filters, asOf: null }), [filters]);
  const chart = useMemo(
    () => investmentByYear(dataset.projects.filter(projectMatcher(chartFilters, zoneCounties))),
    [dataset.projects, chartFilters, zoneCounties],
  );
  const player = useYearPlayer();
  const bar = asOf === null ? undefined : chart.years.find((b) => b.year === asOf);
  const unknown = view.unknownYear?.count ?? 0;

  return (
    <section className="year-view" aria-labelledby="year-view-title">
      <h2 id="year-view-title">按年度的投资</h2>
      <YearChart chart={chart} highlight={asOf} />
      <p className="hint" data-testid="year-assumption">
        假设：规划只列总投资和建设起止年限，图中把每个项目计入长治的投资在其建设年限内逐年平均分配（只写开工年的按一年计），并非规划的年度计划。
        “未列年份”是没有写明年份的 {chart.unknown.projects} 项，共 {formatYi(chart.unknown.amount)} 亿元，无法分到年度
        {chart.withoutAmount > 0 && `；另有 ${chart.withoutAmount} 项列了年份但未列投资额`}。
      </p>

      <fieldset className="asof-control">
        <legend>在建年份：地图与列表只显示建设年限包含该年的项目</legend>
        <div className="asof-row">
          <input
            type="range"
            min={AS_OF_YEARS.first}
            max={AS_OF_YEARS.last}
            step={1}
            value={asOf ?? AS_OF_YEARS.first}
            className={asOf === null ? 'asof-unset' : undefined}
            aria-label="在建年份"
            aria-valuetext={asOf === null ? '未选择' : `${asOf} 年`}
            onChange={(e) => {
              player.stop();
              setFilters({ asOf: Number(e.target.value) });
            }}
          />
          <output className="asof-year" aria-live="polite">
            {asOf === null ? '未选择' : `${asOf} 年`}
          </output>
        </div>
        <div className="asof-row">
          <button type="button" className="card-button" onClick={player.playing ? player.stop : player.play} aria-pressed={player.playing}>
            {player.playing ? '暂停' : `播放 ${AS_OF_YEARS.first}–${AS_OF_YEARS.last}`}
          </button>
          {asOf !== null && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                player.stop();
                setFilters({ asOf: null });
              }}
            >
              全部年份
            </button>
          )}
        </div>
      </fieldset>
      {asOf !== null && (
        <p className="asof-summary" data-testid="asof-summary">
          {asOf} 年在建 <b>{view.aggregation.projectCount}</b> 项，总投资 {formatYi(view.aggregation.total)} 亿元，按均摊当年约{' '}
          {formatYi(bar?.amount ?? 0)} 亿元。
          {unknown > 0 && <span className="flag">未列年份的 {unknown} 项不在其中。</span>}
        </p>
      )}
    </section>
  );
}
