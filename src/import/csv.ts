/**
 * CSV text -> Table, with papaparse (delimiter detected: comma, tab,
 * semicolon…). Row numbers are the spreadsheet's (the header is row 1); empty
 * rows are skipped but still counted, and a row the parser could not split
 * cleanly carries the reason instead of being guessed at. Mixed line endings
 * (CRLF, LF, CR: sheets pasted together) are read as the rows they are.
 */
import Papa from 'papaparse';
import { oneLine } from '../security/invisibleText.ts';
import { LIMITS, formatCount } from './limits.ts';
import { ImportError, type Table, type TableRecord } from './types.ts';

/**
 * Unique, non-empty, bounded column names: invisible characters removed, a
 * header cell beyond LIMITS.headerChars cut (with a note), an empty one
 * named （第 3 列）, a repeated one given (2).
 */
export function columnNames(header: readonly string[], notes: string[]): string[] {
  const seen = new Map<string, number>();
  const cut: number[] = [];
  const names = header.map((h, i) => {
    let base = oneLine(h.length > LIMITS.headerChars * 4 ? h.slice(0, LIMITS.headerChars * 4) : h);
    if (base.length > LIMITS.headerChars) {
      base = `${base.slice(0, LIMITS.headerChars)}…`;
      cut.push(i + 1);
    }
    base ||= `（第 ${i + 1} 列）`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
  if (cut.length > 0) {
    const which = cut.length > 5 ? `${cut.slice(0, 5).join('、')} 等 ${cut.length} 列` : `第 ${cut.join('、')} 列`;
    notes.push(`${which}的表头超过 ${LIMITS.headerChars} 字，已截断`);
  }
  return names;
}

/** The text with every line break as LF, and whether the file mixed several kinds. */
function unifyLineEndings(text: string): { text: string; mixed: boolean } {
  const crlf = text.includes('\r\n');
  const cr = /\r(?!\n)/.test(text);
  const lf = /(^|[^\r])\n/.test(text);
  return { text: crlf || cr ? text.replace(/\r\n?/g, '\n') : text, mixed: [crlf, cr, lf].filter(Boolean).length > 1 };
}

const QUOTE_REASON: Record<string, string> = {
  MissingQuotes: '引号没有闭合：这一行起的内容无法可靠地分列',
  InvalidQuotes: '引号位置不正确：单元格内的引号应写成两个（""）',
  UndetectableDelimiter: '无法判断分隔符',
  TooManyFields: '单元格比表头多',
  TooFewFields: '单元格比表头少',
};

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

export function parseCsv(fileName: string, text: string, encoding: string, notes: string[] = []): Table {
  const unified = unifyLineEndings(text);
  if (unified.mixed) notes.push('文件混用了 CRLF、LF、CR 几种换行符：已统一后按行读取');
  // Filled by papaparse's callback (an object, so TypeScript does not narrow it to its first value).
  const read = { lines: 0, header: null as string[] | null, columns: [] as string[], refused: null as string | null };
  const records: TableRecord[] = [];
  Papa.parse<string[]>(unified.text, {
    header: false,
    newline: '\n',
    skipEmptyLines: false,
    step: (result, parser) => {
      const row = ++read.lines;
      const refuse = (reason: string) => {
        read.refused = reason;
        parser.abort();
      };
      if (row > LIMITS.lines) return refuse(`文件超过 ${formatCount(LIMITS.lines)} 行（含空行）：请删去末尾的空行，或拆分成几个文件分别导入`);
      const cells = result.data.map((c) => (typeof c === 'string' ? c : String(c)));
      const problem = result.errors[0];
      if (read.header === null) {
        if (isBlank(cells) && !problem) return;
        if (cells.length > LIMITS.columns) {
          return refuse(`表头有 ${formatCount(cells.length)} 列，超过上限 ${LIMITS.columns} 列：请删去不需要的列`);
        }
        read.header = cells;
        read.columns = columnNames(cells, notes);
        return;
      }
      const { columns } = read;
      if (isBlank(cells) && !problem) return;
      if (records.length >= LIMITS.rows) return refuse(`文件超过 ${formatCount(LIMITS.rows)} 行数据的上限：请拆分成几个文件分别导入`);
      const record: TableRecord = { row, cells: columns.map((_, j) => cells[j] ?? '') };
      const extra = cells.slice(columns.length);
      if (problem) record.error = { field: '（整行）', reason: QUOTE_REASON[problem.code] ?? problem.message };
      else if (!isBlank(extra)) {
        record.error = {
          field: '（整行）',
          reason: `比表头多出 ${extra.length} 个单元格：可能是数字里未加引号的逗号（如 1,234），或多余的分隔符`,
        };
      }
      // Kept for the rejected-rows report: nothing the user gave is dropped from it.
      if (!isBlank(extra)) record.extra = extra.slice(0, LIMITS.columns);
      records.push(record);
    },
  });
  if (read.refused !== null) throw new ImportError(fileName, read.refused);
  if (read.header === null) throw new ImportError(fileName, '文件中没有任何内容');
  if (records.length === 0) throw new ImportError(fileName, '文件只有表头，没有数据行');
  return { format: 'csv', fileName, encoding, columns: read.columns, records, notes };
}
