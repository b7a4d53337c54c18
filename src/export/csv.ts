import type { LocatedProject } from '../data/project.ts';
import { countOnce } from '../data/totals.ts';
import { writeCsv } from './csvWriter.ts';
import { LOCATION_FIELDS, PROJECT_FIELDS, type Cell, type FieldContext } from './fields.ts';

export { BOM } from './csvWriter.ts';

/** `预计总投资_亿元(investment_total)`: the label for Excel, the key for scripts and for reading back. */
export function columnName(label: string, key: string): string {
  return `${label}(${key})`;
}

/** The key in brackets at the end of a column name, or null. */
export function columnKey(name: string): string | null {
  return /\(([a-z0-9_]+)\)$/.exec(name)?.[1] ?? null;
}

/**
 * One row per project with every field, and for each of its locations the
 * county, WGS84 coordinates, precision, method and matched place
 * (`loc1_…`, `loc2_…`, as many as the most located project has). Empty
 * cells are figures the plan does not give. Written by `writeCsv`: BOM, CRLF, formulas defused.
 */
export function projectsCsv(projects: readonly LocatedProject[], countyNames: ReadonlyMap<string, string>): string {
  const counted = new Set(countOnce(projects));
  const maxLocations = projects.reduce((n, p) => Math.max(n, p.locations.length), 0);
  const header = [
    ...PROJECT_FIELDS.map((f) => columnName(f.label, f.key)),
    ...Array.from({ length: maxLocations }, (_, i) =>
      LOCATION_FIELDS.map((f) => columnName(`点位${i + 1}_${f.label}`, `loc${i + 1}_${f.key}`)),
    ).flat(),
  ];
  const rows = projects.map((p) => {
    const ctx: FieldContext = { countyNames, counted: counted.has(p) };
    const cells: Cell[] = PROJECT_FIELDS.map((f) => f.value(p, ctx));
    for (let i = 0; i < maxLocations; i++) {
      const l = p.locations[i];
      for (const f of LOCATION_FIELDS) cells.push(l ? f.value(l, ctx) : null);
    }
    return cells;
  });
  return writeCsv(header, rows);
}
