import { describe, expect, it } from 'vitest';
import { describeFilters, filterWords } from '../../src/analysis/describeFilters.ts';
import { EMPTY_FILTERS } from '../../src/analysis/filters.ts';

const names = new Map([['140425', '平顺县']]);

describe('filters in words', () => {
  it('says nothing when nothing is filtered', () => {
    expect(describeFilters(EMPTY_FILTERS, names)).toEqual([]);
    expect(filterWords(EMPTY_FILTERS, names)).toEqual([]);
  });

  it('names every filter, with units and open ranges', () => {
    const f = {
      categories: ['education' as const, 'health' as const],
      subcategories: ['elderly' as const, 'rail' as const],
      counties: ['140425', '999999'],
      zone: '太行山水风景片区',
      investment: { min: 1, max: null },
      startYear: { min: 2021, max: 2023 },
      unknownYear: 'exclude' as const,
      asOf: 2022,
      precisions: ['village' as const],
      query: ' 医院 ',
    };
    expect(describeFilters(f, names)).toEqual([
      '县区：平顺县、999999',
      '片区：太行山水风景片区',
      '类别：教育、卫生健康',
      '子类：养老服务、铁路',
      '投资额：≥ 1 亿元',
      '开工年份：2021–2023 年（不含未列年份的项目）',
      '在建年份：2022 年',
      '位置精度：村级',
      '搜索：医院',
    ]);
    expect(filterWords(f, names)).toEqual(['平顺县+999999', '太行山水风景片区', '教育+卫生健康', '养老服务+铁路', '投资1-亿元', '2021-2023年开工', '2022年在建', '村级', '搜索医院']);
    expect(describeFilters({ ...EMPTY_FILTERS, investment: { min: null, max: 0.5 } }, names)).toEqual(['投资额：≤ 0.5 亿元']);
  });
});
