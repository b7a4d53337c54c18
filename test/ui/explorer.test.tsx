import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/ui/App.tsx';
import { useAppStore } from '../../src/state/store.ts';
import { lastMapProps, lastMapState } from './fakeMapView.tsx';
import { renderApp, repoProjects } from './renderApp.tsx';
import { serveRepoFiles } from './serveGeo.ts';

afterEach(() => vi.unstubAllGlobals());

const list = () => screen.getByRole('list', { name: '项目列表' });
const items = () => within(list()).getAllByRole('listitem');
// Each real project once: repeated listings and parts of other rows are not counted again.
const countedOnce = repoProjects.filter((p) => p.duplicateOf === null && p.partOf === null);

describe('explorer', () => {
  it('lists every project and hands the map the 12 counties and a point per location', async () => {
    await renderApp();
    await waitFor(() => expect(items()).toHaveLength(repoProjects.length));
    expect(screen.getByTestId('summary-count')).toHaveTextContent(String(countedOnce.length));
    const props = lastMapProps();
    expect(props.state.geo.counties.features).toHaveLength(12);
    const locations = JSON.parse(readFileSync(join(import.meta.dirname, '../../data/locations.json'), 'utf8')) as Record<
      string,
      unknown[]
    >;
    const locationCount = Object.values(locations).reduce((n, l) => n + l.length, 0);
    expect(props.state.points.data.features).toHaveLength(locationCount);
    expect(Object.keys(props.state.countyClass)).toHaveLength(12);
  });

  it('filters list, figures and map by category', async () => {
    await renderApp();
    fireEvent.click(within(screen.getByRole('group', { name: '类别' })).getByLabelText(/教育/));
    const education = repoProjects.filter((p) => p.category === 'education');
    await waitFor(() => expect(items()).toHaveLength(education.length));
    expect(screen.getByTestId('summary-count')).toHaveTextContent(String(education.length));
    expect(new Set(lastMapState().points.data.features.map((f) => f.properties.category))).toEqual(new Set(['education']));
    fireEvent.click(screen.getByRole('button', { name: /清除筛选/ }));
    await waitFor(() => expect(items()).toHaveLength(repoProjects.length));
  });

  it('searches names, places and owners (搜索项目)', async () => {
    await renderApp();
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索项目' }), { target: { value: '沁源 医院' } });
    const expected = repoProjects.filter((p) => {
      const text = [p.name, p.locationText, p.owner, p.department].join('\n');
      return text.includes('沁源') && text.includes('医院');
    });
    expect(expected.length).toBeGreaterThan(0);
    await waitFor(() => expect(items()).toHaveLength(expected.length));
    expect(items().map((li) => li.textContent)).toEqual(expect.arrayContaining(expected.map((p) => expect.stringContaining(p.name))));
  });

  it('filters by county from the chips and from a click on the map', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: '平顺县', pressed: false }));
    const pingshun = repoProjects.filter((p) => p.counties.includes('140425'));
    await waitFor(() => expect(items()).toHaveLength(pingshun.length));
    expect(lastMapState().selectedCounties).toEqual(['140425']);
    act(() => lastMapProps().onClickCounty('140426'));
    expect(useAppStore.getState().filters.counties).toEqual(['140425', '140426']);
    await waitFor(() => expect(items()).toHaveLength(repoProjects.filter((p) => p.counties.some((c) => c === '140425' || c === '140426')).length));
  });

  it('highlights a project on the map while its list item is hovered', async () => {
    await renderApp();
    fireEvent.mouseEnter(items()[0]!);
    const id = useAppStore.getState().hoveredProject;
    expect(id).not.toBeNull();
    await waitFor(() => expect(lastMapState().highlightedProjects).toEqual([id]));
    fireEvent.mouseLeave(items()[0]!);
    await waitFor(() => expect(lastMapState().highlightedProjects).toEqual([]));
  });

  it('opens a project with every field, its locations and its raw source row, and frames it', async () => {
    await renderApp();
    const p = repoProjects.find((x) => x.id === 'A1-07')!;
    fireEvent.click(within(list()).getByText(p.name));
    expect(await screen.findByRole('heading', { level: 2, name: p.name })).toBeInTheDocument();
    expect(screen.getByLabelText('原文').textContent).toBe(p.source.raw);
    expect(screen.getAllByText(/位置精度：/).length).toBeGreaterThan(0);
    await waitFor(() => expect(lastMapState().camera?.points?.length).toBeGreaterThan(0));
    await waitFor(() => expect(window.location.search).toBe(`?project=${p.id}`));
    fireEvent.click(screen.getByRole('button', { name: '← 返回列表' }));
    expect(await screen.findByRole('list', { name: '项目列表' })).toBeInTheDocument();
  });

  it('shows repaired rows with their notes in the detail view', async () => {
    const repaired = repoProjects.find((p) => p.source.repaired && p.source.note)!;
    await renderApp(`/?project=${encodeURIComponent(repaired.id)}`);
    expect(screen.getByRole('heading', { level: 2, name: repaired.name })).toBeInTheDocument();
    expect(screen.getByText(repaired.source.note!)).toBeInTheDocument();
  });

  it('has a county table reachable without the map, ranked by density', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('tab', { name: '表格' }));
    const table = await screen.findByRole('table', { name: '县区投资表' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(12);
    expect(rows[0]!.querySelector('td')!.textContent).toBe('1');
    fireEvent.click(within(table).getByRole('button', { name: '沁源县' }));
    expect(useAppStore.getState().filters.counties).toEqual(['140431']);
    expect(within(await screen.findByRole('table', { name: '片区投资表' })).getAllByRole('row')).toHaveLength(5);
  });

  it('choosing a county keeps the table and the map comparing all 12', async () => {
    await renderApp('/?tab=table');
    const rowsOf = async () =>
      within(await screen.findByRole('table', { name: '县区投资表' }))
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent);
    const before = await rowsOf();
    const classesBefore = lastMapState().countyClass;
    fireEvent.click(within(screen.getByRole('group', { name: '县区' })).getByRole('button', { name: '平顺县' }));
    await waitFor(() => expect(lastMapState().selectedCounties).toEqual(['140425']));
    expect(await rowsOf()).toEqual(before);
    expect(lastMapState().countyClass).toEqual(classesBefore);
    const pingshun = repoProjects.filter((p) => p.counties.includes('140425'));
    await waitFor(() => expect(screen.getByTestId('summary-count')).toHaveTextContent(String(pingshun.length)));
  });

  it('explains the data: sources, units, repaired rows and the gazetteer attribution', async () => {
    await renderApp('/?tab=about');
    const about = screen.getByRole('article', { name: '数据说明' });
    const repaired = repoProjects.filter((p) => p.source.repaired).length;
    expect(within(about).getByRole('heading', { name: `修复的行（${repaired}）` })).toBeInTheDocument();
    expect(about).toHaveTextContent('乡镇中心点: Vonng/adcode (CC BY 4.0), 高德地图 GCJ-02, 经转换');
    expect(about).toHaveTextContent('附件3（教育）原文为万元');
  });

  it('restores a shared link and reports what it ignored', async () => {
    await renderApp('/?county=140425,999999&metric=total&q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    const state = useAppStore.getState();
    expect(state.filters.counties).toEqual(['140425']);
    expect(state.metric).toBe('total');
    expect(screen.getByRole('status')).toHaveTextContent('county=999999（未知的县区代码）');
    // The query is shown as text, never parsed as HTML: in the search box, and in the line the card folds the filters into.
    expect(screen.getByRole('searchbox', { name: '搜索项目', hidden: true })).toHaveValue('<img src=x onerror=alert(1)>');
    expect(screen.getByTitle('筛选：<img src=x onerror=alert(1)> · 1 项条件')).toHaveTextContent('筛选：<img src=x onerror=alert(1)> · 1 项条件');
    expect(document.querySelector('img')).toBeNull();
  });

  it('drops a q holding a direction override or a zero-width character, and says so', async () => {
    await renderApp('/?q=%E2%80%AE%E5%8C%BB%E9%99%A2&county=140425');
    // The county's card folds the filters into one line: open them.
    fireEvent.click(screen.getByRole('button', { name: '展开' }));
    expect(screen.getByRole('searchbox', { name: '搜索项目' })).toHaveValue('');
    expect(screen.getByRole('status')).toHaveTextContent('q=⟨U+202E⟩医院（含不可见字符或方向控制符）');
    expect(useAppStore.getState().filters.counties).toEqual(['140425']);
    // Typed or pasted into the box, such characters are left out too.
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索项目' }), { target: { value: '医\u200b院\u202e' } });
    expect(useAppStore.getState().filters.query).toBe('医院');
  });

  it('Back and Forward restore the view the URL describes', async () => {
    await renderApp('/?q=%E5%8C%BB%E9%99%A2');
    const search = () => screen.getByRole('searchbox', { name: '搜索项目' });
    const hospitals = items().length;
    window.location.hash = 'detail'; // a new history entry, as a link to #… makes
    fireEvent.change(search(), { target: { value: '学校' } });
    await waitFor(() => expect(decodeURIComponent(window.location.search)).toBe('?q=学校'));
    act(() => window.history.back());
    await waitFor(() => expect(decodeURIComponent(window.location.search)).toBe('?q=医院'));
    await waitFor(() => expect(search()).toHaveValue('医院'));
    await waitFor(() => expect(items()).toHaveLength(hospitals));
    act(() => window.history.forward());
    await waitFor(() => expect(search()).toHaveValue('学校'));
  });

  it('names the file, row and field when the dataset is broken, and draws no map', async () => {
    const broken = structuredClone(repoProjects) as unknown as Record<string, unknown>[];
    (broken[5]!.investment as Record<string, unknown>).total = 'abc';
    serveRepoFiles({ 'data/projects.json': JSON.stringify(broken) });
    render(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/data\/projects\.json row 5 \(A1-06\): field investment\.total/);
    expect(screen.queryByTestId('map')).toBeNull();
  });

  it('says which geo file is missing', async () => {
    serveRepoFiles();
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (input: RequestInfo | URL) =>
      String(input).includes('zones') ? Promise.resolve(new Response('', { status: 404 })) : realFetch(input),
    );
    render(<App />);
    expect(await screen.findByRole('alert')).toHaveTextContent('geo/zones.geojson: answered HTTP 404');
  });
});
