import { concentration, concentrationSentence, GINI_NOTE, type LorenzPoint } from '../analysis/concentration.ts';
import type { AreaStats } from '../analysis/aggregate.ts';
import { percentText } from './AreaTable.tsx';

/**
 * The Lorenz curve in SVG: residents (areas in ascending order of 元/人)
 * along x, investment along y, the diagonal of equal shares dashed, a dot per
 * area with its name as a tooltip.
 */
export function LorenzCurve({ points, names, size = 180 }: { points: readonly LorenzPoint[]; names: ReadonlyMap<string, string>; size?: number }) {
  const pad = { left: 44, bottom: 30, top: 8, right: 16 };
  const w = size + pad.left + pad.right;
  const h = size + pad.top + pad.bottom;
  const px = (x: number) => pad.left + x * size;
  const py = (y: number) => pad.top + (1 - y) * size;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ');
  const described = points
    .filter((p) => p.key !== null)
    .map((p) => `${names.get(p.key!) ?? p.key} 人口累计 ${percentText(p.x)}、投资累计 ${percentText(p.y)}`)
    .join('；');
  return (
    <svg className="lorenz" width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`洛伦兹曲线：${described}`}>
      <rect x={px(0)} y={py(1)} width={size} height={size} fill="#fff" stroke="#c9ced6" />
      {[0.25, 0.5, 0.75].map((t) => (
        <g key={t} stroke="#eceff3">
          <line x1={px(t)} x2={px(t)} y1={py(0)} y2={py(1)} />
          <line x1={px(0)} x2={px(1)} y1={py(t)} y2={py(t)} />
        </g>
      ))}
      <path d={`${path} L${px(1)},${py(0)} Z`} fill="#d7e6f7" opacity="0.7" />
      <line x1={px(0)} y1={py(0)} x2={px(1)} y2={py(1)} stroke="#6a737d" strokeDasharray="4 3" />
      <text x={px(0.52)} y={py(0.6)} fontSize="10" fill="#6a737d" transform={`rotate(-45 ${px(0.52)} ${py(0.6)})`}>
        完全均等
      </text>
      <path d={path} fill="none" stroke="#1f5fa8" strokeWidth="2" />
      {points
        .filter((p) => p.key !== null)
        .map((p) => (
          <circle key={p.key} cx={px(p.x)} cy={py(p.y)} r="3" fill="#1f5fa8">
            <title>{`${names.get(p.key!) ?? p.key}：人口累计 ${percentText(p.x)}，投资累计 ${percentText(p.y)}`}</title>
          </circle>
        ))}
      {[0, 0.5, 1].map((t) => (
        <g key={t} fontSize="10" fill="#57606a">
          <text x={px(t)} y={py(0) + 12} textAnchor="middle">
            {t * 100}%
          </text>
          <text x={px(0) - 4} y={py(t) + 3} textAnchor="end">
            {t * 100}%
          </text>
        </g>
      ))}
      <text x={px(0.5)} y={h - 4} fontSize="11" fill="#1f2328" textAnchor="middle">
        常住人口累计（人均投资从低到高）
      </text>
      <text x={11} y={py(0.5)} fontSize="11" fill="#1f2328" textAnchor="middle" transform={`rotate(-90 11 ${py(0.5)})`}>
        投资累计
      </text>
    </svg>
  );
}

/**
 * How concentrated the investment of `areas` is: one plain sentence, the
 * Lorenz curve by residents and the figures behind it. Says so when there is
 * no investment to compare.
 */
export function ConcentrationBlock({ areas, title, testId }: { areas: readonly AreaStats[]; title: string; testId?: string }) {
  const c = concentration(areas);
  const names = new Map(areas.map((a) => [a.key, a.name]));
  return (
    <section className="concentration" aria-label={title} data-testid={testId}>
      <h3 className="card-h3">{title}</h3>
      {!c ? (
        <p className="empty">当前筛选下没有可分摊到县区的投资，无从比较。</p>
      ) : (
        <>
          <p className="concentration-sentence">{concentrationSentence(c)}</p>
          <div className="concentration-body">
            {c.lorenzPerCapita && c.units > 1 && <LorenzCurve points={c.lorenzPerCapita} names={names} />}
            <dl className="concentration-figures">
              <div>
                <dt>最多的县区</dt>
                <dd>
                  {c.top1.name} {percentText(c.top1.share)}
                </dd>
              </div>
              {c.units > 3 && (
                <div>
                  <dt>前三个县区</dt>
                  <dd>{percentText(c.top3)}</dd>
                </div>
              )}
              {c.units > 1 && (
                <>
                  <div>
                    <dt>基尼系数（按人均）</dt>
                    <dd>{c.giniPerCapita === null ? '无人口数据' : c.giniPerCapita.toFixed(2)}</dd>
                  </div>
                  <div>
                    <dt>基尼系数（按县区）</dt>
                    <dd>{c.giniTotal.toFixed(2)}</dd>
                  </div>
                </>
              )}
            </dl>
          </div>
          {c.units > 1 && <p className="hint">{GINI_NOTE}“按人均”把每个常住居民算一份（曲线即此），“按县区”把每个县区算一份。</p>}
        </>
      )}
    </section>
  );
}
