import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../src/state/store.ts';
import { lastMapProps, lastMapState } from './fakeMapView.tsx';
import { renderApp, repoProjects } from './renderApp.tsx';

afterEach(() => vi.unstubAllGlobals());

/** The county table's row for a county: rank, name, count, total, share, density, per person, area, residents. */
async function tableRow(name: string): Promise<string[]> {
  fireEvent.click(screen.getByRole('tab', { name: '表格' }));
  const table = await screen.findByRole('table', { name: '县区投资表' });
  const row = within(table).getByRole('button', { name }).closest('tr')!;
  const cells = [...row.querySelectorAll('td, th')].map((c) => c.textContent ?? '');
  fireEvent.click(screen.getByRole('tab', { name: '列表' }));
  return cells;
}

describe('county card', () => {
  it('shows the county with the figures and density rank of the unfiltered county table', async () => {
    await renderApp('/');
    // The table ranks under the current filters: read it before filtering to the county.
    const [rank, , count, total, , density, perCapita] = await tableRow('平顺县');
    fireEvent.click(within(screen.getByRole('group', { name: '县区' })).getByRole('button', { name: '平顺县' }));
    const c = await screen.findByTestId('area-card', {}, { timeout: 5000 });
    expect(within(c).getByRole('heading', { level: 2, name: '平顺县' })).toBeInTheDocument();
    expect(c).toHaveTextContent('太行山水风景片区');
    expect(within(c).getByTestId('card-count')).toHaveTextContent(count!.replace(/\(.*/, ''));
    expect(within(c).getByTestId('card-total')).toHaveTextContent(total!);
    expect(within(c).getByTestId('card-density')).toHaveTextContent(density!);
    expect(within(c).getByTestId('card-density').parentElement).toHaveTextContent(`第 ${rank} / 12`);
    expect(within(c).getByTestId('card-percapita')).toHaveTextContent(perCapita!);
    expect(c).toHaveTextContent('全部项目，排名为 12 个县区之间');
    expect(window.location.search).toBe('?county=140425');
    // The map frames and keeps bright only this county.
    await waitFor(() => expect(lastMapState().focusCounties).toEqual(['140425']));
    expect(lastMapState().camera?.box).toBeDefined();
  });

  it('opens from a ?county= link', async () => {
    await renderApp('/?county=140425');
    expect(within(await screen.findByTestId('area-card', {}, { timeout: 5000 })).getByRole('heading', { level: 2, name: '平顺县' })).toBeInTheDocument();
  });

  it('draws investment by category in SVG and says how many projects are placed better than the county', async () => {
    await renderApp('/?county=140425');
    const c = await screen.findByTestId('area-card', {}, { timeout: 5000 });
    const chart = within(c).getByRole('img', { name: /按类别的投资/ });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    const cats = new Set(repoProjects.filter((p) => p.counties.includes('140425')).map((p) => p.category));
    expect(chart.querySelectorAll('g[data-category]')).toHaveLength(cats.size);
    expect(within(c).getByTestId('card-precise').textContent).toMatch(/^\d+ \/ \d+ 项（\d+%）$/);
  });

  it('appears on a click on the map, says when other filters apply, and closes by clearing the county', async () => {
    await renderApp('/?cat=education');
    expect(screen.queryByTestId('area-card')).toBeNull();
    act(() => lastMapProps().onClickCounty('140427'));
    const c = await screen.findByTestId('area-card', {}, { timeout: 5000 });
    expect(within(c).getByRole('heading', { name: '壶关县' })).toBeInTheDocument();
    expect(c).toHaveTextContent('在当前筛选下（类别：教育）');
    fireEvent.click(within(c).getByRole('button', { name: /关闭县区卡片/ }));
    await waitFor(() => expect(screen.queryByTestId('area-card')).toBeNull());
    expect(useAppStore.getState().filters.counties).toEqual([]);
    expect(useAppStore.getState().filters.categories).toEqual(['education']);
  });

  it('is not shown for two counties', async () => {
    await renderApp('/?county=140425,140426');
    await screen.findByRole('list', { name: '项目列表' });
    expect(screen.queryByTestId('area-card')).toBeNull();
  });

  it('prints a sheet with every project of the county, titled, dated and sourced', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    await renderApp('/?county=140425');
    const c = await screen.findByTestId('area-card', {}, { timeout: 5000 });
    fireEvent.click(within(c).getByRole('button', { name: '打印' }));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    const sheet = screen.getByTestId('print-sheet');
    expect(sheet.parentElement).toBe(document.body);
    expect(sheet).toHaveTextContent('平顺县 · 县区项目概况');
    expect(sheet).toHaveTextContent(/打印日期 \d{4}-\d{2}-\d{2}/);
    expect(sheet).toHaveTextContent('长政发〔2022〕20号');
    expect(sheet).toHaveTextContent('乡镇中心点: Vonng/adcode (CC BY 4.0), 高德地图 GCJ-02, 经转换');
    const items = within(sheet).getAllByRole('listitem', { hidden: true });
    const countedOnce = repoProjects.filter((p) => p.counties.includes('140425') && p.duplicateOf === null && p.partOf === null);
    expect(items).toHaveLength(countedOnce.length);
    for (const p of countedOnce) expect(sheet).toHaveTextContent(p.name);
  });
});

describe('zone card', () => {
  it('?zone= compares the zone with its member counties', async () => {
    await renderApp(`/?zone=${encodeURIComponent('城郊休闲乡村片区')}`);
    const c = await screen.findByTestId('area-card', {}, { timeout: 5000 });
    expect(within(c).getByRole('heading', { level: 2, name: '城郊休闲乡村片区' })).toBeInTheDocument();
    expect(c).toHaveTextContent('排名为四片区之间');
    const members = within(c).getByRole('table', { name: '城郊休闲乡村片区所含县区' });
    expect(within(members).getAllByRole('row').slice(1).map((r) => r.querySelector('th')!.textContent).sort()).toEqual(
      ['潞州区', '上党区', '屯留区', '潞城区', '长子县'].sort(),
    );
    fireEvent.click(within(c).getByRole('button', { name: /关闭片区卡片/ }));
    await waitFor(() => expect(useAppStore.getState().filters.zone).toBeNull());
  });
});
