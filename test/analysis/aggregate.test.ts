import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../../src/analysis/aggregate.ts';
import { countyShares } from '../../src/analysis/allocate.ts';
import { cityInvestment, countOnce } from '../../src/data/totals.ts';
import { COUNTIES, ZONES, project } from './fixtures.ts';

const byKey = <T extends { key: string }>(xs: T[]) => Object.fromEntries(xs.map((x) => [x.key, x]));

describe('aggregate', () => {
  it('gives exact per-county and per-zone figures on a hand-made set', () => {
    const result = aggregate(
      [
        project('p1', { total: 2, counties: ['A'] }),
        project('p2', { total: 6, counties: ['A', 'B', 'C'] }), // 2 each
        project('p3', { total: null, counties: ['B'] }),
        project('p4', { total: 5, scope: 'citywide' }),
        project('p5', { total: 100, inCity: 10, counties: ['B', 'C'] }), // in-city 10: 5 each
      ],
      COUNTIES,
      ZONES,
    );
    const c = byKey(result.counties);
    expect([c.A!.count, c.A!.total, c.A!.density]).toEqual([2, 4, 4000]); // 4 亿元 / 10 km² = 4000 万元/km²
    expect([c.B!.count, c.B!.total, c.B!.unknownCount]).toEqual([3, 7, 1]);
    expect(c.B!.density).toBeCloseTo(3500);
    expect([c.C!.count, c.C!.total, c.C!.density]).toEqual([2, 7, 1400]);
    const z = byKey(result.zones);
    expect([z.Z1!.count, z.Z1!.total, z.Z1!.unknownCount]).toEqual([4, 11, 1]); // p1, p2, p3, p5 once each
    expect(z.Z1!.density).toBeCloseTo((11 * 1e4) / 30);
    expect([z.Z2!.count, z.Z2!.total]).toEqual([2, 7]);
    expect(result.citywide).toEqual({ count: 1, total: 5 });
    expect(result.unknown).toEqual({ count: 1, ids: ['p3'] });
    expect(result.total).toBe(2 + 6 + 5 + 10);
    expect(result.projectCount).toBe(5);
  });

  it('counts a project listed in two annexes once', () => {
    const result = aggregate(
      [project('A1-01', { total: 7.85, counties: ['A'] }), project('A2-03', { total: 8.35, counties: ['A'], duplicateOf: 'A1-01' })],
      COUNTIES,
      ZONES,
    );
    expect(result.projectCount).toBe(1);
    expect(result.total).toBe(7.85);
    expect(result.duplicatesDropped).toBe(1);
    expect(byKey(result.counties).A!.count).toBe(1);
  });

  it('keeps the second listing when the first is filtered out', () => {
    const kept = countOnce([project('A2-03', { duplicateOf: 'A1-01' })]);
    expect(kept.map((p) => p.id)).toEqual(['A2-03']);
  });

  it('assigns imported rows without counties by their located points', () => {
    const shares = countyShares(project('x', { counties: [], scope: 'local', located: ['C', 'C'] }));
    expect(shares).toEqual([{ county: 'C', share: 1 }]);
  });

  it('uses the in-city share when the plan states one', () => {
    expect(cityInvestment(project('x', { total: 156, inCity: 64 }))).toBe(64);
    expect(cityInvestment(project('x', { total: 156 }))).toBe(156);
    expect(cityInvestment(project('x', { total: null }))).toBeNull();
  });

  const arbitraryProject = fc.record({
    total: fc.option(fc.double({ min: 0, max: 500, noNaN: true }), { nil: null }),
    counties: fc.subarray(['A', 'B', 'C']),
    dup: fc.boolean(),
  });

  it('property: county totals plus citywide equal the total, and nothing is counted twice', () => {
    fc.assert(
      fc.property(fc.array(arbitraryProject, { maxLength: 40 }), (rows) => {
        const projects = rows.map((r, i) =>
          project(`p${i}`, {
            total: r.total,
            counties: r.counties,
            duplicateOf: r.dup && i > 0 ? `p${i - 1}` : null,
          }),
        );
        const result = aggregate(projects, COUNTIES, ZONES);
        const countySum = result.counties.reduce((s, c) => s + c.total, 0);
        expect(countySum + result.citywide.total).toBeCloseTo(result.total, 6);
        const zoneSum = result.zones.reduce((s, z) => s + z.total, 0);
        expect(zoneSum).toBeCloseTo(countySum, 6);
        const counted = countOnce(projects);
        expect(result.projectCount).toBe(counted.length);
        expect(result.projectCount + result.duplicatesDropped).toBe(projects.length);
        const expectedTotal = counted.reduce((s, p) => s + (p.investment.total ?? 0), 0);
        expect(result.total).toBeCloseTo(expectedTotal, 6);
        for (const c of result.counties) expect(c.count).toBeLessThanOrEqual(result.projectCount);
      }),
    );
  });
});
