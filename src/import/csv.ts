/**
 * CSV text -> Table, with papaparse (delimiter detected: comma, tab,
 * semicolon…). Row numbers are the spreadsheet's (the header is row 1), empty
 * rows are skipped but still counted, and a row the parser could not split
 * cleanly carries the reason instead of being guessed at.
 */
import Papa from 'papaparse';
import { LIMITS, formatCount } from './limits.ts';
import { ImportError, type Table, type TableRecord } from './types.ts';

/** Unique, non-empty column names: an empty header becomes （第 3 列）, a repeated one gets (2). */
export function columnNames(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((h, i) => {
    const base = h.replace(/^\uFEFF/, '').trim() || `（第 ${i + 1} 列）`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

const QUOTE_REASON: Record<string, string> = {
  MissingQuotes: '引号没有闭合：这一行起的内容无法可靠地分列',
  InvalidQuotes: '引号位置不正确：单元格内的引号应写成两个（""）',
  UndetectableDelimiter: '无法判断分隔符',
  TooManyFields: '单元格比表头多',
  TooFewFields: '单元格比表头少',
};

export function parseCsv(fileName: string, text: string, encoding: string, notes: string[] = []): Table {
  const rows: string[][] = [];
  const errors = new Map<number, string>();
  let tooMany = false;
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    step: (result, parser) => {
      // Header + LIMITS.rows data rows, plus a few empty lines of slack: beyond that, stop reading.
      if (rows.length > LIMITS.rows + 1000) {
        tooMany = true;
        parser.abort();
        return;
      }
      const index = rows.length;
      rows.push(result.data.map((c) => (typeof c === 'string' ? c : String(c))));
      for (const e of result.errors) {
        if (!errors.has(index)) errors.set(index, QUOTE_REASON[e.code] ?? e.message);
      }
    },
  });
  const headerIndex = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) throw new ImportError(fileName, '文件中没有任何内容');
  const header = rows[headerIndex]!;
  if (header.length > LIMITS.columns) {
    throw new ImportError(fileName, `表头有 ${formatCount(header.length)} 列，超过上限 ${LIMITS.columns} 列：请删去不需要的列`);
  }
  const columns = columnNames(header);
  const records: TableRecord[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i]!;
    if (cells.every((c) => c.trim() === '') && !errors.has(i)) continue;
    const record: TableRecord = { row: i + 1, cells: columns.map((_, j) => cells[j] ?? '') };
    const extra = cells.slice(columns.length).filter((c) => c.trim() !== '');
    const parseError = errors.get(i);
    if (parseError) record.error = { field: '（整行）', reason: parseError };
    else if (extra.length > 0) {
      record.error = {
        field: '（整行）',
        reason: `比表头多出 ${cells.length - columns.length} 个单元格：可能是数字里未加引号的逗号（如 1,234），或多余的分隔符`,
      };
    }
    records.push(record);
  }
  if (tooMany || records.length > LIMITS.rows) {
    throw new ImportError(
      fileName,
      `文件超过 ${formatCount(LIMITS.rows)} 行数据的上限：请拆分成几个文件分别导入`,
    );
  }
  if (records.length === 0) throw new ImportError(fileName, '文件只有表头，没有数据行');
  return { format: 'csv', fileName, encoding, columns, records, notes };
}
