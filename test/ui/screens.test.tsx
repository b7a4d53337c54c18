import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lastMapProps } from './fakeMapView.tsx';
import { renderApp } from './renderApp.tsx';

vi.mock('../../src/map/MapView.tsx', async () => ({ MapView: (await import('./fakeMapView.tsx')).FakeMapView }));
beforeEach(() => localStorage.clear());
afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

/** A phone: the media query of useNarrow matches (jsdom has no matchMedia of its own). */
function asPhone() {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query === '(max-width: 720px)',
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}

const filters = () => screen.queryByRole('region', { name: '筛选' });
const panel = () => screen.getByRole('complementary', { name: '项目面板' });
const legend = () => screen.getByRole('complementary', { name: '图例' });

describe('screens', () => {
  it('with a county card open the filters fold into one line that names the other filters, and unfold', async () => {
    await renderApp('/?county=140425&cat=health');
    expect(filters()).toBeNull();
    expect(screen.getByText('筛选：卫生健康 · 1 项条件')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '展开' }));
    expect(filters()).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '收起筛选' }));
    expect(filters()).toBeNull();
    cleanup();
    // No card: the filters are all there, with nothing to fold.
    await renderApp('/?cat=health');
    expect(filters()).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '展开' })).toBeNull();
  });

  it('the legend folds to one line naming the metric, and stays folded after a reload', async () => {
    await renderApp('/?metric=total');
    fireEvent.click(within(legend()).getByRole('button', { name: /收起/ }));
    expect(within(legend()).queryByRole('combobox', { name: '指标' })).toBeNull();
    expect(within(legend()).getByRole('button', { expanded: false })).toHaveTextContent('图例总投资（亿元）展开');
    cleanup();
    await renderApp('/');
    expect(within(legend()).getByRole('button', { expanded: false })).toHaveTextContent('图例投资密度（万元/km²）展开');
    fireEvent.click(within(legend()).getByRole('button', { expanded: false }));
    expect(within(legend()).getByRole('combobox', { name: '指标' })).toBeInTheDocument();
  });

  it('on a phone the panel is a sheet: it peeks, a tap on a county raises it, its grip steps through full and back to the map', async () => {
    asPhone();
    localStorage.setItem('cz-legend', 'open');
    await renderApp('/');
    // The legend is one line on a phone whatever a laptop remembered.
    expect(within(legend()).getByRole('button', { expanded: false })).toBeInTheDocument();
    expect(panel()).toHaveAttribute('data-sheet', 'peek');
    act(() => lastMapProps().onClickCounty('140425'));
    expect(panel()).toHaveAttribute('data-sheet', 'half');
    expect(screen.getByTestId('area-card')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '面板全屏' }));
    expect(panel()).toHaveAttribute('data-sheet', 'full');
    fireEvent.click(screen.getByRole('button', { name: '收起面板，显示地图' }));
    expect(panel()).toHaveAttribute('data-sheet', 'peek');
  });

  it('on a phone the filters are one line that opens them as a sheet of their own, closed with 完成', async () => {
    asPhone();
    await renderApp('/?cat=health');
    expect(filters()).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '展开' }));
    expect(filters()).toBeInTheDocument();
    expect(panel()).toHaveAttribute('data-sheet', 'full');
    expect(panel()).toHaveAttribute('data-filters', 'open');
    fireEvent.click(screen.getByRole('button', { name: '完成（显示 16 个项目）' }));
    expect(filters()).toBeNull();
    expect(panel()).toHaveAttribute('data-sheet', 'peek');
  });
});
