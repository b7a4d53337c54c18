import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../src/state/store.ts';
import { lastMapProps, lastMapState } from './fakeMapView.tsx';
import { renderApp } from './renderApp.tsx';

afterEach(() => vi.unstubAllGlobals());

const key = (k: string, target: Element = document.body) => fireEvent.keyDown(target, { key: k });
const caption = () => screen.getByRole('region', { name: '演示说明' });
const stepText = () => caption().querySelector('.caption-step')!.textContent;
// Building the tour and the presenter's map in jsdom takes a while on a loaded machine.
const shown = () => screen.findByTestId('presenter', {}, { timeout: 5000 });
const slow = { timeout: 5000 };

describe('presenter mode', () => {
  it('?mode=present&step=2 opens the first zone, hides the explorer chrome and drives the map', async () => {
    await renderApp('/?mode=present&step=2');
    expect(await shown()).toBeInTheDocument();
    expect(stepText()).toBe('2 / 8');
    expect(within(caption()).getByRole('heading', { level: 2 })).toHaveTextContent('城郊休闲乡村片区');
    expect(document.body.classList.contains('presenting')).toBe(true);
    const props = lastMapProps();
    expect(props.state.hoveredZone).toBe('城郊休闲乡村片区');
    expect(props.state.focusCounties).toHaveLength(5);
    expect(props.presenting).toBe(true);
    expect(props.state.camera?.box).toBeDefined();
    expect(props.state.camera?.padding?.bottom).toBeGreaterThan(0);
  });

  it('steps with arrows and remote keys, jumps with digits, keeps the step in the URL', async () => {
    await renderApp('/?mode=present');
    await shown();
    expect(stepText()).toBe('1 / 8');
    const firstFocus = lastMapState().camera!.key;
    key('ArrowRight');
    await waitFor(() => expect(stepText()).toBe('2 / 8'), slow);
    await waitFor(() => expect(window.location.search).toBe('?mode=present&step=2'), slow);
    expect(lastMapState().camera!.key).not.toBe(firstFocus);
    key('PageDown');
    await waitFor(() => expect(stepText()).toBe('3 / 8'), slow);
    key('PageUp');
    await waitFor(() => expect(stepText()).toBe('2 / 8'), slow);
    key('6');
    await waitFor(() => expect(stepText()).toBe('6 / 8'), slow);
    expect(screen.getByRole('list', { name: /个县区按投资密度排名/ }).querySelectorAll('li')).toHaveLength(12);
    expect(Object.keys(lastMapState().countyRanks ?? {})).toHaveLength(12);
    expect(lastMapState().points.data.features).toEqual([]);
    key('9'); // past the last step: nothing
    key('7');
    await waitFor(() => expect(stepText()).toBe('7 / 8'), slow);
    expect(lastMapState().highlightedProjects).toHaveLength(10);
    expect(lastMapState().clustered).toBe(false);
    key('End');
    await waitFor(() => expect(stepText()).toBe('8 / 8'), slow);
    expect(within(caption()).getByRole('heading', { level: 2 })).toHaveTextContent(/^20\d\d 年在建项目$/);
    expect(lastMapState().clustered).toBe(false);
    key('ArrowRight'); // stays on the last step
    key('Home');
    await waitFor(() => expect(stepText()).toBe('1 / 8'), slow);
    await waitFor(() => expect(window.location.search).toBe('?mode=present&step=1'), slow);
  });

  it('leaves with Esc, back to the explorer and its URL', async () => {
    await renderApp('/?cat=health&mode=present&step=3');
    await shown();
    key('Escape');
    await waitFor(() => expect(screen.queryByTestId('presenter')).toBeNull(), slow);
    expect(document.body.classList.contains('presenting')).toBe(false);
    await waitFor(() => expect(window.location.search).toBe('?cat=health'), slow);
    expect(lastMapProps().presenting).toBe(false);
  });

  it('F enters from the explorer (and the 演示模式 button does), but not while typing', async () => {
    await renderApp('/');
    const search = screen.getByRole('searchbox', { name: '搜索项目' });
    key('f', search);
    expect(useAppStore.getState().presenting).toBe(false);
    key('f');
    expect(await shown()).toBeInTheDocument();
    key('Escape');
    await waitFor(() => expect(screen.queryByTestId('presenter')).toBeNull(), slow);
    fireEvent.click(screen.getByRole('button', { name: '演示模式' }));
    expect(await shown()).toBeInTheDocument();
  });

  it('P plays the tour on its own at the chosen interval, and pauses', async () => {
    await renderApp('/?mode=present&step=6');
    await shown();
    // The tour's clock is faked: the test takes no real time and checks the interval exactly.
    vi.useFakeTimers();
    try {
      key('p');
      expect(screen.getByRole('button', { name: /暂停/ })).toHaveAttribute('aria-pressed', 'true');
      act(() => vi.advanceTimersByTime(9_999));
      expect(stepText()).toBe('6 / 8');
      act(() => vi.advanceTimersByTime(1));
      expect(stepText()).toBe('7 / 8');
      fireEvent.change(screen.getByRole('combobox', { name: '自动播放间隔（秒）' }), { target: { value: '5' } });
      act(() => vi.advanceTimersByTime(5_000));
      expect(stepText()).toBe('8 / 8');
      // It loops back to the overview.
      act(() => vi.advanceTimersByTime(5_000));
      expect(stepText()).toBe('1 / 8');
      key('P');
      expect(screen.getByRole('button', { name: /播放/ })).toHaveAttribute('aria-pressed', 'false');
      act(() => vi.advanceTimersByTime(60_000));
      expect(stepText()).toBe('1 / 8');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says so and ignores a step outside the tour', async () => {
    await renderApp('/?mode=present&step=12');
    await shown();
    expect(stepText()).toBe('1 / 8');
    expect(useAppStore.getState().notice).toContain('step=12（应为 1–8）');
  });
});
