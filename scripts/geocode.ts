/**
 * Geocoder: data/projects.json + the township gazetteer (../shared/gazetteer,
 * read in place) + data/geocode-overrides.json -> data/locations.json, one
 * array of locations per project, each with its precision and how it was found.
 *
 *   npm run data:geocode            write data/locations.json and print the figures
 *   npm run data:geocode -- --check exit 1 if data/locations.json differs from a fresh run
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { finerThan, finestOf, LOCATION_METHODS, PRECISIONS, type LocationMethod, type LocationsById, type Precision, type Project } from '../src/data/project.ts';
import { parseProjects } from '../src/data/validateProjects.ts';
import type { CityCollection, CountyCollection, CountyFeature } from '../src/geo/types.ts';
import { geocodeProject, GeocodeError, type GeocodeContext, type ProjectGeocode } from './geocode/engine.ts';
import { gazetteerDir, loadGazetteer } from './geocode/gazetteer.ts';
import { readOverrides } from './geocode/overrides.ts';
import { runAsMain } from './runAsMain.ts';
import { errorMessage } from '../src/errorMessage.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export const FILES = {
  projects: 'data/projects.json',
  overrides: 'data/geocode-overrides.json',
  locations: 'data/locations.json',
  counties: 'geo/counties.geojson',
  city: 'geo/city.geojson',
} as const;

const METHODS: readonly LocationMethod[] = LOCATION_METHODS;

export interface GeocodeRun {
  /** The exact content of data/locations.json. */
  text: string;
  locations: LocationsById;
  results: ProjectGeocode[];
  /** The figures, as printed lines. */
  report: string[];
  stats: GeocodeStats;
}

export interface GeocodeStats {
  projects: number;
  byScope: Record<Project['scope'], number>;
  /** Locations per precision and per method. */
  locationsByPrecision: Record<Precision, number>;
  locationsByMethod: Record<LocationMethod, number>;
  /** Local and multi-county projects by their best location's precision. */
  projectsByBestPrecision: Record<Precision, number>;
  localBetterThanCounty: number;
  localTotal: number;
}

function readJson<T>(root: string, file: string): T {
  const path = join(root, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new GeocodeError(file, 'not found');
  }
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new GeocodeError(file, `is not valid JSON (${errorMessage(err)})`);
  }
}

/** Everything the geocoder reads, from a repository root (the gazetteer from ../shared beside it). */
export function loadContext(root: string = ROOT): { projects: Project[]; ctx: GeocodeContext } {
  // Validated as the app validates it: a malformed row fails here, naming the row and field.
  const projects = parseProjects(readJson<unknown>(root, FILES.projects), FILES.projects);
  const counties = readJson<CountyCollection>(root, FILES.counties);
  const city = readJson<CityCollection>(root, FILES.city);
  const seat = city.features[0]?.properties.seat;
  if (!seat) throw new GeocodeError(FILES.city, 'has no feature with properties.seat');
  const gazetteer = loadGazetteer(gazetteerDir(root), counties);
  const overrides = readOverrides(join(root, FILES.overrides));
  const ids = new Set(projects.map((p) => p.id));
  for (const o of overrides) {
    if (!ids.has(o.id)) throw new GeocodeError(FILES.overrides, `override for ${o.id}: no such project in ${FILES.projects}`);
  }
  return {
    projects,
    ctx: {
      gazetteer,
      counties: new Map(counties.features.map((f: CountyFeature) => [f.properties.adcode, f])),
      citySeat: seat,
      overrides,
      files: { projects: FILES.projects, overrides: FILES.overrides },
    },
  };
}


