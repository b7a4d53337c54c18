import { createPortal } from 'react-dom';
import type { AreaCardFigures } from '../analysis/areaCard.ts';
import { ALLOCATION_RULE } from '../analysis/allocate.ts';
import { classLabels, type Classification } from '../analysis/classify.ts';
import { METRIC_LABEL, METRIC_UNIT, metricFormat, type Metric } from '../analysis/metric.ts';
import { CATEGORIES, CATEGORY_LABEL, finestOf, PRECISION_LABEL, type LocatedProject } from '../data/project.ts';
import { CATEGORY_COLORS, NO_DATA_COLOR, choroplethColors } from '../theme/palette.ts';
import { DENSE_FROM, printMapMm } from './printLayout.ts';
import { isoDate } from '../export/fileName.ts';
import { DATA_SOURCES } from '../export/sources.ts';
import { CardFigures, MemberTable } from './CardFigures.tsx';
import { CategoryChart } from './CategoryChart.tsx';
import { countyNamesOf, placeInvestmentText, placeWord } from './describe.ts';
import './print.css';

/** The best precision among a project's locations inside the area. */
function bestPrecision(p: LocatedProject, inArea: (county: string) => boolean): string {
  const best = finestOf(p.locations.filter((l) => inArea(l.county)).map((l) => l.precision));
  if (best === null) return p.scope === 'citywide' ? '全市' : '—';
  return PRECISION_LABEL[best];
}

/** What the printed picture's colours, numbers and marks mean, beside it. */
function PrintLegend({ classification, metric, area }: { classification: Classification; metric: Metric; area: string }) {
  const labels = classLabels(classification, metricFormat(metric));
  const colors = choroplethColors(labels.length);
  return (
    <div className="print-legend" data-testid="print-legend">
      <p className="print-legend-title">
        {METRIC_LABEL[metric]}（{METRIC_UNIT[metric]}）
      </p>
      <ul className="print-legend-classes">
        {classification.max > 0 &&
          labels.map((l, i) => (
            <li key={l.text}>
              <span className="print-swatch" style={{ background: colors[i] }} />
              {l.text}
            </li>
          ))}
        <li>
          <span className="print-swatch" style={{ background: NO_DATA_COLOR }} />
          无项目
        </li>
      </ul>
      <p className="print-legend-title">标注</p>
      <ul>
        <li>
          <span className="print-badge">3</span> 项目编号，见下表；同一点位的写在一起（2–5·9）
        </li>
        <li>
          <span className="print-dash" /> 跨县区线路
        </li>
        <li>淡色：{area}以外</li>
      </ul>
      <p className="print-legend-title">项目类别（点的颜色）</p>
      <ul className="print-legend-2">
        {CATEGORIES.map((c) => (
          <li key={c}>
            <span className="print-dot" style={{ background: CATEGORY_COLORS[c] }} />
            {CATEGORY_LABEL[c]}
          </li>
        ))}
      </ul>
      <p className="print-legend-note">实心点：村级；空心环：乡镇级；淡环：中心城区；淡晕：仅知县区。点的大小与投资额成比例。</p>
    </div>
  );
}

/**
 * The card as one A4 page: title, date and source, a picture of the map,
 * the figures, the categories and every project. Hidden on screen; the
 * print stylesheet shows it alone. Rendered into <body> so the app's chrome
 * can be hidden around it.
 */
export function PrintSheet({
  card,
  metric,
  image,
  filters,
  countyNames,
  classification,
  date = new Date(),
}: {
  card: AreaCardFigures;
  metric: Metric;
  image: string | null;
  filters: string[];
  countyNames: ReadonlyMap<string, string>;
  classification: Classification;
  date?: Date;
}) {
  const members = new Set(card.kind === 'county' ? [card.stats.key] : card.members.map((m) => m.key));
  const place = { counties: members, word: card.kind === 'county' ? placeWord([card.stats.name], null) : '本片区' };
  const dense = card.projects.length >= DENSE_FROM ? ' print-dense' : '';
  const mm = printMapMm(card.projects.length);
  return createPortal(
    <article className={`print-sheet${dense}`} aria-hidden="true" data-testid="print-sheet">
      <header className="print-head">
        <h1>
          {card.stats.name} · {card.kind === 'county' ? '县区' : '片区'}项目概况
        </h1>
        <p>
          长治市“十四五”高品质生活建设规划项目地图 · 打印日期 {isoDate(date)}
          {filters.length > 0 ? ` · 筛选：${filters.join('；')}` : ' · 全部项目'}
        </p>
      </header>
      {image ? (
        <div className="print-map-row">
          <img className="print-map" src={image} alt={`${card.stats.name}地图`} style={{ width: `${mm.width}mm`, height: `${mm.height}mm` }} />
          <PrintLegend classification={classification} metric={metric} area={card.stats.name} />
        </div>
      ) : (
        <p className="print-nomap">（地图快照请用卡片上的“打印”按钮生成）</p>
      )}
      <div className={card.members.length > 0 ? 'print-figures print-figures-3' : 'print-figures'}>
        <div>
          <p className="print-zone">
            {card.kind === 'county' ? `所属片区：${card.zone ?? '无'}` : `所含县区：${card.members.map((m) => m.name).join('、')}`}
            ；排名为{card.kind === 'county' ? ' 12 个县区' : '四片区'}之间
          </p>
          <CardFigures card={card} />
        </div>
        <div>
          <CategoryChart slices={card.categories} width={310} />
        </div>
        {card.members.length > 0 && (
          <div>
            <MemberTable card={card} metric={metric} />
          </div>
        )}
      </div>
      <h2 className="print-list-title">
        {card.stats.name}的项目（{card.projects.length} 项，每个项目计一次，按投资额排列；编号同图上；精度为本{card.kind === 'county' ? '县区' : '片区'}内最好的点位）
      </h2>
      <ol className="print-list">
        {card.projects.map((p, i) => (
          <li key={p.id}>
            <span className="print-no">{i + 1}</span> <span className="print-id">{p.id}</span> {p.displayName}
            <span className="print-meta">
              {' '}
              {CATEGORY_LABEL[p.category]} · {countyNamesOf(p, countyNames)} · {placeInvestmentText(p, place)} · {bestPrecision(p, (c) => members.has(c))}
            </span>
          </li>
        ))}
      </ol>
      <footer className="print-foot">
        <p>{ALLOCATION_RULE}</p>
        <p>{DATA_SOURCES.join('；')}。</p>
      </footer>
    </article>,
    document.body,
  );
}
