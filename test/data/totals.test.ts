/** sumInvestment on hand-made rows: repeats and parts count once, null is not 0. */
import { describe, expect, it } from 'vitest';
import type { Project } from '../../src/data/project.ts';
import { sumInvestment } from '../../src/data/totals.ts';

function row(id: string, total: number | null, plan: number | null, extra: Partial<Project> = {}, inCity: number | null = null): Project {
  return {
    id,
    duplicateOf: null,
    partOf: null,
    investment: { total, plan, inCity, basis: 'column', raw: { total: null, plan: null, inCity: null } },
    ...extra,
  } as Project;
}

describe('sumInvestment', () => {
  const rows = [
    row('A1-01', 7.85, 7.85),
    row('A2-03', 8.35, 8.35, { duplicateOf: 'A1-01' }),
    row('A2-27', 4.6, 10.38),
    row('A2-39', 4.6, 4.6, { partOf: 'A2-27' }),
    row('A2-28', null, 18),
    row('A3-05', 0.039, null),
    row('A4-铁路-01', 156, null, {}, 64),
  ];

  it('counts the first listing and skips its repeats and parts', () => {
    expect(sumInvestment(rows, 'total')).toEqual({ sum: 168.489, counted: 4, missing: 1, skipped: ['A2-03', 'A2-39'] });
    expect(sumInvestment(rows, 'plan')).toEqual({ sum: 36.23, counted: 3, missing: 2, skipped: ['A2-03', 'A2-39'] });
  });

  it('uses the in-city share where one is stated', () => {
    expect(sumInvestment(rows, 'cityShare').sum).toBe(76.489);
  });

  it('rounds away binary noise', () => {
    expect(sumInvestment([row('a', 0.1, null), row('b', 0.2, null)]).sum).toBe(0.3);
  });
});
