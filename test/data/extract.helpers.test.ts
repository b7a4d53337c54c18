/** The extractor's small text rules, on hand-made input. */
import { describe, expect, it } from 'vitest';
import { parseAmountCell, textAmounts, wanToYi } from '../../scripts/projects/amounts.ts';
import { countyMentions } from '../../scripts/projects/counties.ts';
import { clean } from '../../scripts/projects/normalize.ts';
import { parsePeriod } from '../../scripts/projects/period.ts';

describe('clean', () => {
  it('drops line-wrap spaces beside Chinese, keeps them between Latin/digits', () => {
    expect(clean('平顺县人民医院 医疗设备更新配置 项目(更新)')).toBe('平顺县人民医院医疗设备更新配置项目(更新)');
    expect(clean('G55 二广高速东阳至 北义城改扩建工程 (长治段)')).toBe('G55二广高速东阳至北义城改扩建工程(长治段)');
    expect(clean('总建筑面积 10012 m ² ')).toBe('总建筑面积10012 m²');
    expect(clean('规模为30000m ³ /d')).toBe('规模为30000m³/d');
  });
});

describe('amounts', () => {
  it('moves the decimal point for 万元 -> 亿元 without float noise', () => {
    expect(wanToYi('2880')).toBe(0.288);
    expect(wanToYi('390')).toBe(0.039);
    expect(wanToYi('250000')).toBe(25);
    expect(wanToYi('15548.29')).toBe(1.554829);
  });

  it('reads blank as null, 约 as the number, and refuses anything else', () => {
    expect(parseAmountCell(' ', '亿元')).toBeNull();
    expect(parseAmountCell('约15', '亿元')).toEqual({ value: 15, raw: '约15亿元', approximate: true });
    expect(() => parseAmountCell('2021-2025', '亿元')).toThrow(/not an amount/);
  });

  it('finds whole-line and in-city figures in 附件4 text', () => {
    expect(textAmounts('前期研究，总投资约 6.5 亿元，力争“十四五”开工建设')).toEqual({
      total: { value: 6.5, raw: '总投资约 6.5 亿元', approximate: true },
      inCity: null,
    });
    const t = textAmounts('全长130公里，估算投资156亿元，其中长治境内53公里，投资约为64亿元。');
    expect([t.total?.value, t.inCity?.value, t.inCity?.raw]).toEqual([156, 64, '其中长治境内53公里，投资约为64亿元']);
    expect(textAmounts('前期研究，预计长治境内185公里')).toEqual({ total: null, inCity: null });
  });
});

describe('parsePeriod', () => {
  it.each([
    ['2021-2023', 2021, 2023],
    ['2021.01-2022.12', 2021, 2022],
    ['2021—2025', 2021, 2025],
    ['2019.4-2024', 2019, 2024],
    ['2020.8.20- 2021.6.30', 2020, 2021],
    ['2021.04', 2021, null],
    ['“十四五”期间', null, null],
  ])('%s -> %s..%s', (text, start, end) => {
    expect(parsePeriod(text)).toMatchObject({ startYear: start, endYear: end });
  });
});

describe('countyMentions', () => {
  it('knows full, short and pre-2018 names, without false hits', () => {
    expect(countyMentions('经长治市上党区、长子县，进入临汾市').map((m) => m.text)).toEqual(['上党区', '长子县']);
    expect(countyMentions('邯郸—武乡—沁县—介休—交口').map((m) => m.adcode)).toEqual(['140429', '140430']);
    expect(countyMentions('原长治县韩店镇、潞城市店上镇').map((m) => m.adcode)).toEqual(['140404', '140406']);
    expect(countyMentions('黎城县黎侯镇北城区')).toHaveLength(1); // 北城区 is not 城区
    expect(countyMentions('沁水端氏')).toEqual([]); // 沁水 is 晋城's
  });
});
