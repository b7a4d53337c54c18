import { cityInvestment, type RepeatedRow } from '../data/totals.ts';
import type { AreaStats } from '../analysis/aggregate.ts';
import { formatArea, formatResidents, formatYi, formatYiWithUnit } from '../analysis/format.ts';
import { METRIC_LABEL, metricText, type Metric } from '../analysis/metric.ts';
import { placeFraction } from '../analysis/allocate.ts';
import { placeLabel } from '../analysis/places.ts';
import { PRECISION_LABEL, type LocatedProject, type LocationMethod, type ProjectLocation } from '../data/project.ts';

export const METHOD_LABEL: Record<LocationMethod, string> = {
  gazetteer: '按地名库（乡镇、村中心点）匹配',
  seat: '按驻地规则：县级或市直设施定位于政府驻地',
  parent: '村无坐标，退至所在乡镇中心',
  manual: '人工核定',
  county: '只知县区，点位于县区内部示意',
};

export const SCOPE_LABEL: Record<LocatedProject['scope'], string> = {
  local: '单一县区',
  multi: '跨县区',
  citywide: '全市性',
};

/** Why a list has more rows than projects: “A2-03 重复 A1-01、A2-39 为 A2-27 的一部分”. */
export function repeatsText(repeats: readonly RepeatedRow[]): string {
  return repeats.map((r) => (r.kind === 'duplicate' ? `${r.id} 重复 ${r.of}` : `${r.id} 为 ${r.of} 的一部分`)).join('、');
}

/** “位置精度：乡镇级（青羊镇）”. */
export function precisionText(l: ProjectLocation): string {
  return `位置精度：${PRECISION_LABEL[l.precision]}（${placeLabel(l)}）`;
}

export function countyNamesOf(p: Pick<LocatedProject, 'counties' | 'scope' | 'locations'>, names: ReadonlyMap<string, string>): string {
  if (p.scope === 'citywide') return '全市';
  const codes = p.counties.length > 0 ? p.counties : [...new Set(p.locations.map((l) => l.county))];
  return codes.map((c) => names.get(c) ?? c).join('、') || '未定位';
}

/** The headline figure of a project, with its unit, or “未列投资额”. */
export function investmentText(p: LocatedProject): string {
  const v = cityInvestment(p);
  if (v === null) return formatYiWithUnit(null);
  if (p.investment.inCity !== null && p.investment.total !== null && p.investment.inCity !== p.investment.total) {
    return `${formatYi(v)} 亿元（长治境内；全线 ${formatYi(p.investment.total)} 亿元）`;
  }
  return `${formatYi(v)} 亿元`;
}

/**
 * An area's figures for its tooltip, the chosen metric first: “人均投资 8,438 元/人”,
 * then projects and investment, then what the metric divides by.
 */
export function describeCountyStats(c: AreaStats, metric: Metric): string[] {
  const lines = [`${METRIC_LABEL[metric]} ${metricText(c, metric)}`];
  const rest = [metric !== 'count' && `${c.count} 个项目`, metric !== 'total' && `${formatYi(c.total)} 亿元`, c.unknownCount > 0 && `${c.unknownCount} 项未列投资额`];
  lines.push(rest.filter(Boolean).join(' · '));
  if (metric === 'density') lines.push(`面积 ${formatArea(c.areaKm2)} km²`);
  if (metric === 'percapita' && c.population !== null) lines.push(`2020年常住人口 ${formatResidents(c.population)} 万人`);
  return lines;
}

/** A place a list is shown for: its counties, and the word for “here” (本县, 本区, 本片区, 所选县区). */
export interface ListPlace {
  counties: ReadonlySet<string>;
  word: string;
}

/** 本县 for 平顺县, 本区 for 潞州区, 所选县区 for several, 本片区 for a zone. */
export function placeWord(countyNames: readonly string[], zone: string | null): string {
  if (zone !== null && countyNames.length === 0) return '本片区';
  if (zone === null && countyNames.length === 1) return countyNames[0]!.endsWith('区') ? '本区' : '本县';
  return '所选县区';
}

/**
 * A project's figure as listed for a place: the whole when all of it is
 * there, else its share beside the whole, “本县计 49.8 亿 / 全线 99.6 亿”
 * (and the whole line's figure where the plan gives 长治's part apart).
 */
export function placeInvestmentText(p: LocatedProject, place: ListPlace | null): string {
  const whole = cityInvestment(p);
  if (!place || whole === null) return investmentText(p);
  const fraction = placeFraction(p, place.counties);
  if (fraction <= 0 || fraction >= 1 - 1e-9) return investmentText(p);
  const line = p.category === 'transport' ? '全线' : '全项目';
  const beyond = p.investment.inCity !== null && p.investment.total !== null && p.investment.inCity !== p.investment.total;
  return beyond
    ? `${place.word}计 ${formatYi(whole * fraction)} 亿 / 长治境内 ${formatYi(whole)} 亿（${line} ${formatYi(p.investment.total!)} 亿）`
    : `${place.word}计 ${formatYi(whole * fraction)} 亿 / ${line} ${formatYi(whole)} 亿`;
}
