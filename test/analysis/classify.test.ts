import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLASS_METHODS, classify, classIndex, classLabels, roundestBetween, thresholdText } from '../../src/analysis/classify.ts';
import { formatDensity, formatYi } from '../../src/analysis/format.ts';
import { printedRange } from './printedRange.ts';

describe('roundestBetween', () => {
  it('picks the number with the fewest significant digits in (lo, hi]', () => {
    expect(roundestBetween(1210, 1530)).toBe(1500);
    expect(roundestBetween(1210, 2000)).toBe(2000);
    expect(roundestBetween(0.0208, 0.03)).toBe(0.03);
    expect(roundestBetween(0.021, 0.0299)).toBe(0.029);
    expect(roundestBetween(5, 5)).toBeNull();
    expect(roundestBetween(98, 104)).toBe(100);
  });

  it('property: the result lies in (lo, hi]', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (lo, gap) => {
        const hi = lo + gap;
        const r = roundestBetween(lo, hi)!;
        expect(r).toBeGreaterThan(lo);
        expect(r).toBeLessThanOrEqual(hi);
      }),
    );
  });
});

describe('classify', () => {
  const values = [0.5, 1, 2, 3, 10, 12, 14, 50, 55, 60, 300, 310];

  it('quantile: about the same number of values in each class', () => {
    const c = classify(values, 'quantile', 4);
    // breaks fall between 2|3, 12|14 and 55|60: the roundest numbers there are 3, 14 and 60
    expect(c.thresholds).toEqual([3, 14, 60]);
    expect(values.map((v) => classIndex(v, c.thresholds))).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]);
  });

  it('equal interval: thresholds evenly spaced, to two significant figures', () => {
    expect(classify([0, 100], 'equal', 5).thresholds).toEqual([20, 40, 60, 80]);
    expect(classify([3, 1234], 'equal', 4).thresholds).toEqual([310, 620, 930]);
  });

  it('natural breaks: puts the obvious clusters apart', () => {
    const c = classify(values, 'jenks', 4);
    expect(values.map((v) => classIndex(v, c.thresholds))).toEqual([0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3]);
    // clusters 0.5–3 | 10–14 | 50–60 | 300–310: the roundest numbers between them
    expect(c.thresholds).toEqual([10, 50, 300]);
  });

  it('gives fewer classes when there are fewer distinct values', () => {
    expect(classify([7, 7, 7], 'quantile').thresholds).toEqual([]);
    expect(classify([1, 1, 2, 2], 'jenks', 5).thresholds).toEqual([2]);
    expect(classify([], 'equal').thresholds).toEqual([]);
  });

  it('property: for every method, thresholds ascend and rounding never reorders values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom('quantile' as const, 'equal' as const, 'jenks' as const),
        fc.integer({ min: 2, max: 7 }),
        (xs, method, k) => {
          const c = classify(xs, method, k);
          expect(c.thresholds.length).toBeLessThanOrEqual(k - 1);
          for (let i = 1; i < c.thresholds.length; i++) expect(c.thresholds[i]!).toBeGreaterThan(c.thresholds[i - 1]!);
          const sorted = [...xs].sort((a, b) => a - b);
          const idx = sorted.map((v) => classIndex(v, c.thresholds));
          for (let i = 1; i < idx.length; i++) expect(idx[i]!).toBeGreaterThanOrEqual(idx[i - 1]!);
        },
      ),
    );
  });
});

describe('classLabels', () => {
  it('reads 低于 / – / 及以上 with formatted numbers', () => {
    const labels = classLabels({ method: 'quantile', thresholds: [100, 1500, 12000], min: 3, max: 40000 }, formatDensity);
    expect(labels.map((l) => l.text)).toEqual(['低于 100', '100 – 1,500', '1,500 – 12,000', '12,000 及以上']);
  });

  it('shows a single value when all are equal', () => {
    expect(classLabels({ method: 'equal', thresholds: [], min: 5, max: 5 }, formatDensity)[0]!.text).toBe('5');
  });
});

describe('legend labels never contradict the class a value falls in', () => {
  it('a count of 8 with an equal-interval break at 8.4 is in the class printed “低于 9”, not “低于 8”', () => {
    // 2 + (34 - 2) / 5 = 8.4: whole numbers from 8.4 up are those from 9 up.
    const c = classify([2, 8, 11, 20, 34], 'equal', 5);
    expect(c.thresholds).toEqual([9, 15, 21, 28]);
    const labels = classLabels(c, (x) => String(Math.round(x)));
    expect(labels.map((l) => l.text)).toEqual(['低于 9', '9 – 15', '15 – 21', '21 – 28', '28 及以上']);
    expect(labels[classIndex(8, c.thresholds)]!.text).toBe('低于 9');
  });

  it('prints a threshold the format would round with the decimals it needs', () => {
    expect(thresholdText(8.4, (x) => String(Math.round(x)))).toBe('8.4');
    expect(thresholdText(0.03, formatDensity)).toBe('0.03');
    expect(thresholdText(1500, formatDensity)).toBe('1,500');
  });

  it('property: for every method and each metric’s format, every value lies in the range its label prints', () => {
    const formats = [formatDensity, formatYi, (x: number) => String(Math.round(x))];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.double({ min: 0.001, max: 5e4, noNaN: true }), { minLength: 2, maxLength: 24 }),
          fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 2, maxLength: 24 }),
        ),
        fc.constantFrom(...CLASS_METHODS),
        fc.constantFrom(...formats),
        (values, method, format) => {
          const c = classify(values, method);
          const labels = classLabels(c, format);
          for (const v of values) {
            const [lo, hi] = printedRange(labels[classIndex(v, c.thresholds)]!.text);
            if (c.thresholds.length > 0) expect(v >= lo && v < hi, `${v} in ${labels.map((l) => l.text).join(' | ')}`).toBe(true);
          }
        },
      ),
    );
  });
});
