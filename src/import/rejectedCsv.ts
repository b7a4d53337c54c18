/**
 * The rejected rows as a CSV to fix and import again: 行号, 问题字段, 原因, then
 * the row's own columns, then any cells the row had beyond the header (so
 * nothing the user gave is left out of the report). Written by the app's one
 * CSV writer: BOM, CRLF, and a cell that would start a formula (=cmd|' /C
 * calc'!A0, in a header or on any line of a multi-line cell) opens as text.
 */
import { writeCsv } from '../export/csvWriter.ts';
import type { RejectedRow } from './types.ts';

export function rejectedCsv(columns: readonly string[], rejected: readonly RejectedRow[], rowWord = '行号'): string {
  const extra = rejected.reduce((n, r) => Math.max(n, r.raw.length - columns.length), 0);
  const fields = [rowWord, '问题字段', '原因', ...columns, ...Array.from({ length: extra }, (_, i) => `（多出的单元格 ${i + 1}）`)];
  const width = columns.length + extra;
  const data = rejected.map((r) => [String(r.row), r.field, r.reason, ...Array.from({ length: width }, (_, i) => r.raw[i] ?? '')]);
  return writeCsv(fields, data);
}

/** A file name for the download: 原文件名-未导入行.csv, without characters file systems refuse. */
export function rejectedFileName(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, '').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 80) || 'import';
  return `${base}-未导入行.csv`;
}
