import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { ALLOCATION_RULE } from '../analysis/allocate.ts';
import { CLASS_METHOD_LABEL, classLabels } from '../analysis/classify.ts';
import { describeFilters, filterWords } from '../analysis/describeFilters.ts';
import { placeCounties, withoutPlaceFilters } from '../analysis/filters.ts';
import { CATEGORIES, CATEGORY_LABEL } from '../data/project.ts';
import type { Dataset } from '../data/loadDataset.ts';
import type { PngContent } from '../export/composePng.ts';
import { exportFileName, isoDate } from '../export/fileName.ts';
import { PNG_SIZES, type PngSize } from '../export/pngLayout.ts';
import { DATA_SOURCES } from '../export/sources.ts';
import { enterFullscreen } from '../present/fullscreen.ts';
import { useAppStore } from '../state/store.ts';
import { useLayerStore } from '../state/layers.ts';
import { exportFrame } from '../export/exportFrame.ts';
import type { ExplorationView } from '../state/useExploration.ts';
import { CATEGORY_COLORS, NO_DATA_COLOR, choroplethColors, zoneColor } from '../theme/palette.ts';
import { METRIC_DENOMINATOR, METRIC_LABEL, METRIC_UNIT, metricFormat } from '../analysis/metric.ts';
import { mapImager } from './mapImager.ts';
import './tools.css';
import { errorMessage } from '../errorMessage.ts';

export const APP_TITLE = '长治市“十四五”高品质生活建设规划 · 项目地图';

/** The writers (papaparse, PNG composition): loaded on the first export, not with the page. */
const writers = () => import('../export/writers.ts');

/**
 * The top-right tools over the map: 演示模式 (presenter mode, also the F key)
 * and 导出 (PNG of the view, CSV and GeoJSON of the filtered projects).
 */
