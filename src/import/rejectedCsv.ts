/**
 * The rejected rows as a CSV to fix and import again: 行号, 问题字段, 原因, then
 * the row's own columns. Written by papaparse with `escapeFormulae`, so a cell
 * that starts with = + - @ (a formula injection such as =cmd|' /C calc'!A0)
 * opens in Excel as text, and with a BOM so Excel reads the UTF-8.
 */
import Papa from 'papaparse';
import type { RejectedRow } from './types.ts';

export function rejectedCsv(columns: readonly string[], rejected: readonly RejectedRow[], rowWord = '行号'): string {
  const fields = [rowWord, '问题字段', '原因', ...columns];
  const data = rejected.map((r) => [String(r.row), r.field, r.reason, ...columns.map((_, i) => r.raw[i] ?? '')]);
  return `\uFEFF${Papa.unparse({ fields, data }, { escapeFormulae: true, newline: '\r\n' })}`;
}

/** A file name for the download: 原文件名-未导入行.csv, without characters file systems refuse. */
export function rejectedFileName(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, '').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 80) || 'import';
  return `${base}-未导入行.csv`;
}
