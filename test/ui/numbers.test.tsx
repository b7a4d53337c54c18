/**
 * Numbers that must agree wherever the UI shows them: legend labels and the
 * class each county is drawn in, the summary's projects and the list's rows,
 * a county card and the list under it, the precision chips and what they keep.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CLASS_METHODS } from '../../src/analysis/classify.ts';
import { explore } from '../../src/analysis/explore.ts';
import { metricValue } from '../../src/analysis/metric.ts';
import { EMPTY_FILTERS } from '../../src/analysis/filters.ts';
import { PRECISIONS, PRECISION_LABEL } from '../../src/data/project.ts';
import { countOnce } from '../../src/data/totals.ts';
import { METRICS, resetAppState, useAppStore } from '../../src/state/store.ts';
import { Legend, METRIC_LABEL, METRIC_UNIT } from '../../src/ui/Legend.tsx';
import { printedRange } from '../analysis/printedRange.ts';
import { repoData } from '../analysis/repoData.ts';
import { renderApp } from './renderApp.tsx';

vi.mock('../../src/map/MapView.tsx', async () => ({ MapView: (await import('./fakeMapView.tsx')).FakeMapView }));

const { projects, units } = repoData();

describe('the legend', () => {
  it('never labels a class with a range its counties’ values fall outside, for every metric and class method', () => {
    let checked = 0;
    for (const metric of METRICS) {
      for (const method of CLASS_METHODS) {
        resetAppState();
        act(() => useAppStore.setState({ metric, classMethod: method }));
        const view = explore(projects, units, EMPTY_FILTERS, metric, method);
        const { unmount } = render(<Legend classification={view.classification} />);
        const items = within(screen.getByRole('list', { name: `${METRIC_LABEL[metric]}分级（${METRIC_UNIT[metric]}）` }))
          .getAllByRole('listitem')
          .map((li) => li.textContent!.trim());
        for (const c of view.areaAggregation.counties) {
          const v = metricValue(c, metric);
          const cls = view.countyClass[c.key];
          if (cls === null || cls === undefined || v === null) continue;
          const [lo, hi] = printedRange(items[cls]!);
          expect(v >= lo && (v < hi || (lo === hi && v === lo)), `${metric}/${method}: ${c.name} ${v} drawn as “${items[cls]}”`).toBe(true);
          checked++;
        }
        unmount();
      }
    }
    expect(checked).toBe(METRICS.length * 3 * 12);
  });

  it('colours 长子县 by equal-interval counts in a class whose label holds its count (?metric=count&classes=equal)', () => {
    const view = explore(projects, units, EMPTY_FILTERS, 'count', 'equal');
    const zhangzi = view.areaAggregation.counties.find((c) => c.name === '长子县')!;
    act(() => useAppStore.setState({ metric: 'count', classMethod: 'equal' }));
    render(<Legend classification={view.classification} />);
    const label = within(screen.getByRole('list', { name: '项目数分级（项）' })).getAllByRole('listitem')[view.countyClass[zhangzi.key]!]!.textContent!;
    const [lo, hi] = printedRange(label);
    expect(zhangzi.count >= lo && zhangzi.count < hi, `${zhangzi.count} in “${label}”`).toBe(true);
    expect(view.classification.thresholds.every(Number.isInteger)).toBe(true);
  });

  it('keys the central-city precision among the point keys', () => {
    render(<Legend classification={explore(projects, units, EMPTY_FILTERS, 'density', 'quantile').classification} />);
    const keys = screen.getByText(/点：大小为投资额/).closest('details')!;
    expect(within(keys).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['村级', '乡镇级', '中心城区', '仅知县区', '未列投资额', '聚合：合计亿元 / 点数']);
  });
});

describe('counts that differ say why, where they are shown', () => {
  const once = countOnce(projects);
  const repeats = projects.filter((p) => !once.includes(p));

  it('the summary’s projects and the list’s rows', async () => {
    await renderApp('/');
    expect(repeats.map((p) => p.id)).toEqual(['A2-03', 'A2-12', 'A2-39']);
    expect(screen.getByTestId('summary-count')).toHaveTextContent(String(once.length));
    expect(screen.getByTestId('summary-repeats')).toHaveTextContent(`列表 ${projects.length} 行中 ${repeats.length} 行重复列出或为其他项目一部分，只计一次`);
    expect(screen.getByTestId('list-count')).toHaveTextContent(`${projects.length} 行，计 ${once.length} 个项目`);
    expect(screen.getByTestId('list-repeats')).toHaveTextContent('A2-03 重复 A1-01、A2-12 重复 A1-02、A2-39 为 A2-27 的一部分：各只计一次');
  });

  it('a county card and the list under it (沁源县: 18 projects, 19 rows)', async () => {
    await renderApp('/?county=140431');
    const rows = projects.filter((p) => p.counties.includes('140431'));
    const counted = countOnce(rows).length;
    expect([rows.length, counted]).toEqual([19, 18]);
    const card = await screen.findByTestId('area-card', {}, { timeout: 5000 });
    expect(within(card).getByTestId('card-count')).toHaveTextContent(String(counted));
    expect(within(card).getByTestId('card-repeats')).toHaveTextContent(`下方列表 ${rows.length} 行：A2-39 为 A2-27 的一部分，只计一次，故计 ${counted} 项。`);
    expect(screen.getByTestId('list-count')).toHaveTextContent(`${rows.length} 行，计 ${counted} 个项目`);
  });

  it('no note where rows and projects agree (平顺县)', async () => {
    await renderApp('/?county=140425');
    await screen.findByTestId('area-card', {}, { timeout: 5000 });
    expect(screen.queryByTestId('card-repeats')).toBeNull();
    expect(screen.queryByTestId('list-repeats')).toBeNull();
  });
});

describe('the precision chips', () => {
  const withPrecision = (pr: string) => projects.filter((p) => p.locations.some((l) => l.precision === pr)).length;

  it('offer only precisions some project has, each with its count, and keep exactly that many', async () => {
    await renderApp('/');
    const group = screen.getByRole('group', { name: '位置精度' });
    const chips = within(group).getAllByRole('checkbox').map((c) => c.closest('label')!);
    const present = PRECISIONS.filter((pr) => withPrecision(pr) > 0);
    expect(present).toEqual(['village', 'township', 'urban', 'county']);
    expect(chips.map((c) => c.textContent)).toEqual(present.map((pr) => `${PRECISION_LABEL[pr]}${withPrecision(pr)}`));
    fireEvent.click(within(group).getByLabelText(/中心城区/));
    await waitFor(() => expect(within(screen.getByRole('list', { name: '项目列表' })).getAllByRole('listitem')).toHaveLength(withPrecision('urban')));
    expect(window.location.search).toBe('?prec=urban');
  });

  it('keep a value a link asked for, though nothing has it, so it can be unticked', async () => {
    await renderApp('/?prec=site');
    const site = within(screen.getByRole('group', { name: '位置精度' })).getByLabelText(/地点级/);
    expect(site).toBeChecked();
    expect(site.closest('label')).toHaveTextContent('地点级0');
    expect(screen.getByText('没有符合筛选条件的项目。')).toBeInTheDocument();
    fireEvent.click(site);
    await waitFor(() => expect(screen.queryByLabelText(/地点级/)).toBeNull());
  });
});

describe('the sub-category chips', () => {
  it('filter by 子类 and write ?sub=', async () => {
    await renderApp('/');
    const eldercare = screen.getByRole('group', { name: '康养子类' });
    const elderly = projects.filter((p) => p.subcategory === 'elderly');
    expect(within(eldercare).getByLabelText(/养老服务/).closest('label')).toHaveTextContent(`养老服务${elderly.length}`);
    fireEvent.click(within(eldercare).getByLabelText(/养老服务/));
    await waitFor(() => expect(within(screen.getByRole('list', { name: '项目列表' })).getAllByRole('listitem')).toHaveLength(elderly.length));
    expect(window.location.search).toBe('?sub=elderly');
  });
});
