/**
 * How evenly investment is spread over a set of areas (the 12 counties, or a
 * zone's members): the share of the largest one and three, the Gini
 * coefficient of the totals (each area one unit) and of investment per
 * resident (each resident one unit), and the Lorenz curve of the latter.
 */
import type { AreaStats } from './aggregate.ts';

export interface LorenzItem {
  key: string;
  /** What is distributed (亿元); ≥ 0. */
  value: number;
  /** Who it is distributed over (1 per area, or residents); > 0. */
  weight: number;
}

export interface LorenzPoint {
  /** Cumulative share of the weight (areas or residents), 0..1. */
  x: number;
  /** Cumulative share of the value, 0..1. */
  y: number;
  /** The area that ends at this point; null for the origin. */
  key: string | null;
}

/**
 * The Lorenz curve: items in ascending order of value per weight, each adding
 * its share of the weight along x and of the value along y, from (0, 0) to
 * (1, 1). The diagonal is perfect equality. Null when there is nothing to
 * distribute (no value) or no one to distribute it over.
 */
export function lorenzCurve(items: readonly LorenzItem[]): LorenzPoint[] | null {
  for (const i of items) {
    if (!(i.weight > 0)) throw new Error(`lorenzCurve: ${i.key} has weight ${i.weight}; every item needs a positive weight`);
    if (!(i.value >= 0)) throw new Error(`lorenzCurve: ${i.key} has value ${i.value}; values cannot be negative`);
  }
  const totalValue = items.reduce((s, i) => s + i.value, 0);
  const totalWeight = items.reduce((s, i) => s + i.weight, 0);
  if (!(totalValue > 0) || !(totalWeight > 0)) return null;
  // Equal ratios give collinear steps, so the order among ties does not change the curve; keys make it stable.
  const sorted = [...items].sort((a, b) => a.value / a.weight - b.value / b.weight || a.key.localeCompare(b.key));
  const points: LorenzPoint[] = [{ x: 0, y: 0, key: null }];
  let w = 0;
  let v = 0;
  for (const i of sorted) {
    w += i.weight;
    v += i.value;
    points.push({ x: w / totalWeight, y: v / totalValue, key: i.key });
  }
  // The last point is (1, 1) exactly, whatever the rounding of the running sums.
  points[points.length - 1] = { ...points[points.length - 1]!, x: 1, y: 1 };
  return points;
}

/**
 * The Gini coefficient from a Lorenz curve: 1 − 2 × the area under it
 * (trapezoids). 0 is perfect equality; with n equal-weight units, all in one
 * gives 1 − 1/n. Equals the mean absolute difference over twice the mean.
 */
export function giniOf(points: readonly LorenzPoint[]): number {
  let area2 = 0;
  for (let k = 1; k < points.length; k++) area2 += (points[k]!.x - points[k - 1]!.x) * (points[k]!.y + points[k - 1]!.y);
  // Rounding can leave −1e-17 for perfect equality.
  return Math.max(0, 1 - area2);
}

/** The share of the `k` largest values in the sum (all of it when there are k or fewer); null when the sum is 0. */
export function topShare(values: readonly number[], k: number): number | null {
  const sum = values.reduce((s, v) => s + v, 0);
  if (!(sum > 0)) return null;
  const top = [...values].sort((a, b) => b - a).slice(0, k);
  return top.reduce((s, v) => s + v, 0) / sum;
}

/** Each area's share of the areas' summed investment; null for every one when the sum is 0. */
export function investmentShares(stats: readonly AreaStats[]): Map<string, number | null> {
  const sum = stats.reduce((s, a) => s + a.total, 0);
  return new Map(stats.map((a) => [a.key, sum > 0 ? a.total / sum : null]));
}

export interface Concentration {
  /** How many areas were compared. */
  units: number;
  /** The area with the most investment (first by name on a tie) and its share. */
  top1: { key: string; name: string; share: number };
  /** Share of the three largest (of all, when there are three or fewer). */
  top3: number;
  /** Gini of the areas' totals, each area one unit. */
  giniTotal: number;
  /** Gini of investment per resident (areas weighted by residents); null without every population. */
  giniPerCapita: number | null;
  /** Lorenz curve by residents, areas in ascending order of 元/人; null without every population. */
  lorenzPerCapita: LorenzPoint[] | null;
}

/**
 * The concentration of investment over `areas` (allocated totals, as in the
 * 表格 tab). Null when there is no investment to compare.
 */
export function concentration(areas: readonly AreaStats[]): Concentration | null {
  const byTotal = [...areas].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'));
  const first = byTotal[0];
  const top1 = topShare(areas.map((a) => a.total), 1);
  if (!first || top1 === null) return null;
  const byArea = lorenzCurve(areas.map((a) => ({ key: a.key, value: a.total, weight: 1 })))!;
  const withResidents = areas.every((a) => a.population !== null && a.population > 0);
  const lorenzPerCapita = withResidents ? lorenzCurve(areas.map((a) => ({ key: a.key, value: a.total, weight: a.population! }))) : null;
  return {
    units: areas.length,
    top1: { key: first.key, name: first.name, share: top1 },
    top3: topShare(areas.map((a) => a.total), 3)!,
    giniTotal: giniOf(byArea),
    giniPerCapita: lorenzPerCapita ? giniOf(lorenzPerCapita) : null,
    lorenzPerCapita,
  };
}

const pct = (share: number) => `${Math.round(share * 100)} %`;

/**
 * The one plain sentence under the Lorenz curve:
 * “投资最多的潞州区占 36 %，前三个县区占 81 %；按人均计算的基尼系数 0.42。”
 */
export function concentrationSentence(c: Concentration): string {
  if (c.units === 1) return `只有${c.top1.name}一个县区，无从比较集中程度。`;
  const parts = [`投资最多的${c.top1.name}占 ${pct(c.top1.share)}`];
  if (c.units > 3) parts.push(`前三个县区占 ${pct(c.top3)}`);
  const gini = c.giniPerCapita ?? c.giniTotal;
  return `${parts.join('，')}；${c.giniPerCapita !== null ? '按人均' : '按县区'}计算的基尼系数 ${gini.toFixed(2)}。`;
}

/** What the Gini coefficient means, in one line for the reader who does not know it. */
export const GINI_NOTE = '基尼系数：0 表示投资与人口（或各县区）完全同比例，越接近 1 越集中于少数地方。';
