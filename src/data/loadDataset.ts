import locationsUrl from '../../data/locations.json?url';
import projectsUrl from '../../data/projects.json?url';
import { loadGeo, DataLoadError, fetchJson } from '../geo/loadGeo.ts';
import type { GeoBundle } from '../geo/types.ts';
import type { LocatedProject } from './project.ts';
import { parseLocations } from './validateLocations.ts';
import { parseProjects } from './validateProjects.ts';

export interface Dataset {
  geo: GeoBundle;
  projects: LocatedProject[];
  byId: Map<string, LocatedProject>;
}

/** Everything the app shows, fetched from its own origin and validated before use. */
export async function loadDataset(): Promise<Dataset> {
  const [geo, projectsJson, locationsJson] = await Promise.all([
    loadGeo(),
    fetchJson(projectsUrl, 'data/projects.json'),
    fetchJson(locationsUrl, 'data/locations.json'),
  ]);
  const projects = parseProjects(projectsJson, 'data/projects.json');
  const locations = parseLocations(
    locationsJson,
    projects.map((p) => p.id),
    'data/locations.json',
  );
  const located = projects.map((p) => ({ ...p, locations: locations[p.id] ?? [] }));
  return { geo, projects: located, byId: new Map(located.map((p) => [p.id, p])) };
}

export { DataLoadError };
