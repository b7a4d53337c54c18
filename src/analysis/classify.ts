import { ckmeans } from 'simple-statistics';

export const CLASS_METHODS = ['quantile', 'equal', 'jenks'] as const;
export type ClassMethod = (typeof CLASS_METHODS)[number];

export const CLASS_METHOD_LABEL: Record<ClassMethod, string> = {
  quantile: '分位数',
  equal: '等间距',
  jenks: '自然断点 (Jenks)',
};

export interface Classification {
  method: ClassMethod;
  /**
   * Class thresholds, ascending: a value v is in class i where i is the
   * number of thresholds <= v. Classes = thresholds.length + 1.
   */
  thresholds: number[];
  min: number;
  max: number;
}

/** The number with the fewest significant digits in (lo, hi]; null when lo >= hi. */
export function roundestBetween(lo: number, hi: number): number | null {
  if (!(hi > lo)) return null;
  const top = Math.floor(Math.log10(Math.max(Math.abs(hi), Math.abs(lo), 1e-9)));
  for (let e = top; e >= -9; e--) {
    const step = 10 ** e;
    const x = Math.floor(hi / step) * step;
    const clean = Number(x.toPrecision(12));
    if (clean > lo && clean <= hi) return clean;
  }
  return hi;
}

/** Two significant figures, for equal-interval thresholds that fall between no particular values. */
function twoSignificant(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(2));
}

function uniqueAscending(xs: number[]): number[] {
  return [...new Set(xs)].sort((a, b) => a - b);
}

/**
 * Splits the values into at most `k` classes with round thresholds. Where the
 * method's break falls between two data values, the threshold is the
 * roundest number between them, so rounding never moves a value to another
 * class. Fewer distinct values than `k` give fewer classes.
 */
export function classify(values: readonly number[], method: ClassMethod, k = 5): Classification {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const min = sorted[0] ?? 0;
  const max = sorted[sorted.length - 1] ?? 0;
  const distinct = uniqueAscending(sorted);
  if (distinct.length <= 1) return { method, thresholds: [], min, max };
  // Quantiles and natural breaks cannot make more classes than there are distinct values.
  const classes = method === 'equal' ? k : Math.min(k, distinct.length);

  let thresholds: (number | null)[];
  if (method === 'equal') {
    const step = (max - min) / classes;
    thresholds = Array.from({ length: classes - 1 }, (_, i) => twoSignificant(min + step * (i + 1)));
  } else if (method === 'quantile') {
    thresholds = Array.from({ length: classes - 1 }, (_, i) => {
      const j = Math.round((sorted.length * (i + 1)) / classes);
      return roundestBetween(sorted[j - 1]!, sorted[j]!);
    });
  } else {
    const clusters = ckmeans(sorted, classes);
    thresholds = clusters.slice(1).map((c, i) => roundestBetween(clusters[i]![clusters[i]!.length - 1]!, c[0]!));
  }
  // Counts are whole numbers: a break at 8.4 is the break at 9 (v ≥ 8.4 iff v ≥ 9), and a legend can say so.
  const whole = sorted.every(Number.isInteger);
  const clean = uniqueAscending(
    thresholds.filter((t): t is number => t !== null).map((t) => (whole ? Math.ceil(t) : t)).filter((t) => t > min && t <= max),
  );
  return { method, thresholds: clean, min, max };
}

export function classIndex(value: number, thresholds: readonly number[]): number {
  let i = 0;
  while (i < thresholds.length && value >= thresholds[i]!) i++;
  return i;
}

export interface ClassLabel {
  /** Lower bound (inclusive) or null for the first class. */
  from: number | null;
  /** Upper bound (exclusive) or null for the last class. */
  to: number | null;
  text: string;
}

const exactFormats = new Map<number, Intl.NumberFormat>();

/**
 * A threshold as the legend prints it: the metric's format where that reads
 * back as the threshold itself, else with as many decimals as it takes. A
 * rounded threshold (8.4 printed “8”) would put a value of 8 “below 8”.
 */
export function thresholdText(t: number, format: (n: number) => string): string {
  const readBack = (s: string) => Number(s.replace(/,/g, ''));
  const shown = format(t);
  if (readBack(shown) === t) return shown;
  for (let d = 0; d <= 12; d++) {
    let f = exactFormats.get(d);
    if (!f) exactFormats.set(d, (f = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: d })));
    const s = f.format(t);
    if (readBack(s) === t) return s;
  }
  return String(t);
}

/** Legend labels: “低于 X”, “X – Y”, “X 及以上”, each threshold printed exactly. */
export function classLabels(c: Classification, format: (n: number) => string): ClassLabel[] {
  const t = c.thresholds;
  if (t.length === 0) return [{ from: null, to: null, text: c.min === c.max ? format(c.min) : `${format(c.min)} – ${format(c.max)}` }];
  const at = (x: number) => thresholdText(x, format);
  return [
    { from: null, to: t[0]!, text: `低于 ${at(t[0]!)}` },
    ...t.slice(1).map((hi, i) => ({ from: t[i]!, to: hi, text: `${at(t[i]!)} – ${at(hi)}` })),
    { from: t[t.length - 1]!, to: null, text: `${at(t[t.length - 1]!)} 及以上` },
  ];
}
