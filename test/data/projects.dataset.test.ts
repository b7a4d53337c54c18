/**
 * Properties of the committed dataset that need no seed: it validates, every
 * row is placed (counties or citywide), nothing is 0, and repeated projects are
 * counted once in every total.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNTIES } from '../../src/geo/countyCodes.ts';
import { parseProjects } from '../../src/data/validateProjects.ts';
import { SUBCATEGORY_LABEL, type Project } from '../../src/data/project.ts';
import { countsOnce, roundAmount, sumInvestment, type AmountField } from '../../src/data/totals.ts';
import { REPO } from './seedRows.ts';

const projects = parseProjects(JSON.parse(readFileSync(join(REPO, 'data/projects.json'), 'utf8')));
const byId = new Map(projects.map((p) => [p.id, p]));
const get = (id: string): Project => {
  const p = byId.get(id);
  if (!p) throw new Error(`no ${id}`);
  return p;
};

describe('data/projects.json', () => {
  it('is written deterministically: 2-space JSON with a trailing newline', () => {
    const text = readFileSync(join(REPO, 'data/projects.json'), 'utf8');
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });

  it('has 133 rows with unique, stable ids', () => {
    expect(projects).toHaveLength(133);
    expect(new Set(projects.map((p) => p.id)).size).toBe(133);
    expect(projects.map((p) => p.id)).toContain('A4-铁路-03');
    expect(get('A1-07').name).toBe('平顺县中医院门诊综合楼建设项目(新建)');
  });

  it('places every project in counties, or marks it citywide with none', () => {
    const codes = new Set<string>(COUNTIES.map((c) => c.adcode));
    for (const p of projects) {
      if (p.scope === 'citywide') expect(p.counties).toEqual([]);
      else expect(p.counties.length).toBeGreaterThan(0);
      for (const c of p.counties) expect(codes.has(c)).toBe(true);
      expect(p.countyBasis.reason.length).toBeGreaterThan(0);
      if (p.countyBasis.kind === 'inferred') expect(p.source.note ?? '').toMatch(/把握：[高中低]/);
    }
    expect(get('A2-05').scope).toBe('citywide'); // 各县区
    expect(get('A2-02').counties).toEqual(['140428']); // 丹朱镇 -> 长子县
    expect(get('A4-铁路-01').counties).toEqual(['140404', '140428']); // 上党区、长子县, named in the text
    // 长治北站 is in the former 郊区's 长北街道, today 潞州区: both lines that end there touch it.
    for (const id of ['A4-铁路-04', 'A4-铁路-05']) {
      expect(get(id).counties, id).toContain('140403');
      expect(get(id).countyBasis).toMatchObject({ kind: 'inferred', reason: expect.stringContaining('长北街道') });
    }
  });

  it('never stores 0: an amount the source does not give is null', () => {
    for (const p of projects) {
      for (const v of [p.investment.total, p.investment.plan, p.investment.inCity]) expect(v).not.toBe(0);
    }
    expect(get('A2-28').investment.total).toBeNull(); // blank 预计总投资
    expect(get('A4-铁路-03').investment).toMatchObject({ total: null, plan: null, inCity: null, basis: 'none' });
    expect(projects.filter((p) => p.annex === 3).every((p) => p.investment.plan === null)).toBe(true);
  });

  it('converts 附件3 amounts from the printed 万元', () => {
    for (const p of projects.filter((x) => x.annex === 3)) {
      const m = /^(\d+)万元$/.exec(p.investment.raw.total ?? '');
      expect(m, p.id).not.toBeNull();
      expect(roundAmount(p.investment.total! * 10000)).toBe(Number(m![1]));
    }
    expect(get('A3-21').investment.total).toBe(25); // 250000 万元
    expect(get('A3-05').investment.total).toBe(0.039); // 390 万元
  });

  it('keeps 附件4’s whole-line figure and the in-city share side by side', () => {
    expect(get('A4-铁路-01').investment).toMatchObject({ total: 156, inCity: 64, basis: 'text' });
    expect(get('A4-高速公路-01').investment).toMatchObject({ total: 264, inCity: 117.4, basis: 'text' });
    expect(get('A4-航空-02').investment).toMatchObject({ total: 6.5, plan: null, inCity: null });
  });

  it('links the projects listed twice across annexes to their first listing', () => {
    const dups = projects.filter((p) => p.duplicateOf !== null).map((p) => [p.id, p.duplicateOf]);
    expect(dups).toEqual([
      ['A2-03', 'A1-01'],
      ['A2-12', 'A1-02'],
    ]);
    for (const [id, first] of dups) {
      const [a, b] = [get(id!), get(first!)];
      expect(a.annex).not.toBe(b.annex);
      expect(a.source.lines[0]!).toBeGreaterThan(b.source.lines[0]!);
      expect(b.name.slice(0, 9)).toBe(a.name.slice(0, 9)); // 长治市第二人民医院… / 长治市潞州区人民医院…
    }
    expect(get('A2-39').partOf).toBe('A2-27'); // “为灵空山镇康养小镇一部分”
  });

  it('counts a repeated project once in every total', () => {
    for (const field of ['total', 'plan', 'cityShare'] as AmountField[]) {
      const value = (p: Project) => (field === 'cityShare' ? (p.investment.inCity ?? p.investment.total) : p.investment[field]) ?? 0;
      const all = projects.reduce((s, p) => s + value(p), 0);
      const repeats = projects.filter((p) => !countsOnce(p)).reduce((s, p) => s + value(p), 0);
      const once = sumInvestment(projects, field);
      expect(once.sum).toBe(roundAmount(all - repeats));
      expect(once.skipped).toEqual(['A2-03', 'A2-12', 'A2-39']);
    }
    // 7.85 (附件1) counts, 8.35 (its repeat in 附件2) does not.
    const hospital = sumInvestment([get('A1-01'), get('A2-03')]);
    expect(hospital.sum).toBe(7.85);
  });

  it('records another reading wherever the printed one is doubtful', () => {
    for (const p of projects) {
      const { total, plan } = p.investment;
      if (total !== null && plan !== null && plan > total) expect(p.source.alternatives.length, p.id).toBeGreaterThan(0);
      if (p.source.repaired) expect(p.source.note, p.id).toMatch(/【修复】/);
    }
    const over = (p: Project) => p.investment.total !== null && p.investment.plan !== null && p.investment.plan > p.investment.total;
    expect(projects.filter(over).map((p) => p.id)).toEqual(['A2-07', 'A2-14', 'A2-40']);
  });

  it('takes the row’s own words over the column order when they state the total (A2-27 “项目总投资10.38亿元”)', () => {
    expect(get('A2-27').investment).toMatchObject({ total: 10.38, plan: 4.6, raw: { total: '总投资10.38亿元', plan: '4.6亿元' } });
    expect(get('A2-27').source.alternatives).toEqual([expect.stringMatching(/^按栏位顺序：预计总投资4.6亿元、“十四五”时期投资10.38亿元/)]);
    // A2-07's text states no total: the column order stays the reading, the swap the alternative.
    expect(get('A2-07').investment).toMatchObject({ total: 70, plan: 100 });
    expect(get('A2-07').source.note).toContain('复核（数据审查）');
  });

  it('gives every 附件2 and 附件4 row a sub-category with its rule, as data/PROJECTS.md lists them row by row', () => {
    const notes = readFileSync(join(REPO, 'data/PROJECTS.md'), 'utf8');
    const section = notes.slice(notes.indexOf('## 子类'), notes.indexOf('## 县区的判定'));
    const listed = [...section.matchAll(/^\| (A2-\d+) \| .+ \| (.+) \| (.+) \|$/gm)].map((m) => [m[1], m[2], m[3]]);
    const a2 = projects.filter((p) => p.annex === 2);
    expect(listed).toEqual(a2.map((p) => [p.id, SUBCATEGORY_LABEL[p.subcategory!], p.subcategoryBasis]));
    for (const p of projects.filter((x) => x.annex === 4)) expect(SUBCATEGORY_LABEL[p.subcategory!], p.id).toBe(p.section);
    for (const p of projects.filter((x) => x.annex !== 2 && x.annex !== 4)) expect([p.subcategory, p.subcategoryBasis], p.id).toEqual([null, null]);
    // 敬老院 and 100 亿元 resorts are apart: the question “is eldercare spread evenly?” can be asked.
    expect(get('A2-02').subcategory).toBe('elderly');
    expect(get('A2-18').subcategory).toBe('other');
  });

  it('keeps the printed name and marks every name of ours (the three 水运 rows print only a county)', () => {
    const ours = projects.filter((p) => p.displayNameOurs);
    expect(ours.map((p) => [p.name, p.displayName])).toEqual([
      ['沁源县', '沁源县水库码头前期研究（永和、李家庄）'],
      ['长子县', '长子县水库码头前期研究（鲍家河）'],
      ['黎城县', '黎城县水库码头前期研究（塔坡、南村、阳南河）'],
    ]);
    for (const p of projects.filter((x) => !x.displayNameOurs)) expect(p.displayName).toBe(p.name);
  });

  it('reads years only where the period prints them', () => {
    expect(get('A1-05')).toMatchObject({ period: '“十四五”期间', startYear: null, endYear: null });
    expect(get('A1-14')).toMatchObject({ period: '2021.04', startYear: 2021, endYear: null });
    expect(get('A2-37')).toMatchObject({ period: '2020.8.20-2021.6.30', startYear: 2020, endYear: 2021 });
    expect(get('A2-33')).toMatchObject({ startYear: 2019, endYear: 2024 });
  });
});
