import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { bbox, featureCollection } from '@turf/turf';
import { activeFilterCount, placeCounties } from '../analysis/filters.ts';
import { formatYi } from '../analysis/format.ts';
import type { PointProperties } from '../analysis/points.ts';
import { loadDataset, type Dataset } from '../data/loadDataset.ts';
import { CATEGORY_LABEL, PRECISION_LABEL } from '../data/project.ts';
import type { MapFocus } from '../map/MapView.tsx';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../state/store.ts';
import { applyUrl, followHistory, followStoreInUrl } from '../state/urlSync.ts';
import { useExploration } from '../state/useExploration.ts';
import { Legend, METRIC_LABEL, METRIC_UNIT, metricFormat } from './Legend.tsx';
import { ImportButton, ImportHost } from './ImportHost.tsx';
import { Notice } from './Notice.tsx';
import { SidePanel } from './SidePanel.tsx';
import { useImportedMap } from './useImportedMap.ts';
import { useLoad } from './useLoad.ts';
import { tourStepCount } from '../present/steps.ts';
import { usePresenter } from '../present/usePresenter.ts';
import { setMapImager } from './mapImager.ts';
import { markMapDrawn } from '../state/marks.ts';
import type { Filters } from '../analysis/filters.ts';
import { ViewTools } from './ViewTools.tsx';
import { RegionBoundary } from './RegionBoundary.tsx';
import { HIDE_IMPORTED, RESET_VIEW } from './recovery.ts';
import { GuardedMapView } from './GuardedMapView.tsx';

// Presenter mode's overlay (and its stylesheet): loaded when presenting starts, not with the page.
const PresenterOverlay = lazy(async () => ({ default: (await import('./Presenter.tsx')).PresenterOverlay }));

const onMapDrawn = (key: unknown) => markMapDrawn((key as { filters: Filters }).filters);

export function App() {
  const data = useLoad(loadDataset);
  return (
    <div className="app">
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
  const importedMap = useImportedMap(countyNames, view.units.zoneCounties);
  // The map marks when it has drawn a new filter state or new imported layers (src/state/marks.ts).
  const drawKey = useMemo(() => ({ filters: s.filters, imported: importedMap.imported }), [s.filters, importedMap.imported]);

  // Camera: a selected project is framed; so are the counties or zone being filtered on.
  const [focus, setFocus] = useState<MapFocus | null>(null);
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
      if (!c) return null;
      return {
        title: c.name,
        lines: [
          `${METRIC_LABEL.density} ${metricFormat('density')(c.density)} ${METRIC_UNIT.density}`,
          `${c.count} 个项目 · ${formatYi(c.total)} 亿元${c.unknownCount > 0 ? ` · ${c.unknownCount} 项未列投资额` : ''}`,
          '点击按此县区筛选',
        ],
      };
    },
    [countyStats],
  );
  const describePoint = useCallback(
    (p: PointProperties) => {
      const project = dataset.byId.get(p.pid);
      if (!project) return null;
      const shared = project.locations.length > 1;
      return {
        title: project.name,
        lines: [
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

  return (
    <main className="app-main">
      <div className="map-pane">
        <Notice />
        <ImportHost dataset={dataset} />
        <GuardedMapView
          geo={geo}
          initialView={initialView}
          showZones={s.showZones}
          points={view.points}
          places={view.places}
          countyClass={view.countyClass}
          classCount={view.classification.thresholds.length + 1}
          hoveredCounty={s.hoveredCounty}
          hoveredZone={s.hoveredZone}
          selectedCounties={s.filters.counties}
          focusCounties={focusCounties}
          highlightedProject={s.hoveredProject ?? s.selectedProject}
          focus={focus}
          onHoverCounty={s.hoverCounty}
          onClickCounty={s.toggleCounty}
          onHoverProject={s.hoverProject}
          onClickProject={s.selectProject}
          onViewChange={s.setView}
          describeCounty={describeCounty}
          describePoint={describePoint}
          onImager={setMapImager}
          drawKey={drawKey}
          onDrawn={onMapDrawn}
          {...presenter?.mapProps}
          {...importedMap}
        />
        <Legend classification={view.classification} />
        <RegionBoundary region="导出工具">
          <ViewTools dataset={dataset} view={view} countyNames={countyNames} />
        </RegionBoundary>
        {presenter && (
          <RegionBoundary region="演示模式" actions={[{ label: '退出演示模式', run: () => useAppStore.getState().setPresenting(false) }]}>
            <Suspense fallback={null}>
              <PresenterOverlay presenter={presenter} />
            </Suspense>
          </RegionBoundary>
        )}
        <p className="map-caption" aria-live="polite">
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
