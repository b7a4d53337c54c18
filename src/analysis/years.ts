/**
 * Time, honestly: the plan gives most projects a 建设起止年限, but 75 of 133
 * give none. Here are the years a project is under construction, the
 * investment of a selection spread over those years, and the projects a year
 * filter leaves out for want of a year, so they are counted, never dropped silently.
 */
import type { LocatedProject } from '../data/project.ts';
import { cityInvestment, countOnce } from '../data/totals.ts';

/** The years the presenter's slider and play button step through: the plan period and its run-out. */
export const AS_OF_YEARS = { first: 2020, last: 2027 } as const;

/**
 * First and last year of construction, inclusive; null when the plan gives no
 * start year. A row that names only its start (2021.04) is taken as that one year.
 */
export function constructionYears(p: Pick<LocatedProject, 'startYear' | 'endYear'>): [number, number] | null {
  if (p.startYear === null) return null;
  return [p.startYear, Math.max(p.startYear, p.endYear ?? p.startYear)];
}

/** True when the project's construction years include `year`; false when it has none. */
export function underConstruction(p: Pick<LocatedProject, 'startYear' | 'endYear'>, year: number): boolean {
  const y = constructionYears(p);
  return y !== null && y[0] <= year && year <= y[1];
}

export interface YearBar {
  year: number;
  /** 亿元 of the selection attributed to this year (each project's amount / its number of years). */
  amount: number;
  /** Projects under construction in the year. */
  projects: number;
}

export interface InvestmentByYear {
  /** Every year from the earliest start to the latest end, gaps included (amount 0). */
  years: YearBar[];
  /** Projects without a start year: their whole investment, as its own bar. */
  unknown: { amount: number; projects: number };
  /** Projects with years but no investment figure (in no bar's amount). */
  withoutAmount: number;
}

/**
 * The selection's investment by year, each real project once, its amount in
 * 长治 spread evenly over its construction years (an assumption: the plan
 * gives totals, not yearly amounts), and the projects without a year apart.
 */
export function investmentByYear(projects: readonly LocatedProject[]): InvestmentByYear {
  const byYear = new Map<number, YearBar>();
  const unknown = { amount: 0, projects: 0 };
  let withoutAmount = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of countOnce(projects)) {
    const years = constructionYears(p);
    const amount = cityInvestment(p);
    if (years === null) {
      unknown.projects++;
      if (amount !== null) unknown.amount += amount;
      continue;
    }
    if (amount === null) withoutAmount++;
    const [start, end] = years;
    lo = Math.min(lo, start);
    hi = Math.max(hi, end);
    for (let y = start; y <= end; y++) {
      const bar = byYear.get(y) ?? { year: y, amount: 0, projects: 0 };
      bar.projects++;
      if (amount !== null) bar.amount += amount / (end - start + 1);
      byYear.set(y, bar);
    }
  }
  const years: YearBar[] = [];
  for (let y = lo; y <= hi; y++) years.push(byYear.get(y) ?? { year: y, amount: 0, projects: 0 });
  return { years, unknown, withoutAmount };
}

/** The year with the most investment within the slider's years; null when none has any. */
export function peakYear(chart: InvestmentByYear, first: number = AS_OF_YEARS.first, last: number = AS_OF_YEARS.last): number | null {
  let best: YearBar | null = null;
  for (const b of chart.years) if (b.year >= first && b.year <= last && b.amount > 0 && (!best || b.amount > best.amount)) best = b;
  return best?.year ?? null;
}

/** The next year of a play-through, or null at the end. */
export function nextYear(year: number, last: number = AS_OF_YEARS.last): number | null {
  return year < last ? year + 1 : null;
}

/**
 * The summary's words for the projects a year filter cannot place: “其中 75 项未列开工年份（已包括）”,
 * or what was left out. Null when there are none or no year filter is on.
 */
export function unknownYearText(u: { count: number; included: boolean } | null, asOf: number | null): string | null {
  if (!u || u.count === 0) return null;
  if (u.included) return `其中 ${u.count} 项未列开工年份（已包括）`;
  if (asOf !== null) return `另有 ${u.count} 项未列建设年份，不在“${asOf} 年在建”之列`;
  return `另有 ${u.count} 项未列开工年份（已排除）`;
}
