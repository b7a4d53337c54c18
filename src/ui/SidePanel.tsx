import { memo, useEffect, useMemo } from 'react';
import { placeCounties } from '../analysis/filters.ts';
import { unknownYearText } from '../analysis/years.ts';
import type { Dataset } from '../data/loadDataset.ts';
import { PANEL_TABS, useAppStore, type PanelTab } from '../state/store.ts';
import { useLayerStore } from '../state/layers.ts';
import { markListRendered } from '../state/marks.ts';
import type { ExplorationView } from '../state/useExploration.ts';
import { AboutData } from './AboutData.tsx';
import { AreaCard } from './AreaCard.tsx';
import { CountyTable } from './CountyTable.tsx';
import { FilterPanel } from './FilterPanel.tsx';
import { ImportedLayersPanel } from './ImportedLayersPanel.tsx';
import { ImportedRowDetail } from './ImportedRowDetail.tsx';
import { ProjectDetail } from './ProjectDetail.tsx';
import { ProjectList } from './ProjectList.tsx';
import { SummaryBar } from './SummaryBar.tsx';
import { YearView } from './YearView.tsx';
import { placeWord, type ListPlace } from './describe.ts';
import { ZoneLegend } from './ZoneLegend.tsx';

const TAB_LABEL: Record<PanelTab, string> = { list: '列表', table: '表格', years: '年度', about: '数据说明' };

/**
 * Summary, filters, and the list / table / about views; a chosen project replaces the list with its detail.
 * Memoised: hovering the map or moving its camera re-renders the explorer, and should not rebuild the list.
 */
export const SidePanel = memo(function SidePanel({
  dataset,
  view,
  countyNames,
  filtered,
}: {
  dataset: Dataset;
  view: ExplorationView;
  countyNames: ReadonlyMap<string, string>;
  filtered: boolean;
}) {
  const tab = useAppStore((s) => s.panelTab);
  const setTab = useAppStore((s) => s.setPanelTab);
  const selectedId = useAppStore((s) => s.selectedProject);
  const selected = selectedId ? dataset.byId.get(selectedId) : undefined;
  const filters = useAppStore((s) => s.filters);
  const chosenCounties = useMemo(
    () => placeCounties(filters.counties, filters.zone, view.units.zoneCounties),
    [filters.counties, filters.zone, view.units],
  );
  const listPlace = useMemo<ListPlace | null>(
    () =>
      chosenCounties.length === 0
        ? null
        : { counties: new Set(chosenCounties), word: placeWord(filters.counties.map((c) => countyNames.get(c) ?? c), filters.zone) },
    [chosenCounties, filters.counties, filters.zone, countyNames],
  );
  const importedRow = useLayerStore((s) => s.selected);
  // For the interaction benchmark: the panel (list, summary, layer counts) shows these filters.
  useEffect(() => markListRendered(filters), [filters]);

  return (
    <aside className="side-panel" aria-label="项目面板">
      <SummaryBar
        aggregation={view.aggregation}
        filtered={filtered}
        placeCounties={chosenCounties}
        yearNote={unknownYearText(view.unknownYear, filters.asOf)}
      />
      <FilterPanel geo={dataset.geo} projects={dataset.projects} unknownYears={view.unknownYear?.count ?? null} />
      <ImportedLayersPanel zoneCounties={view.units.zoneCounties} />
      <div className="tabs" role="tablist" aria-label="视图">
        {PANEL_TABS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`tab-${t}`}
            aria-selected={tab === t}
            aria-controls="panel-body"
            className={tab === t ? 'tab tab-on' : 'tab'}
            onClick={() => setTab(t)}
          >
            {TAB_LABEL[t]}
          </button>
        ))}
      </div>
      <div id="panel-body" role="tabpanel" aria-labelledby={`tab-${tab}`} className="panel-body">
        {selected ? (
          <ProjectDetail project={selected} byId={dataset.byId} countyNames={countyNames} place={listPlace} />
        ) : importedRow ? (
          <ImportedRowDetail countyNames={countyNames} />
        ) : tab === 'list' ? (
          <>
            <AreaCard dataset={dataset} view={view} countyNames={countyNames} />
            <ProjectList projects={view.filtered} countyNames={countyNames} place={listPlace} />
          </>
        ) : tab === 'table' ? (
          <>
            <CountyTable aggregation={view.areaAggregation} />
            <ZoneLegend geo={dataset.geo} />
          </>
        ) : tab === 'years' ? (
          <YearView dataset={dataset} view={view} />
        ) : (
          <AboutData projects={dataset.projects} population={dataset.population} />
        )}
      </div>
    </aside>
  );
});
