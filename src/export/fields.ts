import { CATEGORY_LABEL, PRECISION_LABEL, SUBCATEGORY_LABEL, type LocatedProject, type ProjectLocation } from '../data/project.ts';
import { cityInvestment } from '../data/totals.ts';

/** A cell value: text, a number, or null for “not in the plan” (written as an empty cell, never 0). */
export type Cell = string | number | null;

export interface Field {
  /** Stable ASCII name: GeoJSON property and the part of the CSV header in brackets. */
  key: string;
  /** What a reader in Excel sees. */
  label: string;
  value: (p: LocatedProject, ctx: FieldContext) => Cell;
}

export interface FieldContext {
  countyNames: ReadonlyMap<string, string>;
  /** True when the project counts toward totals of the exported set (see countOnce). */
  counted: boolean;
}

const yesNo = (b: boolean) => (b ? '是' : '否');
/** Lists inside one cell: adcodes and line numbers are separated by `;`, free text by a line break. */
export const LIST_SEPARATOR = ';';
export const TEXT_LIST_SEPARATOR = '\n';

/** Every field of a project, flattened, in the order of the plan's annex columns then ours. */
export const PROJECT_FIELDS: readonly Field[] = [
  { key: 'id', label: '编号', value: (p) => p.id },
  { key: 'annex', label: '附件', value: (p) => p.annex },
  { key: 'section', label: '分节', value: (p) => p.section },
  { key: 'seq', label: '序号', value: (p) => p.seq },
  { key: 'name', label: '项目名称', value: (p) => p.name },
  { key: 'display_name', label: '显示名称', value: (p) => p.displayName },
  { key: 'display_name_ours', label: '显示名称为本图补写', value: (p) => yesNo(p.displayNameOurs) },
  { key: 'category', label: '类别代码', value: (p) => p.category },
  { key: 'category_label', label: '类别', value: (p) => CATEGORY_LABEL[p.category] },
  { key: 'subcategory', label: '子类代码', value: (p) => p.subcategory },
  { key: 'subcategory_label', label: '子类', value: (p) => (p.subcategory ? SUBCATEGORY_LABEL[p.subcategory] : null) },
  { key: 'subcategory_basis', label: '子类依据', value: (p) => p.subcategoryBasis },
  { key: 'nature', label: '建设性质', value: (p) => p.nature },
  { key: 'content', label: '建设内容', value: (p) => p.content },
  { key: 'period', label: '建设起止年限', value: (p) => p.period },
  { key: 'start_year', label: '开工年', value: (p) => p.startYear },
  { key: 'end_year', label: '完工年', value: (p) => p.endYear },
  { key: 'investment_total', label: '预计总投资_亿元', value: (p) => p.investment.total },
  { key: 'investment_plan', label: '十四五投资_亿元', value: (p) => p.investment.plan },
  { key: 'investment_in_city', label: '长治境内投资_亿元', value: (p) => p.investment.inCity },
  { key: 'city_investment', label: '计入长治的投资_亿元', value: (p) => cityInvestment(p) },
  { key: 'investment_basis', label: '投资额出处', value: (p) => p.investment.basis },
  { key: 'investment_raw_total', label: '总投资原文', value: (p) => p.investment.raw.total },
  { key: 'investment_raw_plan', label: '十四五投资原文', value: (p) => p.investment.raw.plan },
  { key: 'investment_raw_in_city', label: '境内投资原文', value: (p) => p.investment.raw.inCity },
  { key: 'counted', label: '计入合计', value: (_p, ctx) => yesNo(ctx.counted) },
  { key: 'funding', label: '资金来源', value: (p) => p.funding },
  { key: 'owner', label: '项目法人单位', value: (p) => p.owner },
  { key: 'department', label: '主管部门', value: (p) => p.department },
  { key: 'lead_department', label: '牵头部门', value: (p) => p.leadDepartment },
  { key: 'in_national_plan', label: '纳入国家和省十四五规划', value: (p) => p.inNationalPlan },
  { key: 'from_13th_plan', label: '十三五延续项目', value: (p) => p.from13thPlan },
  { key: 'remarks', label: '备注', value: (p) => p.remarks },
  { key: 'scope', label: '范围', value: (p) => p.scope },
  { key: 'counties', label: '县区代码', value: (p) => p.counties.join(LIST_SEPARATOR) },
  { key: 'county_names', label: '县区', value: (p, ctx) => p.counties.map((c) => ctx.countyNames.get(c) ?? c).join('、') || null },
  { key: 'county_basis', label: '县区依据', value: (p) => p.countyBasis.kind },
  { key: 'county_reason', label: '县区依据说明', value: (p) => p.countyBasis.reason },
  { key: 'location_text', label: '建设地点', value: (p) => p.locationText },
  { key: 'duplicate_of', label: '重复于', value: (p) => p.duplicateOf },
  { key: 'part_of', label: '属于', value: (p) => p.partOf },
  { key: 'source_raw', label: '原文', value: (p) => p.source.raw },
  { key: 'source_lines', label: '原文行号', value: (p) => p.source.lines.join(LIST_SEPARATOR) },
  { key: 'source_repaired', label: '已修复', value: (p) => yesNo(p.source.repaired) },
  { key: 'source_note', label: '修复说明', value: (p) => p.source.note },
  { key: 'source_alternatives', label: '其他读法', value: (p) => p.source.alternatives.join(TEXT_LIST_SEPARATOR) || null },
  { key: 'location_count', label: '点位数', value: (p) => p.locations.length },
];

/** The fields of one location (prefixed `loc1_`, `loc2_`… in the CSV, bare in GeoJSON). */
export interface LocationField {
  key: string;
  label: string;
  value: (l: ProjectLocation, ctx: FieldContext) => Cell;
}

export const LOCATION_FIELDS: readonly LocationField[] = [
  { key: 'county', label: '县区代码', value: (l) => l.county },
  { key: 'county_name', label: '县区', value: (l, ctx) => ctx.countyNames.get(l.county) ?? l.county },
  { key: 'lon', label: '经度_WGS84', value: (l) => l.lon },
  { key: 'lat', label: '纬度_WGS84', value: (l) => l.lat },
  { key: 'precision', label: '位置精度代码', value: (l) => l.precision },
  { key: 'precision_label', label: '位置精度', value: (l) => PRECISION_LABEL[l.precision] },
  { key: 'method', label: '定位方法', value: (l) => l.method },
  { key: 'matched', label: '匹配地名', value: (l) => l.matched },
  { key: 'town', label: '乡镇', value: (l) => l.town },
  { key: 'village', label: '村或社区', value: (l) => l.village },
  { key: 'place_class', label: '点位类型', value: (l) => l.placeClass },
  { key: 'note', label: '定位说明', value: (l) => l.note },
];
