import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoUnits, type GeoUnits } from '../../src/analysis/explore.ts';
import { parsePopulation, residentsByCounty, type Population } from '../../src/data/population.ts';
import type { LocatedProject, LocationsById, Project } from '../../src/data/project.ts';
import type { GeoBundle } from '../../src/geo/types.ts';

const root = join(import.meta.dirname, '../..');

/** The repository's data, joined as the app joins it (units with the census residents). */
export function repoData(): { projects: LocatedProject[]; geo: GeoBundle; units: GeoUnits; population: Population } {
  const read = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8')) as unknown;
  const projects = read('data/projects.json') as Project[];
  const locations = read('data/locations.json') as LocationsById;
  const geo = {
    counties: read('geo/counties.geojson'),
    city: read('geo/city.geojson'),
    zones: read('geo/zones.geojson'),
    context: read('geo/context.geojson'),
  } as GeoBundle;
  const population = parsePopulation(read('data/population.json'));
  return {
    projects: projects.map((p) => ({ ...p, locations: locations[p.id] ?? [] })),
    geo,
    units: geoUnits(geo, residentsByCounty(population)),
    population,
  };
}

