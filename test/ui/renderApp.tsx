import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen } from '@testing-library/react';
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
  return result;
}
