/**
 * The column layout of each annex, checked against the printed header so a
 * different seed cannot be read with the wrong columns.
 */
import type { AnnexNo } from './seed.ts';

export type Key =
  | 'seq' | 'name' | 'nature' | 'location' | 'content' | 'period' | 'total' | 'plan'
  | 'funding' | 'inNationalPlan' | 'from13thPlan' | 'owner' | 'leadDepartment' | 'department' | 'remarks';

export interface Layout {
  /** Header cells as printed, whitespace removed. */
  header: string[];
  /** The field each column feeds. */
  keys: Key[];
}

const A1_A5_AMOUNTS = ['预计总投资(亿元)', '“十四五”时期投资(亿元)'];

export const LAYOUTS: Record<AnnexNo, Layout> = {
  1: {
    header: ['序号', '项目名称', '主要建设内容和生产规模', ...A1_A5_AMOUNTS, '建设地点', '建设起止年限', '资金来源',
      '项目是否纳入国家和省“十四五”规划', '项目法人(筹建)单位', '项目牵头部门', '项目主管(责任)部门'],
    keys: ['seq', 'name', 'content', 'total', 'plan', 'location', 'period', 'funding', 'inNationalPlan', 'owner',
      'leadDepartment', 'department'],
  },
  2: {
    header: ['序号', '项目名称', '建设性质', '建设地点', '主要建设内容和生产规模', '建设起止年限', ...A1_A5_AMOUNTS,
      '项目法人(筹建)单位', '项目主管(责任)部门', '备注'],
    keys: ['seq', 'name', 'nature', 'location', 'content', 'period', 'total', 'plan', 'owner', 'department', 'remarks'],
  },
  3: {
    header: ['序号', '项目名称', '建设性质', '建设规模及主要建设内容', '总投资(万元)'],
    keys: ['seq', 'name', 'nature', 'content', 'total'],
  },
  4: {
    header: ['序号', '重点项目名称', '属性', '实施内容', '备注'],
    keys: ['seq', 'name', 'nature', 'content', 'remarks'],
  },
  5: {
    header: ['序号', '项目名称', '主要建设内容和生产规模', ...A1_A5_AMOUNTS, '建设地点', '建设起止年限', '政府投资或社会投资',
      '是否纳入国家“十四五”规划', '是否为“十三五”规划延续项目', '项目法人(筹建)单位', '项目主管(责任)部门'],
    keys: ['seq', 'name', 'content', 'total', 'plan', 'location', 'period', 'funding', 'inNationalPlan', 'from13thPlan',
      'owner', 'department'],
  },
};

/** The unit of the annex's amount columns, read from the printed header. */
export function amountUnit(header: string[]): '亿元' | '万元' | null {
  const units = new Set(header.flatMap((h) => (/投资\((亿元|万元)\)$/.exec(h)?.[1] ?? []) as string[]));
  if (units.size > 1) throw new Error(`header mixes units: ${[...units].join(', ')}`);
  const [unit] = units;
  return unit === '亿元' || unit === '万元' ? unit : null;
}
