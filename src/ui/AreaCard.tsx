import { useEffect, useMemo, useState } from 'react';
import { bbox } from '@turf/turf';
import { areaCard, cardTarget } from '../analysis/areaCard.ts';
import { withoutPlaceFilters } from '../analysis/filters.ts';
import { ALLOCATION_RULE } from '../analysis/allocate.ts';
import { describeFilters } from '../analysis/describeFilters.ts';
import type { Dataset } from '../data/loadDataset.ts';
import { useAppStore } from '../state/store.ts';
import type { ExplorationView } from '../state/useExploration.ts';
import { repeatedRows } from '../data/totals.ts';
import { CardFigures, MemberTable } from './CardFigures.tsx';
import { repeatsText } from './describe.ts';
import { CategoryChart } from './CategoryChart.tsx';
import { ConcentrationBlock } from './Concentration.tsx';
import { mapImager } from './mapImager.ts';
import { PrintSheet } from './PrintSheet.tsx';
import { printBadges, printMapMm } from './printLayout.ts';
import { badgeFeatures } from '../analysis/badges.ts';
import './card.css';
import { errorMessage } from '../errorMessage.ts';

/**
 * The county card (one county in the county filter: `?county=140425`, or a
 * click on the map) or the zone card (`?zone=…`): figures with their rank,
 * the zone, investment by category, how precisely its projects are placed;
 * 打印 prints it on one A4 page with a picture of the map.
 */
/** CSS px per mm of the print picture, drawn at pixel ratio 2 (about 300 dpi on paper). */
const PRINT_PX_PER_MM = 6;

export function AreaCard({
  dataset,
  view,
  countyNames,
}: {
  dataset: Dataset;
  view: ExplorationView;
  countyNames: ReadonlyMap<string, string>;
}) {
  const filters = useAppStore((s) => s.filters);
  const setFilters = useAppStore((s) => s.setFilters);
  const metric = useAppStore((s) => s.metric);
  const card = useMemo(
    () => {
      const t = cardTarget(filters);
      return t ? areaCard(dataset.projects, view.units, filters, t) : null;
    },
    [dataset.projects, view.units, filters],
  );
  // The picture belongs to the area it was drawn for.
  const [snapshot, setSnapshot] = useState<{ subject: string; url: string } | null>(null);
  const [printing, setPrinting] = useState<'idle' | 'drawing' | 'ready'>('idle');
  const [printError, setPrintError] = useState<string | null>(null);
  const subject = card ? `${card.kind}:${card.stats.key}` : null;
  const printImage = snapshot && snapshot.subject === subject ? snapshot.url : null;

  const other = describeFilters(withoutPlaceFilters(filters), countyNames);
  const box = useMemo(() => {
    if (!card) return null;
    const feature =
      card.kind === 'county'
        ? dataset.geo.counties.features.find((f) => f.properties.adcode === card.stats.key)
        : dataset.geo.zones.features.find((f) => f.properties.name === card.stats.key);
    if (!feature) return null;
    // A margin around the area, so its outline does not touch the picture's edge.
    const [w, so, e, n] = bbox(feature);
    const dx = (e - w) * 0.06;
    const dy = (n - so) * 0.06;
    return [w - dx, so - dy, e + dx, n + dy] as [number, number, number, number];
  }, [card, dataset.geo]);

  // The list below the card shows rows; the card counts projects, each once.
  const listRepeats = useMemo(() => repeatedRows(view.filtered), [view.filtered]);

  useEffect(() => {
    if (printing !== 'ready') return;
    setPrinting('idle');
    // After the sheet (and its picture) is in the page.
    requestAnimationFrame(() => window.print());
  }, [printing]);

  if (!card) return null;
  const isCounty = card.kind === 'county';
  const zone = isCounty ? dataset.geo.zones.features.find((z) => z.properties.name === card.zone) : null;
  const zoneProps = !isCounty ? dataset.geo.zones.features.find((z) => z.properties.name === card.stats.key)?.properties : undefined;

  const print = async () => {
    setPrintError(null);
    const imager = mapImager();
    if (imager && box) {
      setPrinting('drawing');
      try {
        const mm = printMapMm(card.projects.length);
        const badges = printBadges(card);
        const map = await imager.render({
          width: Math.round(mm.width * PRINT_PX_PER_MM * 2),
          height: Math.round(mm.height * PRINT_PX_PER_MM * 2),
          pixelRatio: 2,
          bounds: box,
          medium: 'print',
          printWidthMm: mm.width,
          // Every project of the area drawn and numbered as in the printed list: no cluster hides one.
          overrides: { clustered: false, highlightedProjects: [], hoveredZone: null, annotations: { key: `print:${subject}`, data: badgeFeatures(badges) } },
        });
        const url = map.canvas.toDataURL('image/png');
        const img = new Image();
        img.src = url;
        await img.decode().catch(() => undefined);
        setSnapshot({ subject: subject!, url });
      } catch (err) {
        setPrintError(`地图快照失败：${errorMessage(err)}；打印件不含地图。`);
      }
    }
    setPrinting('ready');
  };
  const close = () => setFilters(isCounty ? { counties: [] } : { zone: null });

  return (
    <section className="area-card" aria-labelledby="area-card-title" data-testid="area-card">
      <header className="card-head">
        <div>
          <h2 id="area-card-title" tabIndex={-1}>{card.stats.name}</h2>
          <p className="card-sub">
            {isCounty ? (
              <>
                {card.zone ?? '不属任何片区'}
                {zone && (
                  <span className="muted" title={zone.properties.theme}>
                    {zone.properties.theme}
                  </span>
                )}
              </>
            ) : (
              <>
                {zoneProps?.countyNames.join('、')}
                {zoneProps && (
                  <span className="muted" title={zoneProps.theme}>
                    {zoneProps.theme}
                  </span>
                )}
              </>
            )}
          </p>
        </div>
        <div className="card-actions">
          <button type="button" className="card-button" onClick={() => void print()} disabled={printing === 'drawing'}>
            {printing === 'drawing' ? '正在准备…' : '打印'}
          </button>
          <button type="button" className="card-close" onClick={close} aria-label={isCounty ? '关闭县区卡片（清除县区筛选）' : '关闭片区卡片（清除片区筛选）'}>
            ×
          </button>
        </div>
      </header>
      <p className="card-scope">
        {card.otherFilters ? `在当前筛选下（${other.join('；')}）` : '全部项目'}，排名为{isCounty ? ' 12 个县区' : '四片区'}之间
      </p>
      <CardFigures card={card} testIds />
      {listRepeats.length > 0 && (
        <p className="card-note" data-testid="card-repeats">
          下方列表 {view.filtered.length} 行：{repeatsText(listRepeats)}，只计一次，故计 {view.filtered.length - listRepeats.length} 项。
        </p>
      )}
      {card.members.length > 0 && <MemberTable card={card} metric={metric} />}
      {card.kind === 'zone' && <ConcentrationBlock areas={card.members} title="片区内的集中程度" testId="zone-concentration" />}
      <h3 className="card-h3">按类别</h3>
      {card.categories.length > 0 ? <CategoryChart slices={card.categories} /> : <p className="empty">没有项目。</p>}
      <p className="card-note">{ALLOCATION_RULE}</p>
      {printError && (
        <p className="flag" role="alert">
          {printError}
        </p>
      )}
      <PrintSheet card={card} metric={metric} image={printImage} filters={other} countyNames={countyNames} classification={view.classification} />
    </section>
  );
}
