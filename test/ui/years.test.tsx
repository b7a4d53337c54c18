/** Time, as a planner reaches it: the unknown-year choice of the year filter, the 年度 tab, 在建年份 and its play button. */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PLAY_STEP_MS } from '../../src/ui/useYearPlayer.ts';
import { useAppStore } from '../../src/state/store.ts';
import { lastMapState } from './fakeMapView.tsx';
import { renderApp, repoProjects } from './renderApp.tsx';

vi.mock('../../src/map/MapView.tsx', async () => ({ MapView: (await import('./fakeMapView.tsx')).FakeMapView }));
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const items = () => within(screen.getByRole('list', { name: '项目列表' })).getAllByRole('listitem');
const noYear = repoProjects.filter((p) => p.startYear === null);
const noYearOnce = noYear.filter((p) => p.duplicateOf === null && p.partOf === null).length;

describe('years', () => {
  it('?year=2021~2025 keeps the projects without a year, says how many, and 排除 drops them', async () => {
    await renderApp('/?year=2021~2025');
    const inRange = repoProjects.filter((p) => p.startYear !== null && p.startYear >= 2021 && p.startYear <= 2025);
    expect(items()).toHaveLength(inRange.length + noYear.length);
    const choice = screen.getByRole('group', { name: `所选项目中 ${noYearOnce} 项未列开工年份：` });
    expect(within(choice).getByRole('radio', { name: '包括' })).toBeChecked();
    expect(screen.getByTestId('summary-year')).toHaveTextContent(`其中 ${noYearOnce} 项未列开工年份（已包括）`);
    fireEvent.click(within(choice).getByRole('radio', { name: '排除' }));
    expect(items()).toHaveLength(inRange.length);
    expect(screen.getByTestId('summary-year')).toHaveTextContent(`另有 ${noYearOnce} 项未列开工年份（已排除）`);
    expect(decodeURIComponent(window.location.search)).toBe('?year=2021~2025&noyear=exclude');
  });

  it('the 年度 tab charts the selection by year and plays 在建年份 from 2020 to 2027', async () => {
    await renderApp('/?tab=years');
    expect(screen.getByRole('img', { name: /^按年度的投资：.*2021年 [\d.]+ 亿元（\d+ 项在建）.*未列年份 \d+ 项共/ })).toBeInTheDocument();
    expect(screen.getByTestId('year-assumption')).toHaveTextContent('逐年平均分配');
    expect(screen.getByRole('slider', { name: '在建年份' })).toHaveAttribute('aria-valuetext', '未选择');

    vi.useFakeTimers();
    fireEvent.click(screen.getByRole('button', { name: '播放 2020–2027' }));
    expect(useAppStore.getState().filters.asOf).toBe(2020);
    for (const year of [2021, 2022, 2023]) {
      act(() => vi.advanceTimersByTime(PLAY_STEP_MS));
      expect(useAppStore.getState().filters.asOf).toBe(year);
    }
    // The map draws exactly the points of the projects under construction that year.
    const building = repoProjects.filter((p) => p.startYear !== null && p.startYear <= 2023 && 2023 <= (p.endYear ?? p.startYear));
    // (every project but the citywide ones has a point)
    expect(new Set(lastMapState().points.data.features.map((f) => f.properties.pid))).toEqual(
      new Set(building.filter((p) => p.scope !== 'citywide').map((p) => p.id)),
    );
    expect(screen.getByTestId('asof-summary')).toHaveTextContent(`未列年份的 ${noYearOnce} 项不在其中`);
    // Each year is scheduled when the one before is drawn: step through to the end and one step past it.
    for (let i = 0; i < 6; i++) act(() => vi.advanceTimersByTime(PLAY_STEP_MS));
    expect(useAppStore.getState().filters.asOf).toBe(2027);
    expect(screen.getByRole('button', { name: '播放 2020–2027' })).toHaveAttribute('aria-pressed', 'false');
    expect(window.location.search).toBe('?asof=2027&tab=years');
    // Moving the slider picks a year by hand; 全部年份 clears it.
    fireEvent.change(screen.getByRole('slider', { name: '在建年份' }), { target: { value: '2022' } });
    expect(useAppStore.getState().filters.asOf).toBe(2022);
    fireEvent.click(screen.getByRole('button', { name: '全部年份' }));
    expect(useAppStore.getState().filters.asOf).toBeNull();
  });
});
