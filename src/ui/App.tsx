import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { bbox, featureCollection } from '@turf/turf';
import { activeFilterCount, placeCounties } from '../analysis/filters.ts';
import { formatYi } from '../analysis/format.ts';
import type { PointProperties } from '../analysis/points.ts';
import { loadDataset, type Dataset } from '../data/loadDataset.ts';
import { CATEGORY_LABEL, PRECISION_LABEL } from '../data/project.ts';
import type { CameraIntent, ClusterSummary, MapState } from '../map/MapView.tsx';
import { plainMapState } from '../map/mapSpec.ts';
import { spreadTooltip } from '../analysis/spread.ts';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../state/store.ts';
import { applyUrl, followHistory, followStoreInUrl } from '../state/urlSync.ts';
import { useExploration } from '../state/useExploration.ts';
import { METRIC_LABEL, METRIC_UNIT, metricFormat } from '../analysis/metric.ts';
import { describeCountyStats } from './describe.ts';
import { LegendBox } from './LegendBox.tsx';
import { useOverlayInsets } from './overlayInsets.ts';
import { SkipLink } from './SkipLink.tsx';
import { ImportButton, ImportHost } from './ImportHost.tsx';
import { Notice } from './Notice.tsx';
import { SidePanel } from './SidePanel.tsx';
import { useImportedMap } from './useImportedMap.ts';
import { useLoad } from './useLoad.ts';
import { tourStepCount } from '../present/steps.ts';
import { usePresenter } from '../present/usePresenter.ts';
import { setMapImager } from './mapImager.ts';
import { markMapDrawn, markStoreChanged } from '../state/marks.ts';
import type { Filters } from '../analysis/filters.ts';
import { ViewTools } from './ViewTools.tsx';
import { RegionBoundary } from './RegionBoundary.tsx';
import { HIDE_IMPORTED, RESET_VIEW } from './recovery.ts';
import { GuardedMapView } from './GuardedMapView.tsx';

// Presenter mode's overlay (and its stylesheet): loaded when presenting starts, not with the page.
const PresenterOverlay = lazy(async () => ({ default: (await import('./Presenter.tsx')).PresenterOverlay }));

const onMapDrawn = (key: unknown) => markMapDrawn((key as { filters: Filters }).filters);
const ignore = () => {};

export function App() {
  const data = useLoad(loadDataset);
  return (
    <div className="app">
      <SkipLink />
      <header className="app-header">
        <h1>
          长治市“十四五”高品质生活建设规划 <span className="title-sub">项目地图</span>
        </h1>
        {data.status === 'ready' && <ImportButton />}
      </header>
      {data.status === 'ready' && (
        <RegionBoundary region="页面" actions={[HIDE_IMPORTED, RESET_VIEW]} whole>
          <Explorer dataset={data.value} />
        </RegionBoundary>
      )}
      {data.status === 'loading' && <p className="app-status">正在加载数据…</p>}
      {data.status === 'error' && (
        <div className="app-status app-error" role="alert">
          <p>数据加载失败：</p>
          <pre>{data.message}</pre>
        </div>
      )}
    </div>
  );
}

function Explorer({ dataset }: { dataset: Dataset }) {
  // Read the link once, before anything renders from the store; then follow the store, and Back/Forward.
  const [known] = useState(() => ({
    counties: new Set(dataset.geo.counties.features.map((f) => f.properties.adcode)),
    zones: new Set(dataset.geo.zones.features.map((f) => f.properties.name)),
    projectIds: new Set(dataset.byId.keys()),
    tourSteps: tourStepCount(dataset.geo.zones.features.length),
  }));
  useState(() => applyUrl(known));
  useEffect(() => followStoreInUrl(), []);
  useEffect(() => useAppStore.subscribe((now, before) => now.filters !== before.filters && markStoreChanged(now.filters)), []);
  useEffect(() => followHistory(known), [known]);
  return <ExplorerView dataset={dataset} />;
}

