/**
 * The one way the app writes a CSV (the plan's projects, the rejected rows of
 * an import, any later one): UTF-8 with a byte order mark (Excel reads UTF-8
 * only then), CRLF line ends, and one formula rule for every text cell,
 * header cells included: text a spreadsheet would run as a formula gets a
 * leading apostrophe. Numbers are left alone.
 */
import Papa from 'papaparse';

/** Excel reads a UTF-8 file as UTF-8 only when it starts with a byte order mark. */
export const BOM = '\uFEFF';

/**
 * = + - @ start a formula; a leading tab or CR is one some spreadsheets strip
 * first. No `m` flag: the test is on the cell's first character, whatever
 * lines follow (papaparse's own `escapeFormulae` pattern, `.*$` without the
 * `s` flag, misses cells with a line break).
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** `=1+1` -> `'=1+1`; anything else as it is. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export type CsvCell = string | number | null;

/** A header and rows as CSV text; null is an empty cell (a figure not given, never 0). */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const cell = (c: CsvCell) => (c === null ? '' : typeof c === 'number' ? String(c) : defuseFormula(c));
  const text = Papa.unparse(
    { fields: header.map(defuseFormula), data: rows.map((r) => r.map(cell)) },
    { newline: '\r\n', quotes: false, escapeFormulae: false },
  );
  return `${BOM}${text}\r\n`;
}
