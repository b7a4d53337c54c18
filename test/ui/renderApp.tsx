import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, render, screen } from '@testing-library/react';
import { App } from '../../src/ui/App.tsx';
import type { Project } from '../../src/data/project.ts';
import { resetAppState } from '../../src/state/store.ts';
import { mapRenders } from './fakeMapView.tsx';
import { serveRepoFiles } from './serveGeo.ts';

export const repoProjects = JSON.parse(readFileSync(join(import.meta.dirname, '../../data/projects.json'), 'utf8')) as Project[];

/** Renders the app on the repository's data at `url`, and waits until the explorer is up. */
export async function renderApp(url = '/', override: Record<string, string> = {}) {
  resetAppState();
  mapRenders.length = 0;
  window.history.replaceState(null, '', url);
  serveRepoFiles(override);
  const result = render(<App />);
  await screen.findByTestId('map');
  // The explorer rendered when the data arrived, outside act(), and React runs its effects (the
  // key and drop listeners, the URL sync) in a task of their own: let that task run before the
  // test sends events, however loaded the machine.
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return result;
}
