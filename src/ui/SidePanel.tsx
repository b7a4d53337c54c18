import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { cardTarget } from '../analysis/areaCard.ts';
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
import { SheetHandle, type SheetState } from './BottomSheet.tsx';
import { FilterFold, foldText } from './FilterFold.tsx';
import { FilterPanel } from './FilterPanel.tsx';
import { ImportedLayersPanel } from './ImportedLayersPanel.tsx';
import { ImportedRowDetail } from './ImportedRowDetail.tsx';
import { ProjectDetail } from './ProjectDetail.tsx';
import { ProjectList } from './ProjectList.tsx';
import { SummaryBar } from './SummaryBar.tsx';
import { useNarrow } from './useNarrow.ts';
import { usePanelKeyboard } from './usePanelKeyboard.ts';
import { YearView } from './YearView.tsx';
import { placeWord, type ListPlace } from './describe.ts';
import { ZoneLegend } from './ZoneLegend.tsx';

const TAB_LABEL: Record<PanelTab, string> = { list: '列表', table: '表格', years: '年度', about: '数据说明' };

/**
 * Summary, filters, and the list / table / about views; a chosen project replaces the list with its detail.
 * Beside the map on a wide screen; over it as a bottom sheet on a phone (app.css), where the filters open
 * as a sheet of their own. With a county or zone card open the filters fold into one line.
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

  const narrow = useNarrow();
  const card = cardTarget(filters);
  const cardKey = card ? `${card.kind}:${card.key}` : null;
  const opened = selected ? `project:${selected.id}` : importedRow ? `row:${importedRow.layer}:${importedRow.row}` : cardKey;
  // The phone's sheet: a link to a card or a project opens at half height, the bare map with the summary only.
  const [sheet, setSheet] = useState<SheetState>(() => (opened ? 'half' : 'peek'));
  // Something newly opened (a tap on a county or a point) raises a peeking sheet to half; set while
  // rendering, so the list is not rendered a second time for it.
  const [shown, setShown] = useState(opened);
  if (opened !== shown) {
    setShown(opened);
    if (opened && sheet === 'peek') setSheet('half');
  }
  // Filters fold on a phone, and on a laptop while a card is open; unfolding holds until the card changes.
  const foldScope = narrow ? 'narrow' : cardKey;
  const [unfolded, setUnfolded] = useState<string | null | undefined>(undefined);
  const filtersOpen = unfolded === foldScope || (!narrow && cardKey === null);
  // A peeking sheet shows its summary; what is newly opened (a tap on the map while the list was scrolled) is read from its top.
  const panel = useRef<HTMLElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const peeking = sheet === 'peek';
  useEffect(() => {
    if (peeking && panel.current) panel.current.scrollTop = 0;
  }, [peeking]);
  useEffect(() => {
    if (!opened) return;
    if (panel.current) panel.current.scrollTop = 0;
    if (body.current) body.current.scrollTop = 0;
  }, [opened]);
  usePanelKeyboard(selectedId, opened, cardKey);

  return (
    <aside
      ref={panel}
      className="side-panel"
      aria-label="项目面板"
      data-sheet={narrow && filtersOpen ? 'full' : sheet}
      data-filters={filtersOpen ? 'open' : 'folded'}
      data-opened={opened ? 'true' : undefined}
      // On a phone this sheet lies over the map: the map frames its subject above it.
      data-overlay=""
      // Tabbing into a peeking sheet raises it, so what has focus is seen.
      onFocus={(e) => {
        if (narrow && sheet === 'peek' && !e.target.classList.contains('sheet-handle')) setSheet('half');
      }}
    >
      <SheetHandle state={sheet} onChange={setSheet} />
      <SummaryBar
        aggregation={view.aggregation}
        filtered={filtered}
        placeCounties={chosenCounties}
        yearNote={unknownYearText(view.unknownYear, filters.asOf)}
      />
      <FilterFold
        open={filtersOpen}
        text={foldText(filters, cardKey !== null, countyNames)}
        onOpen={() => setUnfolded(foldScope)}
        onClose={narrow || cardKey !== null ? () => setUnfolded(undefined) : undefined}
        closeLabel={narrow ? `完成（显示 ${view.filtered.length} 个项目）` : '收起筛选'}
      >
        <FilterPanel geo={dataset.geo} projects={dataset.projects} unknownYears={view.unknownYear?.count ?? null} />
      </FilterFold>
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
      <div id="panel-body" role="tabpanel" aria-labelledby={`tab-${tab}`} className="panel-body" tabIndex={-1} ref={body}>
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
