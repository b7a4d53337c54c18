import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lastMapProps, lastMapState } from './fakeMapView.tsx';
import { probes } from './probes.ts';
import { renderApp, repoProjects } from './renderApp.tsx';

afterEach(() => vi.unstubAllGlobals());

const items = () => within(screen.getByRole('list', { name: '项目列表' })).getAllByRole('listitem');

// The list's renders are counted by the mocked ProjectList of test/setup-dom.ts.
/** The project list is the costliest part of the panel: it renders when what it shows changes, not on map hover. */
describe('side panel renders', () => {
  it('does not render the list again when the pointer moves over the counties', async () => {
    await renderApp();
    await waitFor(() => expect(items()).toHaveLength(repoProjects.length));
    const before = probes.listRenders;
    act(() => lastMapProps().onHoverCounty('140425'));
    act(() => lastMapProps().onHoverCounty('140431'));
    act(() => lastMapProps().onHoverCounty(null));
    expect(lastMapState().hoveredCounty).toBeNull();
    expect(probes.listRenders).toBe(before);
  });

  it('renders the list as often for a county change (which also moves the camera) as for a category change', async () => {
    await renderApp();
    await waitFor(() => expect(items()).toHaveLength(repoProjects.length));
    const filters = screen.getByRole('region', { name: '筛选' });

    let before = probes.listRenders;
    fireEvent.click(within(within(filters).getByRole('group', { name: '类别' })).getByLabelText(/教育/));
    await waitFor(() => expect(items().length).toBeLessThan(repoProjects.length));
    const forCategory = probes.listRenders - before;

    before = probes.listRenders;
    fireEvent.click(within(filters).getByRole('button', { name: '平顺县' }));
    await waitFor(() => expect(lastMapState().camera).not.toBeNull());
    const forCounty = probes.listRenders - before;
    expect(forCategory).toBeGreaterThan(0);
    expect(forCounty).toBe(forCategory);
  });
});
