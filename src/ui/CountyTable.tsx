import type { Aggregation } from '../analysis/aggregate.ts';
import { formatYi } from '../analysis/format.ts';
import { useAppStore } from '../state/store.ts';
import { AreaTable } from './AreaTable.tsx';
import { ConcentrationBlock } from './Concentration.tsx';

/**
 * The map's figures as tables: the 12 counties and the 4 zones ranked by the
 * chosen metric, sortable by any column, and how concentrated the investment
 * is. Reachable without the map (screen readers, no WebGL).
 */
export function CountyTable({ aggregation }: { aggregation: Aggregation }) {
  const toggleCounty = useAppStore((s) => s.toggleCounty);
  const selected = useAppStore((s) => s.filters.counties);
  const metric = useAppStore((s) => s.metric);
  const placeChosen = useAppStore((s) => s.filters.counties.length > 0 || s.filters.zone !== null);
  const scope = `当前筛选${placeChosen ? '，不限县区与片区' : ''}`;
  return (
    <section className="tables">
      <AreaTable
        stats={aggregation.counties}
        metric={metric}
        label="县区投资表"
        nameLabel="县区"
        caption={(order) => `${aggregation.counties.length} 个县区，${order}（${scope}）`}
        onRow={toggleCounty}
        selected={selected}
      />
      <p className="hint">
        点击列名排序，再点一次反向。点击县区名可按该县区筛选。括号内为未列投资额的项目数。占全市：占 12 个县区分摊投资之和（全市性项目不计）。人口为 2020年常住人口。
      </p>
      <ConcentrationBlock areas={aggregation.counties} title="投资集中程度（12 个县区）" testId="concentration" />
      <AreaTable
        stats={aggregation.zones}
        metric={metric}
        label="片区投资表"
        nameLabel="片区"
        caption={(order) => `美丽乡村四片区，${order}`}
        shortName={(name) => name.replace(/片区$/, '')}
      />
      <p className="hint">
        全市性项目 {aggregation.citywide.count} 项 · {formatYi(aggregation.citywide.total)} 亿元，不计入县区和片区。
      </p>
    </section>
  );
}
