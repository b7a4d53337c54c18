import { classLabels } from '../analysis/classify.ts';
import { METRIC_LABEL, METRIC_UNIT, metricFormat } from '../analysis/metric.ts';
import { fullscreenAvailable, isFullscreen } from '../present/fullscreen.ts';
import { performTourAction, type Presenter } from '../present/usePresenter.ts';
import { useAppStore } from '../state/store.ts';
import { CATEGORIES, CATEGORY_LABEL } from '../data/project.ts';
import type { TourStep } from '../present/tour.ts';
import { BASEMAP, CATEGORY_COLORS, choroplethColors } from '../theme/palette.ts';
import './present.css';

const INTERVALS = [5, 8, 10, 15, 20, 30, 60];

/** What the marks on the map mean, on the steps that draw them: the audience cannot hover to ask. */
function MapKey({ step }: { step: TourStep }) {
  if (step.kind === 'ranking') {
    return (
      <ul className="caption-key" aria-label="图例">
        <li>县区名前的数字为投资密度排名</li>
      </ul>
    );
  }
  return (
    <ul className="caption-key" aria-label="图例">
      {CATEGORIES.map((c) => (
        <li key={c}>
          <span className="key-dot" style={{ background: CATEGORY_COLORS[c] }} aria-hidden="true" />
          {CATEGORY_LABEL[c]}
        </li>
      ))}
      {step.kind === 'largest' ? (
        <>
          <li>
            <span className="key-ring" aria-hidden="true" />
            圈出：最大的项目，数字为名次
          </li>
          {step.annotations.some((a) => a.lines) && (
            <li>
              <span className="key-line" aria-hidden="true" />
              虚线：跨县区线路
            </li>
          )}
        </>
      ) : (
        <li>
          <span className="key-dot key-cluster" style={{ background: BASEMAP.cluster }} aria-hidden="true" />
          聚合：合计亿元 / 点数
        </li>
      )}
      <li>实心：村级位置；空心环：乡镇级；淡环：中心城区；淡晕：仅知县区</li>
    </ul>
  );
}

/**
 * Presenter mode's only chrome: a caption with the step's title and key
 * figures, the density classes, the ranked list where the step has one, and
 * a slim row of controls (everything also on the keyboard or a remote).
 */
export function PresenterOverlay({ presenter }: { presenter: Presenter }) {
  const { steps, index, step, exploration } = presenter;
  const playing = useAppStore((s) => s.playing);
  const playSeconds = useAppStore((s) => s.playSeconds);
  const setPlaySeconds = useAppStore((s) => s.setPlaySeconds);
  const metric = useAppStore((s) => s.metric);
  const labels = classLabels(exploration.classification, metricFormat(metric));
  const colors = choroplethColors(labels.length);
  const act = (type: 'next' | 'prev' | 'toggle-play' | 'leave' | 'fullscreen') => performTourAction({ type }, steps.length);

  return (
    <div className="presenter" data-testid="presenter">
      {step.rows.length > 0 && (
        <ol className="presenter-rows" aria-label={step.title}>
          {step.rows.map((r) => (
            <li key={`${r.rank}-${r.name}`}>
              <span className="row-rank">{r.rank}</span>
              <span className="row-name">{r.name}</span>
              <span className="row-value">
                {r.value}
                <span className="row-unit"> {r.unit}</span>
              </span>
              <span className="row-detail">{r.detail}</span>
            </li>
          ))}
        </ol>
      )}
      <section className="presenter-caption" aria-live="polite" aria-label="演示说明">
        <div className="caption-main">
          <p className="caption-step">
            {index} / {steps.length}
          </p>
          <h2 className="caption-title">{step.title}</h2>
          {step.figures.length > 0 && (
            <dl className="caption-figures">
              {step.figures.map((f) => (
                <div key={f.label}>
                  <dt>{f.label}</dt>
                  <dd>
                    <b>{f.value}</b>
                    {f.unit && <span> {f.unit}</span>}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </div>
        {step.subtitle && <p className="caption-sub">{step.subtitle}</p>}
        <MapKey step={step} />
        <div className="caption-foot">
          <ul className="caption-legend" aria-label={`${METRIC_LABEL[metric]}分级（${METRIC_UNIT[metric]}）`}>
            <li className="legend-name">
              {METRIC_LABEL[metric]} {METRIC_UNIT[metric]}
            </li>
            {exploration.classification.max > 0 &&
              labels.map((l, i) => (
                <li key={l.text}>
                  <span className="swatch" style={{ background: colors[i] }} aria-hidden="true" />
                  {l.text}
                </li>
              ))}
          </ul>
          <div className="caption-controls">
            <button type="button" onClick={() => act('prev')} aria-label="上一步" disabled={index === 1}>
              ←
            </button>
            <button type="button" onClick={() => act('next')} aria-label="下一步" disabled={index === steps.length}>
              →
            </button>
            <button type="button" onClick={() => act('toggle-play')} aria-pressed={playing}>
              {playing ? '暂停 P' : '播放 P'}
            </button>
            <label>
              <span className="sr-only">自动播放间隔</span>
              <select value={playSeconds} onChange={(e) => setPlaySeconds(Number(e.target.value))} aria-label="自动播放间隔（秒）">
                {INTERVALS.map((s) => (
                  <option key={s} value={s}>
                    每 {s} 秒
                  </option>
                ))}
              </select>
            </label>
            {fullscreenAvailable() && (
              <button type="button" onClick={() => act('fullscreen')}>
                {isFullscreen() ? '退出全屏' : '全屏 F'}
              </button>
            )}
            <button type="button" onClick={() => act('leave')}>
              退出 Esc
            </button>
          </div>
        </div>
      </section>
    </div>
  );
}
