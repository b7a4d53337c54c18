import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLocations } from '../../src/data/validateLocations.ts';
import { parseProjects } from '../../src/data/validateProjects.ts';
import type { LocatedProject } from '../../src/data/project.ts';
import type { CountyCollection } from '../../src/geo/types.ts';
import { buildImportContext, type ImportContext } from '../../src/import/context.ts';
import { readTable } from '../../src/import/readTable.ts';
import { detectMapping } from '../../src/import/headers.ts';
import type { ImportOptions, ImportResult, Table } from '../../src/import/types.ts';
import { validateRows } from '../../src/import/validateRows.ts';

const root = join(import.meta.dirname, '../..');
const json = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));

export const counties = json('geo/counties.geojson') as CountyCollection;
const projects = parseProjects(json('data/projects.json'));
const locations = parseLocations(json('data/locations.json'), projects.map((p) => p.id));
export const located: LocatedProject[] = projects.map((p) => ({ ...p, locations: locations[p.id] ?? [] }));

let ctx: ImportContext | null = null;
/** The import context built from the repository's own geo and data, as the app builds it. */
export function context(): ImportContext {
  return (ctx ??= buildImportContext(counties, located));
}

export const utf8 = (text: string) => new TextEncoder().encode(text);

/** Reads a file's bytes and validates it with the detected mapping (or the one given). */
export function importBytes(
  fileName: string,
  bytes: Uint8Array,
  options: Partial<ImportOptions> = {},
): { table: Table; result: ImportResult } {
  const table = readTable(fileName, bytes);
  const result = validateRows(table, { mapping: detectMapping(table.columns), unit: '亿元', crs: 'wgs84', ...options }, context());
  return { table, result };
}