function ExplorerView({ dataset }: { dataset: Dataset }) {
  const { geo } = dataset;
  const view = useExploration(dataset);
  // Presenter mode (?mode=present): its tour drives the map while it is on.
  const presenter = usePresenter(dataset, view.units);
  // Only what this view draws: camera moves and panel-only state do not re-render the map.
  const s = useAppStore(
    useShallow((st) => ({
      showZones: st.showZones,
      showSpread: st.showSpread,
      filters: st.filters,
      metric: st.metric,
      hoveredCounty: st.hoveredCounty,
      hoveredZone: st.hoveredZone,
      hoveredProject: st.hoveredProject,
      selectedProject: st.selectedProject,
      hoverCounty: st.hoverCounty,
      toggleCounty: st.toggleCounty,
      hoverProject: st.hoverProject,
      selectProject: st.selectProject,
      setView: st.setView,
    })),
  );
  const countyNames = useMemo(() => new Map(geo.counties.features.map((f) => [f.properties.adcode, f.properties.name])), [geo]);
  const countyStats = useMemo(() => new Map(view.areaAggregation.counties.map((c) => [c.key, c])), [view.areaAggregation]);
  const initialView = useRef(useAppStore.getState().view).current;
  const { imported, describeImported, onClickImported, layerName } = useImportedMap(countyNames, view.units.zoneCounties);
  // The map marks when it has drawn a new filter state or new imported layers (src/state/marks.ts).
  const drawKey = useMemo(() => ({ filters: s.filters, imported }), [s.filters, imported]);

  // Camera: a selected project is framed; so are the counties or zone being filtered on.
  const [focus, setFocus] = useState<CameraIntent | null>(null);
  const focusKey = useRef(0);
  const selected = s.selectedProject ? dataset.byId.get(s.selectedProject) ?? null : null;
  useEffect(() => {
    if (!selected || selected.locations.length === 0) return;
    setFocus({ key: ++focusKey.current, points: selected.locations.map((l) => [l.lon, l.lat]) });
  }, [selected]);
  const { counties: filterCounties, zone: filterZone } = s.filters;
  const focusCounties = useMemo(
    () => placeCounties(filterCounties, filterZone, view.units.zoneCounties),
    [filterCounties, filterZone, view.units],
  );
  // What the page's overlays cover of the map (legend, tools, a phone's bottom sheet), for the framing.
  const main = useRef<HTMLElement>(null);
  const pane = useRef<HTMLDivElement>(null);
  const insets = useOverlayInsets(main, pane);
  // When they change (a sheet raised, the legend folded) the subject is framed again, unless the user has moved the map since.
  const movedSinceFraming = useRef(false);
  const framedInsets = useRef(insets);
  useEffect(() => {
    const before = framedInsets.current;
    framedInsets.current = insets;
    if (!before || !insets || movedSinceFraming.current) return;
    setFocus((f) => (f ? { ...f, key: ++focusKey.current } : f));
  }, [insets]);
  useEffect(() => {
    movedSinceFraming.current = false;
  }, [focus]);
  const onViewChange = useCallback(
    (v: Parameters<typeof s.setView>[0]) => {
      movedSinceFraming.current = true;
      s.setView(v);
    },
    [s.setView],
  );

  const firstFrame = useRef(initialView !== null);
  useEffect(() => {
    if (focusCounties.length === 0) return;
    // A link that carries its own camera keeps it on first load.
    if (firstFrame.current) {
      firstFrame.current = false;
      return;
    }
    const members = geo.counties.features.filter((f) => focusCounties.includes(f.properties.adcode));
    setFocus({ key: ++focusKey.current, box: bbox(featureCollection(members)) as [number, number, number, number] });
  }, [focusCounties, geo]);

  const format = metricFormat(s.metric);
  const describeCounty = useCallback(
    (adcode: string) => {
      const c = countyStats.get(adcode);
      return c ? { title: c.name, lines: [...describeCountyStats(c, s.metric), '点击按此县区筛选'] } : null;
    },
    [countyStats, s.metric],
  );
  const describePoint = useCallback(
    (p: PointProperties) => {
      const project = dataset.byId.get(p.pid);
      if (!project) return null;
      const shared = project.locations.length > 1;
      return {
        title: project.displayName,
        lines: [
          ...(project.displayNameOurs ? [`名称为本图补写（原文：${project.name}）`] : []),
          `${CATEGORY_LABEL[project.category]} · ${countyNames.get(p.county) ?? p.county}`,
          p.known
            ? `投资 ${formatYi(p.amount)} 亿元${shared ? `（全项目分摊于 ${project.locations.length} 处）` : ''}`
            : '未列投资额',
          `位置精度：${PRECISION_LABEL[p.precision]}（${p.place}）`,
        ],
      };
    },
    [dataset, countyNames],
  );
  const describeCluster = useCallback(
    (c: ClusterSummary) => ({
      title: c.layer === null ? `${c.count} 个项目点` : `导入的图层“${layerName(c.layer)}”：${c.count} 个点`,
      lines: [`合计 ${formatYi(c.sum)} 亿元`, ...(c.unknown > 0 ? [`其中 ${c.unknown} 个未列投资额`] : []), '点击放大'],
    }),
    [layerName],
  );

  const describeSpread = useCallback(
    (group: number) => {
      const g = view.spread.groups[group];
      return g ? spreadTooltip(g, view.spread.excluded) : null;
    },
    [view.spread],
  );

  const highlighted = s.hoveredProject ?? s.selectedProject;
  const highlightedProjects = useMemo(() => (highlighted ? [highlighted] : []), [highlighted]);
  const explorerMap = useMemo<MapState>(
    () => ({
      ...plainMapState(geo, view),
      showZones: s.showZones,
      hoveredCounty: s.hoveredCounty,
      hoveredZone: s.hoveredZone,
      selectedCounties: s.filters.counties,
      focusCounties,
      highlightedProjects,
      imported,
      spread: s.showSpread ? view.spread : null,
      camera: focus,
    }),
    [geo, s.showZones, view, s.hoveredCounty, s.hoveredZone, s.filters.counties, focusCounties, highlightedProjects, imported, s.showSpread, focus],
  );
  const presented = presenter?.mapState;
  const mapState = useMemo(() => (presented ? { ...explorerMap, ...presented } : explorerMap), [explorerMap, presented]);

  return (
    <main className="app-main" ref={main}>
      <div className="map-pane" ref={pane} style={{ '--cover-bottom': `${insets?.bottom ?? 0}px` } as CSSProperties}>
        {/* Before the map and the legend in tab order, as header actions: 演示模式, 导出. */}
        <RegionBoundary region="导出工具">
          <ViewTools dataset={dataset} view={view} countyNames={countyNames} />
        </RegionBoundary>
        <Notice />
        <ImportHost dataset={dataset} />
        <GuardedMapView
          state={mapState}
          presenting={presenter !== null}
          insets={presenter || !insets ? undefined : insets}
          initialView={initialView}
          onHoverCounty={s.hoverCounty}
          // A click while presenting must not change the explorer's filters behind the tour.
          onClickCounty={presenter ? ignore : s.toggleCounty}
          onHoverProject={s.hoverProject}
          onClickProject={presenter ? ignore : s.selectProject}
          onClickImported={onClickImported}
          onViewChange={onViewChange}
          describeCounty={describeCounty}
          describePoint={describePoint}
          describeImported={describeImported}
          describeCluster={describeCluster}
          describeSpread={describeSpread}
          onImager={setMapImager}
          drawKey={drawKey}
          onDrawn={onMapDrawn}
        />
        <LegendBox classification={view.classification} spread={view.spread} />
        {presenter && (
          <RegionBoundary region="演示模式" actions={[{ label: '退出演示模式', run: () => useAppStore.getState().setPresenting(false) }]}>
            <Suspense fallback={null}>
              <PresenterOverlay presenter={presenter} />
            </Suspense>
          </RegionBoundary>
        )}
        <p className="map-caption" aria-live="polite" data-overlay="">
          {METRIC_LABEL[s.metric]}（{METRIC_UNIT[s.metric]}）
          {view.classification.max > 0 && `：最高 ${format(view.classification.max)}`}
        </p>
      </div>
      <RegionBoundary region="项目面板" actions={[RESET_VIEW]}>
        <SidePanel
          dataset={dataset}
          view={view}
          countyNames={countyNames}
          filtered={activeFilterCount(s.filters) > 0}
        />
      </RegionBoundary>
    </main>
  );
}
