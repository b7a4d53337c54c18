/**
 * Investment sums that count each real project once.
 *
 * A row with `duplicateOf` (the same project listed again in another annex) or
 * `partOf` (a piece of a larger row whose figure already includes it) adds
 * nothing: its money is in the row it points at.
 */
import type { Project } from './project.ts';

/** `cityShare`: the in-city share where 附件4 states one, else the total. */
export type AmountField = 'total' | 'plan' | 'cityShare';

export interface InvestmentSum {
  /** Sum in 亿元, rounded to 1e-6 (the source's finest figure is 1e-6 亿元 = 100 元). */
  sum: number;
  /** Rows whose figure was added. */
  counted: number;
  /** Rows counted once but with no figure for this field (null, never 0). */
  missing: number;
  /** Ids left out because they repeat or are part of another row. */
  skipped: string[];
}

export function roundAmount(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function amountOf(p: Project, field: AmountField): number | null {
  if (field === 'cityShare') return p.investment.inCity ?? p.investment.total;
  return p.investment[field];
}

/** True when the row is the one listing that counts toward totals. */
export function countsOnce(p: Project): boolean {
  return p.duplicateOf === null && p.partOf === null;
}

export function sumInvestment(projects: readonly Project[], field: AmountField = 'total'): InvestmentSum {
  let sum = 0;
  let counted = 0;
  let missing = 0;
  const skipped: string[] = [];
  for (const p of projects) {
    if (!countsOnce(p)) {
      skipped.push(p.id);
      continue;
    }
    const v = amountOf(p, field);
    if (v === null) missing += 1;
    else {
      sum += v;
      counted += 1;
    }
  }
  return { sum: roundAmount(sum), counted, missing, skipped };
}
