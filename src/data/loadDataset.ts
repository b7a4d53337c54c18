import locationsUrl from '../../data/locations.json?url';
import populationUrl from '../../data/population.json?url';
import projectsUrl from '../../data/projects.json?url';
import { loadGeo, DataLoadError, fetchJson } from '../geo/loadGeo.ts';
import type { GeoBundle } from '../geo/types.ts';
import { parsePopulation, type Population } from './population.ts';
import type { LocatedProject } from './project.ts';
import { parseLocations } from './validateLocations.ts';
import { parseProjects } from './validateProjects.ts';

export interface Dataset {
  geo: GeoBundle;
  projects: LocatedProject[];
  byId: Map<string, LocatedProject>;
  /** Residents of the 12 units (2020 census): the denominator of 人均投资. */
  population: Population;
}

/** Everything the app shows, fetched from its own origin and validated before use. */
export async function loadDataset(): Promise<Dataset> {
  const [geo, projectsJson, locationsJson, populationJson] = await Promise.all([
    loadGeo(),
    fetchJson(projectsUrl, 'data/projects.json'),
    fetchJson(locationsUrl, 'data/locations.json'),
    fetchJson(populationUrl, 'data/population.json'),
  ]);
  const projects = parseProjects(projectsJson, 'data/projects.json');
  const locations = parseLocations(
    locationsJson,
    projects.map((p) => p.id),
    'data/locations.json',
  );
  const located = projects.map((p) => ({ ...p, locations: locations[p.id] ?? [] }));
  const population = parsePopulation(populationJson, 'data/population.json');
  return { geo, projects: located, byId: new Map(located.map((p) => [p.id, p])), population };
}

export { DataLoadError };
