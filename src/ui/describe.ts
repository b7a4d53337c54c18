import { cityInvestment, type RepeatedRow } from '../data/totals.ts';
import { formatYi, formatYiWithUnit } from '../analysis/format.ts';
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