/** Runs the geocoder in memory: deterministic for the same inputs. */
export function runGeocode(projects: Project[], ctx: GeocodeContext): GeocodeRun {
  const seen = new Set<string>();
  const results = projects.map((p) => {
    if (seen.has(p.id)) throw new GeocodeError(FILES.projects, `duplicate project id ${p.id}`);
    seen.add(p.id);
    return geocodeProject(p, ctx);
  });
  const locations: LocationsById = {};
  for (const r of results) locations[r.id] = r.locations;
  const text = `${JSON.stringify(locations, null, 2)}\n`;
  const stats = statsOf(projects, results);
  return { text, locations, results, stats, report: reportOf(projects, results, stats) };
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

function statsOf(projects: Project[], results: ProjectGeocode[]): GeocodeStats {
  const stats: GeocodeStats = {
    projects: projects.length,
    byScope: { local: 0, multi: 0, citywide: 0 },
    locationsByPrecision: zeros(PRECISIONS),
    locationsByMethod: zeros(METHODS),
    projectsByBestPrecision: zeros(PRECISIONS),
    localBetterThanCounty: 0,
    localTotal: 0,
  };
  projects.forEach((p, i) => {
    const locs = results[i]!.locations;
    stats.byScope[p.scope]++;
    for (const l of locs) {
      stats.locationsByPrecision[l.precision]++;
      stats.locationsByMethod[l.method]++;
    }
    if (locs.length === 0) return;
    const best = finestOf(locs.map((l) => l.precision))!;
    stats.projectsByBestPrecision[best]++;
    if (p.scope === 'local') {
      stats.localTotal++;
      if (finerThan(best, 'county')) stats.localBetterThanCounty++;
    }
  });
  return stats;
}

function pct(n: number, d: number): string {
  return d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`;
}

function reportOf(projects: Project[], results: ProjectGeocode[], s: GeocodeStats): string[] {
  const lines: string[] = [];
  const located = s.byScope.local + s.byScope.multi;
  lines.push(`projects: ${s.projects} (local ${s.byScope.local}, multi-county ${s.byScope.multi}, citywide ${s.byScope.citywide} listed without a point)`);
  const nLoc = Object.values(s.locationsByPrecision).reduce((a, b) => a + b, 0);
  lines.push(`locations: ${nLoc}`);
  lines.push('  by precision: ' + PRECISIONS.map((k) => `${k} ${s.locationsByPrecision[k]}`).join(', '));
  lines.push('  by method:    ' + METHODS.map((k) => `${k} ${s.locationsByMethod[k]}`).join(', '));
  lines.push(`projects with a point, by their best precision (${located}):`);
  for (const k of PRECISIONS) lines.push(`  ${k.padEnd(9)}${String(s.projectsByBestPrecision[k]).padStart(4)}  ${pct(s.projectsByBestPrecision[k], located)}`);
  lines.push(`local projects placed better than county precision: ${s.localBetterThanCounty} of ${s.localTotal} (${pct(s.localBetterThanCounty, s.localTotal)})`);

  const cross: Record<string, Record<string, number>> = {};
  for (const r of results) for (const l of r.locations) {
    cross[l.precision] ??= {};
    cross[l.precision]![l.method] = (cross[l.precision]![l.method] ?? 0) + 1;
  }
  lines.push('locations by precision x method:');
  for (const k of PRECISIONS) {
    const row = cross[k];
    if (row) lines.push(`  ${k.padEnd(9)}` + METHODS.filter((m) => row[m]).map((m) => `${m} ${row[m]}`).join(', '));
  }

  const fallbacks = projects.filter((_, i) => results[i]!.locations.some((l) => l.method === 'county'));
  lines.push(`projects with a county fallback (${fallbacks.length}):`);
  fallbacks.forEach((p) => {
    const r = results.find((x) => x.id === p.id)!;
    const n = r.locations.filter((l) => l.method === 'county').length;
    const note = r.locations.find((l) => l.method === 'county')!.note;
    lines.push(`  ${p.id.padEnd(12)} ${p.scope === 'multi' ? `[${n}/${r.locations.length} counties] ` : ''}${p.name.slice(0, 24)} — ${note}`);
  });
  const unresolved = results.filter((r) => r.unresolved.length > 0);
  lines.push(`unresolved place names (${unresolved.reduce((a, r) => a + r.unresolved.length, 0)}):`);
  for (const r of unresolved) lines.push(`  ${r.id.padEnd(12)} ${r.unresolved.join('、')}`);
  const noPoint = results.filter((r) => r.noPoint.length > 0);
  lines.push(`named places without a point in the gazetteer (their township stood in) (${noPoint.reduce((a, r) => a + r.noPoint.length, 0)}):`);
  for (const r of noPoint) lines.push(`  ${r.id.padEnd(12)} ${r.noPoint.join('、')}`);
  const warnings = results.filter((r) => r.warnings.length > 0);
  if (warnings.length > 0) {
    lines.push(`warnings about projects.json (${warnings.reduce((a, r) => a + r.warnings.length, 0)}):`);
    for (const r of warnings) for (const w of r.warnings) lines.push(`  ${r.id.padEnd(12)} ${w}`);
  }
  return lines;
}

function main(): void {
  const check = process.argv.includes('--check');
  const { projects, ctx } = loadContext(ROOT);
  const run = runGeocode(projects, ctx);
  for (const line of run.report) console.log(line);
  const target = join(ROOT, FILES.locations);
  let current: string | null = null;
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = null;
  }
  if (check) {
    if (current !== run.text) {
      console.error(`${FILES.locations}: differs from a fresh run (npm run data:geocode rewrites it)`);
      process.exit(1);
    }
    console.log(`${FILES.locations}: up to date`);
    return;
  }
  writeFileSync(target, run.text);
  console.log(`wrote ${FILES.locations} (${(Buffer.byteLength(run.text) / 1024).toFixed(1)} kB)${current === run.text ? ', unchanged' : ''}`);
}

runAsMain(import.meta.url, main);
