import { createPortal } from 'react-dom';
import type { AreaCardFigures } from '../analysis/areaCard.ts';
import { ALLOCATION_RULE } from '../analysis/allocate.ts';
import type { Metric } from '../analysis/metric.ts';
import { CATEGORY_LABEL, PRECISION_LABEL, type LocatedProject, type Precision } from '../data/project.ts';
import { isoDate } from '../export/fileName.ts';
import { DATA_SOURCES } from '../export/sources.ts';
import { CardFigures, MemberTable } from './CardFigures.tsx';
import { CategoryChart } from './CategoryChart.tsx';
import { countyNamesOf, placeInvestmentText, placeWord } from './describe.ts';
import './print.css';

const ORDER: Precision[] = ['site', 'village', 'township', 'county', 'city'];

/** The best precision among a project's locations inside the area. */
function bestPrecision(p: LocatedProject, inArea: (county: string) => boolean): string {
  const here = p.locations.filter((l) => inArea(l.county)).map((l) => ORDER.indexOf(l.precision));
  if (here.length === 0) return p.scope === 'citywide' ? '全市' : '—';
  return PRECISION_LABEL[ORDER[Math.min(...here)]!];
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
  date = new Date(),
}: {
  card: AreaCardFigures;
  metric: Metric;
  image: string | null;
  filters: string[];
  countyNames: ReadonlyMap<string, string>;
  date?: Date;
}) {
  const members = new Set(card.kind === 'county' ? [card.stats.key] : card.members.map((m) => m.key));
  const place = { counties: members, word: card.kind === 'county' ? placeWord([card.stats.name], null) : '本片区' };
  const dense = card.projects.length > 28 ? ' print-dense' : '';
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
      {image ? <img className="print-map" src={image} alt={`${card.stats.name}地图`} /> : <p className="print-nomap">（地图快照请用卡片上的“打印”按钮生成）</p>}
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
        {card.stats.name}的项目（{card.projects.length} 项，每个项目计一次，按投资额排列；精度为本{card.kind === 'county' ? '县区' : '片区'}内最好的点位）
      </h2>
      <ol className="print-list">
        {card.projects.map((p) => (
          <li key={p.id}>
            <span className="print-id">{p.id}</span> {p.name}
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
