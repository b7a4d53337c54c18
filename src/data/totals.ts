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

/**
 * The investment (亿元) a project brings to 长治: the in-city share when the
 * plan states one (lines that run beyond the city), else the total; null when
 * the plan gives no figure.
 */
export function cityInvestment(p: Pick<Project, 'investment'>): number | null {
  return p.investment.inCity ?? p.investment.total;
}

export function amountOf(p: Project, field: AmountField): number | null {
  return field === 'cityShare' ? cityInvestment(p) : p.investment[field];
}

/** True when the row is the one listing that counts toward totals of the whole dataset. */
export function countsOnce(p: Pick<Project, 'duplicateOf' | 'partOf'>): boolean {
  return p.duplicateOf === null && p.partOf === null;
}

/**
 * The rows to count within a set, each real project once: a row that repeats
 * or is part of another row is dropped when that other row is in the same set
 * (so filtering to one annex still counts a project listed there).
 */
export function countOnce<T extends Pick<Project, 'id' | 'duplicateOf' | 'partOf'>>(projects: readonly T[]): T[] {
  // Repeats are rare: look only for the rows they point at, not at every id.
  const targets = new Set<string>();
  for (const p of projects) {
    if (p.duplicateOf !== null) targets.add(p.duplicateOf);
    if (p.partOf !== null) targets.add(p.partOf);
  }
  if (targets.size === 0) return projects as T[];
  const present = new Set<string>();
  for (const p of projects) if (targets.has(p.id)) present.add(p.id);
  return projects.filter(
    (p) => (p.duplicateOf === null || !present.has(p.duplicateOf)) && (p.partOf === null || !present.has(p.partOf)),
  );
}

export interface RepeatedRow {
  id: string;
  /** The row it repeats or is part of. */
  of: string;
  kind: 'duplicate' | 'part';
}

/** The rows of a list that countOnce leaves out, with the row each repeats or is part of. */
export function repeatedRows<T extends Pick<Project, 'id' | 'duplicateOf' | 'partOf'>>(projects: readonly T[]): RepeatedRow[] {
  const kept = new Set(countOnce(projects));
  return projects
    .filter((p) => !kept.has(p))
    .map((p) => (p.duplicateOf !== null ? { id: p.id, of: p.duplicateOf, kind: 'duplicate' } : { id: p.id, of: p.partOf!, kind: 'part' }));
}

export function sumInvestment(projects: readonly Project[], field: AmountField = 'total'): InvestmentSum {
  let sum = 0;
  let counted = 0;
  let missing = 0;
  const kept = new Set(countOnce(projects));
  const skipped: string[] = [];
  for (const p of projects) {
    if (!kept.has(p)) {
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
