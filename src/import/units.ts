/**
 * Which unit a file's amounts are in: the header says (总投资（万元）), or the
 * figures' size does (a median above 1,000 亿元 is no local project: 万元).
 * Only a suggestion: the user confirms it in the import dialog.
 */
import { headerUnit } from './headers.ts';
import { readAmount } from './numbers.ts';
import type { AmountUnit, ColumnMapping, Table } from './types.ts';

export interface UnitGuess {
  unit: AmountUnit;
  basis: 'header' | 'magnitude' | 'default';
  /** In words, for the dialog. */
  reason: string;
}

/** Above this median (as 亿元) the figures are read as 万元. */
export const MAGNITUDE_THRESHOLD_YI = 1000;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function detectUnit(table: Table, mapping: ColumnMapping): UnitGuess {
  const amountColumns = [mapping.total, mapping.plan].filter((i): i is number => i !== undefined);
  for (const i of amountColumns) {
    const unit = headerUnit(table.columns[i] ?? '');
    if (unit) return { unit, basis: 'header', reason: `表头“${table.columns[i]}”写明了单位` };
  }
  const values: number[] = [];
  for (const r of table.records.slice(0, 5000)) {
    for (const i of amountColumns) {
      const read = readAmount(r.cells[i] ?? '');
      if (read.ok && read.value !== null && read.value > 0 && read.unit === null) values.push(read.value);
    }
  }
  if (values.length === 0) return { unit: '亿元', basis: 'default', reason: '表头未写单位，也没有可判断的数额：默认按亿元' };
  const m = median(values);
  if (m > MAGNITUDE_THRESHOLD_YI) {
    return { unit: '万元', basis: 'magnitude', reason: `表头未写单位；数额的中位数为 ${m.toLocaleString('en-US')}，按亿元则大得不合理，推测为万元` };
  }
  return { unit: '亿元', basis: 'magnitude', reason: `表头未写单位；数额的中位数为 ${m.toLocaleString('en-US')}，推测为亿元` };
}
