import { CATEGORY_LABEL, PRECISION_LABEL, SUBCATEGORY_LABEL } from '../data/project.ts';
import { isRangeSet, type Filters, type Range } from './filters.ts';
import { formatYi } from './format.ts';

function rangeText(r: Range, format: (n: number) => string, unit: string): string {
  if (r.min !== null && r.max !== null) return `${format(r.min)}–${format(r.max)}${unit}`;
  if (r.min !== null) return `≥ ${format(r.min)}${unit}`;
  return `≤ ${format(r.max!)}${unit}`;
}

const year = (n: number) => String(n);

/**
 * The applied filters in words, one per line, for the print sheet, the
 * exported image and the presenter caption: “县区：平顺县”, “类别：教育”…
 * Empty when nothing is filtered.
 */
export function describeFilters(f: Filters, countyNames: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  if (f.counties.length > 0) out.push(`县区：${f.counties.map((c) => countyNames.get(c) ?? c).join('、')}`);
  if (f.zone !== null) out.push(`片区：${f.zone}`);
  if (f.categories.length > 0) out.push(`类别：${f.categories.map((c) => CATEGORY_LABEL[c]).join('、')}`);
  if (f.subcategories.length > 0) out.push(`子类：${f.subcategories.map((c) => SUBCATEGORY_LABEL[c]).join('、')}`);
  if (isRangeSet(f.investment)) out.push(`投资额：${rangeText(f.investment, formatYi, ' 亿元')}`);
  if (isRangeSet(f.startYear)) out.push(`开工年份：${rangeText(f.startYear, year, ' 年')}${f.unknownYear === 'exclude' ? '（不含未列年份的项目）' : '（含未列年份的项目）'}`);
  if (f.asOf !== null) out.push(`在建年份：${f.asOf} 年`);
  if (f.precisions.length > 0) out.push(`位置精度：${f.precisions.map((p) => PRECISION_LABEL[p]).join('、')}`);
  if (f.query.trim() !== '') out.push(`搜索：${f.query.trim()}`);
  return out;
}

/**
 * The filters as short words for a file name: 平顺县, 教育, 投资1-10亿元…
 * Place names first, in the order of `describeFilters`.
 */
export function filterWords(f: Filters, countyNames: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  if (f.counties.length > 0) out.push(f.counties.map((c) => countyNames.get(c) ?? c).join('+'));
  if (f.zone !== null) out.push(f.zone);
  if (f.categories.length > 0) out.push(f.categories.map((c) => CATEGORY_LABEL[c]).join('+'));
  if (f.subcategories.length > 0) out.push(f.subcategories.map((c) => SUBCATEGORY_LABEL[c]).join('+'));
  const plain = (n: number) => String(Number(n.toFixed(4)));
  const range = (r: Range) => `${r.min === null ? '' : plain(r.min)}-${r.max === null ? '' : plain(r.max)}`;
  if (isRangeSet(f.investment)) out.push(`投资${range(f.investment)}亿元`);
  if (isRangeSet(f.startYear)) out.push(`${range(f.startYear)}年开工`);
  if (f.asOf !== null) out.push(`${f.asOf}年在建`);
  if (f.precisions.length > 0) out.push(f.precisions.map((p) => PRECISION_LABEL[p]).join('+'));
  if (f.query.trim() !== '') out.push(`搜索${f.query.trim()}`);
  return out;
}