export function ViewTools({ dataset, view, countyNames }: { dataset: Dataset; view: ExplorationView; countyNames: ReadonlyMap<string, string> }) {
  // Closed, or open with focus going to its first or last item (the WAI-ARIA menu button pattern).
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const [status, setStatus] = useState<{ text: string; busy: boolean; ms?: number } | null>(null);
  const setPresenting = useAppStore((s) => s.setPresenting);
  const menu = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    if (!open) return;
    const all = items();
    (open === 'last' ? all.at(-1) : all[0])?.focus();
    const close = (e: Event) => {
      if (menu.current?.contains(e.target as Node)) return;
      // Esc with focus outside the menu (on its button): handled here, so the panel does not close a card too.
      if (e instanceof KeyboardEvent) {
        if (e.key !== 'Escape') return;
        e.preventDefault();
      }
      setOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('pointerdown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('pointerdown', close);
    };
  }, [open]);

  /** Arrows move through the items (and wrap), Home and End go to either end, Esc closes and returns to 导出, Tab closes. */
  const onMenuKey = (e: ReactKeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => all[(i + all.length) % all.length]?.focus();
    switch (e.key) {
      case 'ArrowDown':
        go(at + 1);
        break;
      case 'ArrowUp':
        go(at < 0 ? -1 : at - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(-1);
        break;
      case 'Escape':
        setOpen(false);
        button.current?.focus();
        break;
      case 'Tab':
        setOpen(false);
        return;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  const present = () => {
    setPresenting(true);
    void enterFullscreen();
  };

  const words = () => filterWords(useAppStore.getState().filters, countyNames);

  const exportData = async (kind: 'csv' | 'geojson') => {
    setOpen(false);
    const date = new Date();
    const name = exportFileName('长治项目', words(), date, kind);
    // The projects of the moment of the click, whatever changes while the writers load.
    const projects = view.filtered;
    const f = useAppStore.getState().filters;
    const placeCodes = placeCounties(f.counties, f.zone, view.units.zoneCounties);
    const place =
      placeCodes.length === 0
        ? null
        : { counties: new Set(placeCodes), name: [...f.counties.map((c) => countyNames.get(c) ?? c), ...(f.zone ? [f.zone] : [])].join('+') };
    try {
      const w = await writers();
      const blob =
        kind === 'csv'
          ? new Blob([w.projectsCsv(projects, countyNames, place)], { type: 'text/csv;charset=utf-8' })
          : new Blob([w.geoJsonText(w.projectsGeoJson(projects, countyNames))], { type: 'application/geo+json' });
      w.saveBlob(blob, name);
      setStatus({ text: `已导出 ${name}（${projects.length} 个项目）`, busy: false });
    } catch (err) {
      setStatus({ text: `导出失败：${errorMessage(err)}`, busy: false });
    }
  };

  /** The 表格 tab's figures: every area under the filters less county and zone, as the table shows them. */
  const exportAreas = async (kind: 'csv' | 'geojson') => {
    setOpen(false);
    const name = exportFileName('长治县区指标', filterWords(withoutPlaceFilters(useAppStore.getState().filters), countyNames), new Date(), kind);
    const figures = view.areaAggregation;
    try {
      const w = await writers();
      const blob =
        kind === 'csv'
          ? new Blob([w.areasCsv(figures)], { type: 'text/csv;charset=utf-8' })
          : new Blob([`${JSON.stringify(w.countiesGeoJson(figures, dataset.geo))}\n`], { type: 'application/geo+json' });
      w.saveBlob(blob, name);
      setStatus({ text: `已导出 ${name}（${kind === 'csv' ? `${figures.counties.length} 个县区、${figures.zones.length} 个片区` : `${figures.counties.length} 个县区`}）`, busy: false });
    } catch (err) {
      setStatus({ text: `导出失败：${errorMessage(err)}`, busy: false });
    }
  };

  const exportImage = async (size: PngSize) => {
    setOpen(false);
    const imager = mapImager();
    if (!imager) {
      setStatus({ text: '地图未显示（无 WebGL），无法导出图片。', busy: false });
      return;
    }
    const date = new Date();
    const { width, height } = PNG_SIZES[size];
    const sizeWord = size === 'a4' ? 'A4-300dpi' : `${width}x${height}`;
    const name = exportFileName('长治项目地图', [...words(), sizeWord], date, 'png');
    setStatus({ text: `正在导出 ${PNG_SIZES[size].label}…`, busy: true });
    try {
      const content = pngContent(dataset, view, countyNames, date);
      const w = await writers();
      const st = useAppStore.getState();
      const frame = exportFrame(dataset.geo, placeCounties(st.filters.counties, st.filters.zone, view.units.zoneCounties), st.view !== null);
      const result = await w.exportPng(imager, size, content, frame);
      w.saveBlob(result.blob, name);
      setStatus({ text: `已导出 ${name}（${(result.totalMs / 1000).toFixed(1)} 秒）`, busy: false, ms: result.totalMs });
    } catch (err) {
      setStatus({ text: `导出失败：${errorMessage(err)}`, busy: false });
    }
  };

  return (
    <div className="view-tools" data-overlay="">
      <button type="button" className="tool-button" onClick={present} title="演示模式（F）：全屏、大字、导览">
        演示模式
      </button>
      <div className="export-menu" ref={menu}>
        <button
          ref={button}
          type="button"
          className="tool-button"
          id="export-button"
          aria-haspopup="menu"
          aria-expanded={open !== false}
          aria-controls={open ? 'export-items' : undefined}
          onClick={() => setOpen((o) => (o ? false : 'first'))}
          onKeyDown={(e) => {
            if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
            e.preventDefault();
            setOpen(e.key === 'ArrowUp' ? 'last' : 'first');
          }}
          disabled={status?.busy === true}
        >
          导出<span aria-hidden="true"> ▾</span>
        </button>
        {open && (
          <div role="menu" id="export-items" aria-labelledby="export-button" className="export-items" onKeyDown={onMenuKey}>
            <div role="group" aria-labelledby="export-png">
              <div className="export-group" id="export-png" role="presentation">
                当前视图图片（PNG）
              </div>
              {(Object.keys(PNG_SIZES) as PngSize[]).map((k) => (
                <button key={k} type="button" role="menuitem" tabIndex={-1} onClick={() => void exportImage(k)}>
                  {PNG_SIZES[k].label}
                </button>
              ))}
            </div>
            <div role="group" aria-labelledby="export-data">
              <div className="export-group" id="export-data" role="presentation">
                筛选出的 {view.filtered.length} 个项目
              </div>
              <button type="button" role="menuitem" tabIndex={-1} onClick={() => void exportData('csv')}>
                CSV（Excel，UTF-8）
              </button>
              <button type="button" role="menuitem" tabIndex={-1} onClick={() => void exportData('geojson')}>
                GeoJSON（QGIS，WGS84）
              </button>
            </div>
            <div role="group" aria-labelledby="export-areas">
              <div className="export-group" id="export-areas" role="presentation">
                县区与片区指标（人口、密度、人均、占比、排名）
              </div>
              <button type="button" role="menuitem" tabIndex={-1} onClick={() => void exportAreas('csv')}>
                指标表（.csv，Excel）
              </button>
              <button type="button" role="menuitem" tabIndex={-1} onClick={() => void exportAreas('geojson')}>
                县区面（.geojson，QGIS 专题图）
              </button>
            </div>
          </div>
        )}
      </div>
      {status && (
        <p className="export-status" role="status" data-export-ms={status.ms}>
          {status.text}
          {!status.busy && (
            <button type="button" className="link-button" onClick={() => setStatus(null)} aria-label="关闭提示">
              ×
            </button>
          )}
        </p>
      )}
    </div>
  );
}

/** What the exported image says besides the map: the same legend and notes as the screen. */
export function pngContent(dataset: Dataset, view: ExplorationView, countyNames: ReadonlyMap<string, string>, date: Date): PngContent {
  const s = useAppStore.getState();
  const labels = classLabels(view.classification, metricFormat(s.metric));
  const colors = choroplethColors(labels.length);
  const hasData = view.classification.max > 0;
  const filters = describeFilters(s.filters, countyNames);
  return {
    title: APP_TITLE,
    subtitle: `${METRIC_LABEL[s.metric]}（${METRIC_UNIT[s.metric]}），${CLASS_METHOD_LABEL[s.classMethod]}分级 · ${view.aggregation.projectCount} 个项目（每个计一次）`,
    filters,
    legend: {
      title: `${METRIC_LABEL[s.metric]}（${METRIC_UNIT[s.metric]}）`,
      classes: [
        ...(hasData ? labels.map((l, i) => ({ color: colors[i]!, text: l.text })) : []),
        { color: NO_DATA_COLOR, text: s.metric === 'count' ? '无项目' : '无项目或未列投资额' },
      ],
      note:
        s.metric === 'count'
          ? '按项目所涉县区计数，跨县区项目在每个所涉县区各计一次。'
          : `${METRIC_DENOMINATOR[s.metric] ? `分母：${METRIC_DENOMINATOR[s.metric]}。` : ''}${ALLOCATION_RULE}`,
      categories: CATEGORIES.map((c) => ({ color: CATEGORY_COLORS[c], text: CATEGORY_LABEL[c] })),
      zones: s.showZones ? dataset.geo.zones.features.map((z) => ({ color: zoneColor(z.properties.name), text: z.properties.name })) : [],
      imported: useLayerStore
        .getState()
        .layers.filter((l) => l.visible)
        .map((l) => ({ color: l.color, text: l.name })),
    },
    sources: [...DATA_SOURCES, ...(s.metric === 'percapita' ? [`人口：${dataset.population.source}`] : [])],
    date: `导出日期 ${isoDate(date)}`,
  };
}
