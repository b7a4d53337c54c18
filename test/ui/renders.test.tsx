import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProjectList as RealProjectList } from '../../src/ui/ProjectList.tsx';
import { lastMapProps, lastMapState } from './fakeMapView.tsx';
import { renderApp, repoProjects } from './renderApp.tsx';

const listRenders = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/map/MapView.tsx', async () => ({ MapView: (await import('./fakeMapView.tsx')).FakeMapView }));
// The real list, counting its renders.
vi.mock('../../src/ui/ProjectList.tsx', async (importOriginal) => {
  const actual = await importOriginal<{ ProjectList: typeof RealProjectList }>();
  return {
    ...actual,
    ProjectList: (props: Parameters<typeof RealProjectList>[0]) => {
      listRenders.count++;
      return actual.ProjectList(props);
    },
  };
});
afterEach(() => vi.unstubAllGlobals());

const items = () => within(screen.getByRole('list', { name: '项目列表' })).getAllByRole('listitem');

/** The project list is the costliest part of the panel: it renders when what it shows changes, not on map hover. */
describe('side panel renders', () => {
  it('does not render the list again when the pointer moves over the counties', async () => {
    await renderApp();
    await waitFor(() => expect(items()).toHaveLength(repoProjects.length));
    const before = listRenders.count;
    act(() => lastMapProps().onHoverCounty('140425'));
    act(() => lastMapProps().onHoverCounty('140431'));
    act(() => lastMapProps().onHoverCounty(null));
    expect(lastMapState().hoveredCounty).toBeNull();
    expect(listRenders.count).toBe(before);
  });

  it('renders the list as often for a county change (which also moves the camera) as for a category change', async () => {
    await renderApp();
    await waitFor(() => expect(items()).toHaveLength(repoProjects.length));
    const filters = screen.getByRole('region', { name: '筛选' });

    let before = listRenders.count;
    fireEvent.click(within(within(filters).getByRole('group', { name: '类别' })).getByLabelText(/教育/));
    await waitFor(() => expect(items().length).toBeLessThan(repoProjects.length));
    const forCategory = listRenders.count - before;

    before = listRenders.count;
    fireEvent.click(within(filters).getByRole('button', { name: '平顺县' }));
    await waitFor(() => expect(lastMapState().camera).not.toBeNull());
    const forCounty = listRenders.count - before;
    expect(forCategory).toBeGreaterThan(0);
    expect(forCounty).toBe(forCategory);
  });
});
