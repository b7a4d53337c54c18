/**
 * Reading numbers as spreadsheets write them: full-width digits, thousands
 * separators, a unit after the figure (1.2亿元, 500万), placeholders for
 * “unknown” (—, 无, 待定) which become null, never 0.
 */
import type { AmountUnit } from './types.ts';

/** Cells that mean "no figure". */
const PLACEHOLDERS = new Set(['', '-', '--', '—', '——', '/', '无', '暂无', '不详', '待定', '未定', 'null', 'n/a', 'na', '#n/a']);

export type NumberRead = { ok: true; value: number | null; unit: AmountUnit | null } | { ok: false; reason: string };

function halfWidth(s: string): string {
  return s.normalize('NFKC');
}

/** A decimal number with an optional exponent (Excel writes 1.2E+05). */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** An amount cell: a non-negative number, possibly followed by 亿元/亿/万元/万, or a placeholder. */
export function readAmount(cell: string): NumberRead {
  const s = halfWidth(cell).trim().toLowerCase();
  if (PLACEHOLDERS.has(s)) return { ok: true, value: null, unit: null };
  const m = /^(.*?)(亿元|亿|万元|万)?$/.exec(s.replace(/[,\s]/g, ''));
  const body = m?.[1] ?? '';
  const unit: AmountUnit | null = m?.[2] ? (m[2].startsWith('亿') ? '亿元' : '万元') : null;
  if (!NUMBER.test(body)) return { ok: false, reason: `不是数字：“${cell.trim().slice(0, 30)}”` };
  const value = Number(body);
  if (!Number.isFinite(value)) return { ok: false, reason: `数值超出范围：“${cell.trim().slice(0, 30)}”` };
  if (value < 0) return { ok: false, reason: `投资额不能为负数：${cell.trim().slice(0, 30)}` };
  return { ok: true, value, unit };
}

export type CoordinateRead = { ok: true; value: number; decimals: number } | { ok: false; reason: string };

/** A coordinate in decimal degrees (113.1234, 113.1234°, full-width digits). */
export function readCoordinate(cell: string): CoordinateRead {
  const s = halfWidth(cell).trim().replace(/°$/, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) {
    return { ok: false, reason: `不是十进制度数（应写成 113.1234 这样）：“${cell.trim().slice(0, 30)}”` };
  }
  const decimals = s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
  return { ok: true, value: Number(s), decimals };
}
