import { describe, expect, it } from 'vitest';
import type { AreaStats } from '../../src/analysis/aggregate.ts';
import {
  concentration,
  concentrationSentence,
  giniOf,
  investmentShares,
  lorenzCurve,
  topShare,
} from '../../src/analysis/concentration.ts';

const equalWeights = (values: number[]) => values.map((value, i) => ({ key: String.fromCharCode(65 + i), value, weight: 1 }));
const gini = (values: number[]) => giniOf(lorenzCurve(equalWeights(values))!);

function area(key: string, total: number, population: number | null = null): AreaStats {
  return { key, name: `${key}县`, areaKm2: 1, count: 1, total, density: 0, unknownCount: 0, population, perCapita: null };
}

describe('Gini and the Lorenz curve', () => {
  it('is 0 for equal shares and for one unit', () => {
    expect(gini([3, 3, 3, 3])).toBe(0);
    expect(gini([7])).toBe(0);
    expect(lorenzCurve(equalWeights([7]))).toEqual([
      { x: 0, y: 0, key: null },
      { x: 1, y: 1, key: 'A' },
    ]);
  });

  it('matches hand computations: 1,2,3,4 → 0.25; all in one of four → 0.75 (1 − 1/n)', () => {
    // Σ|xi − xj| over ordered pairs = 20, mean 2.5: 20 / (2 · 16 · 2.5) = 0.25.
    expect(gini([1, 2, 3, 4])).toBeCloseTo(0.25, 12);
    expect(gini([4, 1, 3, 2])).toBeCloseTo(0.25, 12);
    expect(gini([0, 0, 0, 1])).toBeCloseTo(0.75, 12);
    expect(lorenzCurve(equalWeights([1, 2, 3, 4]))!.map((p) => [p.x, +p.y.toFixed(10)])).toEqual([
      [0, 0],
      [0.25, 0.1],
      [0.5, 0.3],
      [0.75, 0.6],
      [1, 1],
    ]);
  });

  it('handles ties and zeros: 2,2,1 → 4/30; 0,0,5,5 → 0.5', () => {
    // |1 − 2| four times over ordered pairs, mean 5/3: 4 / (2 · 9 · 5/3) = 2/15.
    expect(gini([2, 2, 1])).toBeCloseTo(2 / 15, 12);
    // pairs: zero vs five 8 times → 40, mean 2.5: 40 / (2 · 16 · 2.5) = 0.5.
    expect(gini([0, 0, 5, 5])).toBeCloseTo(0.5, 12);
  });

  it('weights by residents: 100 people with 1 each and 300 with 3 each → 0.15', () => {
    // Person by person: Σ|xi − xj| = 2 · 100 · 300 · 2 = 120,000; mean 2.5; 120,000 / (2 · 400² · 2.5) = 0.15.
    const points = lorenzCurve([
      { key: 'B', value: 900, weight: 300 },
      { key: 'A', value: 100, weight: 100 },
    ])!;
    expect(points.map((p) => [p.x, p.y, p.key])).toEqual([
      [0, 0, null],
      [0.25, 0.1, 'A'],
      [1, 1, 'B'],
    ]);
    expect(giniOf(points)).toBeCloseTo(0.15, 12);
  });

  it('has no curve when there is nothing to distribute, and refuses a weight of 0', () => {
    expect(lorenzCurve(equalWeights([0, 0, 0]))).toBeNull();
    expect(lorenzCurve([])).toBeNull();
    expect(() => lorenzCurve([{ key: 'A', value: 1, weight: 0 }])).toThrow('A has weight 0');
  });
});

describe('top shares', () => {
  it('is the share of the k largest, all of it when k ≥ n, null for a sum of 0', () => {
    expect(topShare([1, 2, 3, 4], 1)).toBeCloseTo(0.4, 12);
    expect(topShare([1, 2, 3, 4], 3)).toBeCloseTo(0.9, 12);
    expect(topShare([5, 5, 5, 5], 1)).toBe(0.25);
    expect(topShare([8], 3)).toBe(1);
    expect(topShare([0, 0], 1)).toBeNull();
  });

  it('each area’s share of the areas’ sum adds up to 1', () => {
    const shares = investmentShares([area('A', 1), area('B', 3), area('C', 0)]);
    expect([...shares.values()]).toEqual([0.25, 0.75, 0]);
    expect([...investmentShares([area('A', 0)]).values()]).toEqual([null]);
  });
});

describe('concentration of a set of areas', () => {
  it('names the largest, the top three, both Gini coefficients and says it in one sentence', () => {
    const c = concentration([area('A', 10, 100), area('B', 30, 100), area('C', 40, 200), area('D', 20, 100)])!;
    expect(c.top1).toEqual({ key: 'C', name: 'C县', share: 0.4 });
    expect(c.top3).toBeCloseTo(0.9, 12);
    expect(c.giniTotal).toBeCloseTo(0.25, 12);
    // Per person: A 0.1, C 0.2, D 0.2, B 0.3 → x .2 .6 .8 1, y .1 .5 .7 1:
    // 1 − (.2·.1 + .4·.6 + .2·1.2 + .2·1.7) = 1 − .84 = 0.16; person by person, 16,000 / (2 · 500² · 0.2).
    expect(c.giniPerCapita).toBeCloseTo(0.16, 12);
    expect(concentrationSentence(c)).toBe('投资最多的C县占 40 %，前三个县区占 90 %；按人均计算的基尼系数 0.16。');
  });

  it('a zone of one county, a set with nothing invested, and areas without residents', () => {
    const one = concentration([area('Q', 12, 150)])!;
    expect([one.top1.share, one.top3, one.giniTotal, one.giniPerCapita]).toEqual([1, 1, 0, 0]);
    expect(concentrationSentence(one)).toBe('只有Q县一个县区，无从比较集中程度。');
    expect(concentration([area('A', 0, 1), area('B', 0, 1)])).toBeNull();
    const noCensus = concentration([area('A', 1), area('B', 3)])!;
    expect(noCensus.giniPerCapita).toBeNull();
    expect(concentrationSentence(noCensus)).toBe('投资最多的B县占 75 %；按县区计算的基尼系数 0.25。');
  });
});
