import type { LocatedProject } from '../data/project.ts';
import { cityInvestment, countOnce, roundAmount } from '../data/totals.ts';
import { placeFraction } from '../analysis/allocate.ts';
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

/** The county or zone a CSV is exported for: its counties and its name for the column headers. */
export interface CsvPlace {
  counties: ReadonlySet<string>;
  name: string;
}

/**
 * One row per project with every field, and for each of its locations the
 * county, WGS84 coordinates, precision, method and matched place
 * (`loc1_…`, `loc2_…`, as many as the most located project has). Empty
 * cells are figures the plan does not give. Written by `writeCsv`: BOM, CRLF, formulas defused.
 * Exported for a place, two columns say what part of each project is there
 * (`place_fraction`, `place_share_yi`), so a line through it is not read as all its own.
 */
export function projectsCsv(projects: readonly LocatedProject[], countyNames: ReadonlyMap<string, string>, place: CsvPlace | null = null): string {
  const counted = new Set(countOnce(projects));
  const maxLocations = projects.reduce((n, p) => Math.max(n, p.locations.length), 0);
  const header = [
    ...PROJECT_FIELDS.map((f) => columnName(f.label, f.key)),
    ...(place ? [columnName(`${place.name}份额`, 'place_fraction'), columnName(`${place.name}计_亿元`, 'place_share_yi')] : []),
    ...Array.from({ length: maxLocations }, (_, i) =>
      LOCATION_FIELDS.map((f) => columnName(`点位${i + 1}_${f.label}`, `loc${i + 1}_${f.key}`)),
    ).flat(),
  ];
  const rows = projects.map((p) => {
    const ctx: FieldContext = { countyNames, counted: counted.has(p) };
    const cells: Cell[] = PROJECT_FIELDS.map((f) => f.value(p, ctx));
    if (place) {
      const fraction = placeFraction(p, place.counties);
      const amount = cityInvestment(p);
      cells.push(Number(fraction.toFixed(6)), amount === null ? null : roundAmount(amount * fraction));
    }
    for (let i = 0; i < maxLocations; i++) {
      const l = p.locations[i];
      for (const f of LOCATION_FIELDS) cells.push(l ? f.value(l, ctx) : null);
    }
    return cells;
  });
  return writeCsv(header, rows);
}
