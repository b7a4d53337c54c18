import type { Aggregation, AreaStats } from '../analysis/aggregate.ts';
import { formatArea, formatDensity, formatYi } from '../analysis/format.ts';
import { rankDescending } from '../analysis/rank.ts';
import type { GeoBundle } from '../geo/types.ts';
import { useAppStore } from '../state/store.ts';

function Rows({ stats, zoneOf, onRow, selected }: { stats: AreaStats[]; zoneOf?: Map<string, string>; onRow?: (key: string) => void; selected?: string[] }) {
  const rank = rankDescending(stats, (s) => s.key, (s) => s.density);
  const sorted = [...stats].sort((a, b) => rank.get(a.key)! - rank.get(b.key)! || a.name.localeCompare(b.name, 'zh-CN'));
  return (
    <>
      {sorted.map((s) => (
        <tr key={s.key} className={selected?.includes(s.key) ? 'row-selected' : undefined}>
          <td>{rank.get(s.key)}</td>
          <th scope="row">
            {onRow ? (
              <button type="button" className="link-button" onClick={() => onRow(s.key)} aria-pressed={selected?.includes(s.key)}>
                {s.name}
              </button>
            ) : (
              s.name
            )}
          </th>
          {zoneOf && <td className="zone-cell">{zoneOf.get(s.key)}</td>}
          <td className="num">{formatArea(s.areaKm2)}</td>
          <td className="num">
            {s.count}
            {s.unknownCount > 0 && <span className="flag" title="其中未列投资额的项目数">（{s.unknownCount}）</span>}
          </td>
          <td className="num">{formatYi(s.total)}</td>
          <td className="num">{formatDensity(s.density)}</td>
        </tr>
      ))}
    </>
  );
}

/**
 * The map's figures as tables: the 12 counties and the 4 zones ranked by
 * density. Reachable without the map (screen readers, no WebGL).
 */
export function CountyTable({ aggregation, geo }: { aggregation: Aggregation; geo: GeoBundle }) {
  const toggleCounty = useAppStore((s) => s.toggleCounty);
  const selected = useAppStore((s) => s.filters.counties);
  const placeChosen = useAppStore((s) => s.filters.counties.length > 0 || s.filters.zone !== null);
  const zoneOf = new Map(geo.counties.features.map((f) => [f.properties.adcode, f.properties.zone]));
  const head = (first: string, withZone: boolean) => (
    <thead>
      <tr>
        <th scope="col">排名</th>
        <th scope="col">{first}</th>
        {withZone && <th scope="col">片区</th>}
        <th scope="col" className="num">面积 km²</th>
        <th scope="col" className="num">项目数</th>
        <th scope="col" className="num">投资 亿元</th>
        <th scope="col" className="num">密度 万元/km²</th>
      </tr>
    </thead>
  );
  return (
    <section className="tables">
      <table className="data-table" aria-label="县区投资表">
        <caption>12 个县区，按投资密度排名（当前筛选{placeChosen ? '，不限县区与片区' : ''}）</caption>
        {head('县区', true)}
        <tbody>
          <Rows stats={aggregation.counties} zoneOf={zoneOf} onRow={toggleCounty} selected={selected} />
        </tbody>
      </table>
      <p className="hint">点击县区名可按该县区筛选。括号内为未列投资额的项目数。</p>
      <table className="data-table" aria-label="片区投资表">
        <caption>美丽乡村四片区</caption>
        {head('片区', false)}
        <tbody>
          <Rows stats={aggregation.zones} />
        </tbody>
      </table>
      <p className="hint">
        全市性项目 {aggregation.citywide.count} 项 · {formatYi(aggregation.citywide.total)} 亿元，不计入县区和片区。
      </p>
    </section>
  );
}
