import { useState, type ReactNode } from 'react';
import type { AreaStats } from '../analysis/aggregate.ts';
import { investmentShares } from '../analysis/concentration.ts';
import { formatArea, formatDensity, formatPerCapita, formatResidents, formatYi } from '../analysis/format.ts';
import { METRIC_LABEL, metricValue, type Metric } from '../analysis/metric.ts';
import { rankDescending } from '../analysis/rank.ts';

export type AreaColumn = 'rank' | 'name' | 'count' | 'total' | 'share' | 'density' | 'percapita' | 'area' | 'population';

interface Column {
  key: AreaColumn;
  /** The header, with its unit on a second line. */
  label: string;
  unit?: string;
  /** The value sorted on; null sorts last whichever the direction. */
  value: (s: AreaStats, ctx: RowContext) => number | string | null;
  cell: (s: AreaStats, ctx: RowContext) => ReactNode;
  /** The first click sorts ascending (names, ranks) or descending (figures). */
  ascendingFirst?: boolean;
}

interface RowContext {
  rank: number;
  share: number | null;
}

const collator = new Intl.Collator('zh-CN');

export const percentText = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`);

const COLUMNS: readonly Column[] = [
  { key: 'rank', label: '排名', value: (_s, c) => c.rank, cell: (_s, c) => c.rank, ascendingFirst: true },
  { key: 'name', label: '名称', value: (s) => s.name, cell: () => null, ascendingFirst: true },
  {
    key: 'count',
    label: '项目',
    value: (s) => s.count,
    cell: (s) => (
      <>
        {s.count}
        {s.unknownCount > 0 && (
          <span className="flag count-unknown" title="其中未列投资额的项目数">
            ({s.unknownCount})
          </span>
        )}
      </>
    ),
  },
  { key: 'total', label: '投资', unit: '亿元', value: (s) => s.total, cell: (s) => formatYi(s.total) },
  { key: 'share', label: '占全市', value: (_s, c) => c.share, cell: (_s, c) => percentText(c.share) },
  { key: 'density', label: '密度', unit: '万元/km²', value: (s) => s.density, cell: (s) => formatDensity(s.density) },
  { key: 'percapita', label: '人均', unit: '元/人', value: (s) => s.perCapita, cell: (s) => (s.perCapita === null ? '—' : formatPerCapita(s.perCapita)) },
  { key: 'area', label: '面积', unit: 'km²', value: (s) => s.areaKm2, cell: (s) => formatArea(s.areaKm2) },
  { key: 'population', label: '人口', unit: '万人', value: (s) => s.population, cell: (s) => (s.population === null ? '—' : formatResidents(s.population)) },
];

export interface AreaSort {
  column: AreaColumn;
  descending: boolean;
}

export const RANK_SORT: AreaSort = { column: 'rank', descending: false };

/** The rows in the chosen order; missing figures last either way, ties by rank, then name. */
export function sortAreas(stats: readonly AreaStats[], metric: Metric, sort: AreaSort): { stats: AreaStats; ctx: RowContext }[] {
  const ranks = rankDescending(stats, (s) => s.key, (s) => metricValue(s, metric) ?? -Infinity);
  const shares = investmentShares(stats);
  const column = COLUMNS.find((c) => c.key === sort.column)!;
  const rows = stats.map((s) => ({ stats: s, ctx: { rank: ranks.get(s.key)!, share: shares.get(s.key) ?? null } }));
  const sign = sort.descending ? -1 : 1;
  return rows.sort((a, b) => {
    const x = column.value(a.stats, a.ctx);
    const y = column.value(b.stats, b.ctx);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      const d = typeof x === 'string' ? collator.compare(x, y as string) : x - (y as number);
      if (d !== 0) return sign * d;
    }
    return a.ctx.rank - b.ctx.rank || collator.compare(a.stats.name, b.stats.name);
  });
}

/** “按人均投资排名”, or what the rows are sorted by when it is another column. */
export function sortDescription(sort: AreaSort, metric: Metric, nameLabel: string): string {
  if (sort.column === 'rank') return `按${METRIC_LABEL[metric]}排名${sort.descending ? '（倒序）' : ''}`;
  const c = COLUMNS.find((x) => x.key === sort.column)!;
  return `按${METRIC_LABEL[metric]}排名，现按${c.key === 'name' ? nameLabel : c.label}${sort.descending ? '从高到低' : '从低到高'}排列`;
}

/**
 * The areas (12 counties or 4 zones) as a table ranked by the chosen metric,
 * every column sortable from its header (a button: click, Enter or Space),
 * with `aria-sort` on the sorted one.
 */
export function AreaTable({
  stats,
  metric,
  label,
  nameLabel,
  caption,
  onRow,
  selected,
  shortName = (name) => name,
}: {
  stats: readonly AreaStats[];
  metric: Metric;
  label: string;
  nameLabel: string;
  /** The caption's start: “12 个县区”; the sort order follows. */
  caption: (sortText: string) => string;
  onRow?: (key: string) => void;
  selected?: readonly string[];
  /** The name as the row shows it (a zone without its 片区 suffix), the full one being the row's title. */
  shortName?: (name: string) => string;
}) {
  const [sort, setSort] = useState<AreaSort>(RANK_SORT);
  const rows = sortAreas(stats, metric, sort);
  const toggle = (c: Column) =>
    setSort((s) => (s.column === c.key ? { column: c.key, descending: !s.descending } : { column: c.key, descending: !c.ascendingFirst }));
  return (
    <div className="table-scroll">
      <table className="data-table area-table" aria-label={label}>
        <caption>{caption(sortDescription(sort, metric, nameLabel))}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const on = sort.column === c.key;
              const name = c.key === 'name' ? nameLabel : c.key === 'rank' ? `${METRIC_LABEL[metric]}排名` : c.label;
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.key === 'name' ? 'col-name' : c.key === 'rank' ? undefined : 'num'}
                  aria-sort={on ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                >
                  <button type="button" className="sort-button" onClick={() => toggle(c)} title={`按${name}排序`}>
                    {c.key === 'name' ? nameLabel : c.label}
                    {c.key === 'rank' && <span className="sr-only">（{METRIC_LABEL[metric]}）</span>}
                    {c.unit && <span className="col-unit">{c.unit}</span>}
                    <span className="sort-mark" aria-hidden="true">
                      {on ? (sort.descending ? '▼' : '▲') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ stats: s, ctx }) => (
            <tr key={s.key} className={selected?.includes(s.key) ? 'row-selected' : undefined}>
              {COLUMNS.map((c) =>
                c.key === 'name' ? (
                  <th key={c.key} scope="row" className="col-name" title={shortName(s.name) === s.name ? undefined : s.name}>
                    {onRow ? (
                      <button type="button" className="link-button" onClick={() => onRow(s.key)} aria-pressed={selected?.includes(s.key)}>
                        {s.name}
                      </button>
                    ) : (
                      shortName(s.name)
                    )}
                  </th>
                ) : (
                  <td key={c.key} className={c.key === 'rank' ? undefined : 'num'}>
                    {c.cell(s, ctx)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
