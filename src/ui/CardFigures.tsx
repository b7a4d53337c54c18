import type { AreaCardFigures, Ranks } from '../analysis/areaCard.ts';
import { formatArea, formatDensity, formatPerCapita, formatResidents, formatYi } from '../analysis/format.ts';
import { METRIC_LABEL, type Metric } from '../analysis/metric.ts';

export function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`;
}

function RankNote({ rank, of }: { rank: number; of: number }) {
  return (
    <span className="card-rank">
      第 <b>{rank}</b> / {of}
    </span>
  );
}

/** The figures block, shared by the card on screen and the printed sheet. */
export function CardFigures({ card, testIds = false }: { card: AreaCardFigures; testIds?: boolean }) {
  const id = (name: string) => (testIds ? name : undefined);
  const s = card.stats;
  const of = card.rankedAmong;
  const r: Ranks = card.ranks;
  return (
    <dl className="card-figures">
      <div>
        <dt>项目</dt>
        <dd>
          <span className="card-value" data-testid={id('card-count')}>
            {s.count}
          </span>{' '}
          项 <RankNote rank={r.count} of={of} />
        </dd>
      </div>
      <div>
        <dt>投资（分摊）</dt>
        <dd>
          <span className="card-value" data-testid={id('card-total')}>
            {formatYi(s.total)}
          </span>{' '}
          亿元 <RankNote rank={r.total} of={of} />
        </dd>
      </div>
      <div>
        <dt>投资密度</dt>
        <dd>
          <span className="card-value" data-testid={id('card-density')}>
            {formatDensity(s.density)}
          </span>{' '}
          万元/km² <RankNote rank={r.density} of={of} />
        </dd>
      </div>
      <div>
        <dt>人均投资</dt>
        <dd>
          {s.perCapita === null ? (
            '无人口数据'
          ) : (
            <>
              <span className="card-value" data-testid={id('card-percapita')}>
                {formatPerCapita(s.perCapita)}
              </span>{' '}
              元/人 <RankNote rank={r.percapita} of={of} />
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>{s.population === null ? '面积' : '面积 · 常住人口'}</dt>
        <dd>
          {formatArea(s.areaKm2)} km²
          {s.population !== null && <span title="2020年第七次全国人口普查常住人口"> · {formatResidents(s.population)} 万人</span>}
        </dd>
      </div>
      <div>
        <dt>位置精于县级</dt>
        <dd data-testid={id('card-precise')}>
          {card.precise} / {s.count} 项（{percent(card.precise, s.count)}）
        </dd>
      </div>
      {s.unknownCount > 0 && (
        <div>
          <dt>未列投资额</dt>
          <dd className="flag">{s.unknownCount} 项（不计入投资和密度）</dd>
        </div>
      )}
    </dl>
  );
}

const RANK_HEAD: Record<Metric, string> = { density: '密度排名', total: '投资排名', percapita: '人均排名', count: '项目排名' };

/** Member counties of a zone side by side, with their ranks among the 12 by the chosen metric. */
export function MemberTable({ card, metric }: { card: AreaCardFigures; metric: Metric }) {
  return (
    <table className="data-table card-members" aria-label={`${card.stats.name}所含县区`}>
      <thead>
        <tr>
          <th scope="col">县区</th>
          <th scope="col" className="num">项目</th>
          <th scope="col" className="num">投资 亿元</th>
          <th scope="col" className="num">密度 万元/km²</th>
          <th scope="col" className="num">人均 元/人</th>
          <th scope="col" className="num" title={`${METRIC_LABEL[metric]}在 12 个县区中的排名`}>
            {RANK_HEAD[metric]}
          </th>
        </tr>
      </thead>
      <tbody>
        {card.members.map((m) => (
          <tr key={m.key}>
            <th scope="row" className="nowrap">
              {m.name}
            </th>
            <td className="num">{m.count}</td>
            <td className="num">{formatYi(m.total)}</td>
            <td className="num">{formatDensity(m.density)}</td>
            <td className="num">{m.perCapita === null ? '—' : formatPerCapita(m.perCapita)}</td>
            <td className="num nowrap">
              {m.ranks[metric]} / 12
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
