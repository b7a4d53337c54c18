/**
 * The dataset against the plan's own text: every expectation is computed from
 * the seed's raw rows (test/data/seedRows.ts), not copied from the dataset.
 * Skipped, with a message, where ../shared/seed is absent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/data/project.ts';
import { sumInvestment } from '../../src/data/totals.ts';
import { parseProjects } from '../../src/data/validateProjects.ts';
import { buildProjects, projectsJsonText } from '../../scripts/projects/build.ts';
import { checkAnnotations, checkRepairs, type RepairsFile } from '../../scripts/projects/inputs.ts';
import { HAS_SEED, REPO, SEED, rawAmounts, readRawRows, round6, type RawRow } from './seedRows.ts';

const committedText = readFileSync(join(REPO, 'data/projects.json'), 'utf8');
const projects: Project[] = parseProjects(JSON.parse(committedText));
const readJson = (p: string): unknown => JSON.parse(readFileSync(join(REPO, p), 'utf8'));

if (!HAS_SEED) {
  console.warn(`projects.fidelity: skipped — the plan text ${SEED} is absent (../shared/seed/ beside the repo).`);
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe.skipIf(!HAS_SEED)('data/projects.json against the seed', () => {
  let rows: RawRow[] = [];
  let amounts = new Map<RawRow, ReturnType<typeof rawAmounts> extends Map<RawRow, infer A> ? A : never>();
  const rowOf = (p: Project) => rows.find((r) => r.line === p.source.lines[0])!;
  beforeAll(() => {
    rows = readRawRows();
    amounts = rawAmounts(rows);
  });

  it('has every annex row once, in source order (133 in all)', () => {
    expect(rows).toHaveLength(133);
    expect(projects).toHaveLength(rows.length);
    expect(projects.map((p) => p.source.lines[0])).toEqual(rows.map((r) => r.line));
    expect(projects.map((p) => p.source.raw)).toEqual(rows.map((r) => r.text));
    expect(projects.map((p) => [p.annex, p.section, p.seq])).toEqual(rows.map((r) => [r.annex, r.section, r.seq]));
  });

  it('counts rows per annex and per 附件4 section as the seed does', () => {
    const count = <T>(xs: T[], key: (x: T) => string) =>
      xs.reduce<Record<string, number>>((acc, x) => ({ ...acc, [key(x)]: (acc[key(x)] ?? 0) + 1 }), {});
    const byAnnex = count(rows, (r) => `附件${r.annex}`);
    expect(byAnnex).toEqual({ 附件1: 16, 附件2: 46, 附件3: 32, 附件4: 35, 附件5: 4 });
    expect(count(projects, (p) => `附件${p.annex}`)).toEqual(byAnnex);
    const bySection = count(rows.filter((r) => r.annex === 4), (r) => r.section!);
    expect(bySection).toEqual({ 航空: 10, 铁路: 13, 高速公路: 6, 地方重要公路: 1, 货运场站: 2, 水运: 3 });
    expect(count(projects.filter((p) => p.annex === 4), (p) => p.section!)).toEqual(bySection);
  });

  it('sums 预计总投资, “十四五”投资 and in-city shares per annex as recomputed from the raw cells', () => {
    for (const annex of [1, 2, 3, 4, 5]) {
      for (const field of ['total', 'plan', 'inCity'] as const) {
        const expected = round6(rows.filter((r) => r.annex === annex).reduce((s, r) => s + (amounts.get(r)![field] ?? 0), 0));
        const actual = round6(projects.filter((p) => p.annex === annex).reduce((s, p) => s + (p.investment[field] ?? 0), 0));
        expect({ annex, field, sum: actual }).toEqual({ annex, field, sum: expected });
      }
    }
  });

  it('reads every row’s figures as the raw cells give them, blank cells as null (never 0)', () => {
    for (const p of projects) {
      const a = amounts.get(rowOf(p))!;
      expect({ id: p.id, ...pick(p) }).toEqual({ id: p.id, total: a.total, plan: a.plan, inCity: a.inCity });
    }
    const blankTotal = rows.filter((r) => r.annex === 2 && r.cells.length === 11 && r.cells[6]!.trim() === '');
    expect(blankTotal.length).toBeGreaterThan(0);
    for (const r of blankTotal) expect(projects.find((p) => p.source.lines[0] === r.line)!.investment.total).toBeNull();
  });

  it('converts 附件3 from 万元 to 亿元 (÷10000), keeping the printed 万元 figure', () => {
    const a3 = rows.filter((r) => r.annex === 3);
    for (const r of a3) {
      const p = projects.find((x) => x.source.lines[0] === r.line)!;
      const wan = r.cells[4]!.trim();
      expect(p.investment.raw.total).toBe(`${wan}万元`);
      expect(round6(p.investment.total! * 10000)).toBe(Number(wan));
      expect(p.investment.plan).toBeNull(); // 附件3 has no “十四五” column
    }
    expect(round6(a3.reduce((s, r) => s + Number(r.cells[4]), 0))).toBe(round6(sumInvestment(projects.filter((p) => p.annex === 3)).sum * 10000));
  });

  it('keeps blank text cells null: 附件1 #4 has no 是否纳入规划 answer', () => {
    const r = rows.find((x) => x.annex === 1 && x.seq === 4)!;
    expect(r.cells[9]!.trim()).toBe(''); // after the repeated amount: 序号 名称 内容 a a a 地点 年限 来源 [纳入]
    expect(projects.find((p) => p.id === 'A1-04')!.inNationalPlan).toBeNull();
  });

  it('prints each name as in the seed, minus line-wrap spaces', () => {
    for (const p of projects) {
      expect(squash(rowOf(p).cells[1]!)).toBe(squash(p.name));
      expect(p.name).not.toMatch(/[\u4e00-\u9fff]\s+[\u4e00-\u9fff]/);
    }
    expect(projects.find((p) => p.id === 'A1-06')!.name).toBe('平顺县人民医院医疗设备更新配置项目(更新)');
  });

  it('quotes 附件4 amounts exactly as printed in the row', () => {
    for (const p of projects.filter((x) => x.annex === 4)) {
      for (const raw of [p.investment.raw.total, p.investment.raw.inCity]) if (raw !== null) expect(p.source.raw).toContain(raw);
    }
  });

  it('repairs only with cells that are printed in the row they replace', () => {
    const repairs = checkRepairs(readJson('data/repairs.json'));
    for (const r of repairs.repairs) {
      const raw = rows.find((x) => x.line === r.line)!;
      expect(raw.text).toBe(r.raw);
      const printed = raw.cells.map(squash);
      for (const [key, value] of Object.entries(r.cells)) {
        if (squash(value) !== '') expect({ id: r.id, key, inRow: printed.includes(squash(value)) }).toEqual({ id: r.id, key, inRow: true });
      }
      expect(projects.find((p) => p.id === r.id)!.source.repaired).toBe(true);
    }
  });

  it('regenerates data/projects.json byte for byte', () => {
    const text = projectsJsonText(
      buildProjects({
        seedText: readFileSync(SEED, 'utf8'),
        repairs: checkRepairs(readJson('data/repairs.json')),
        annotations: checkAnnotations(readJson('data/annotations.json')),
      }),
    );
    expect(text === committedText, 'data/projects.json is stale: run npm run data:extract').toBe(true);
  });

  it('refuses an irregular row without a repair, and a repair whose raw text no longer matches', () => {
    const seedText = readFileSync(SEED, 'utf8');
    const annotations = checkAnnotations(readJson('data/annotations.json'));
    const repairs = checkRepairs(readJson('data/repairs.json'));
    const without: RepairsFile = { repairs: repairs.repairs.filter((r) => r.id !== 'A2-30') };
    expect(() => buildProjects({ seedText, repairs: without, annotations })).toThrow(/A2-30 .*9 cells, expected 11; add a repair/);
    const stale: RepairsFile = { repairs: repairs.repairs.map((r) => (r.id === 'A2-30' ? { ...r, raw: `${r.raw}x` } : r)) };
    expect(() => buildProjects({ seedText, repairs: stale, annotations })).toThrow(/A2-30: data\/repairs\.json expects/);
  });
});

function pick(p: Project) {
  return { total: p.investment.total, plan: p.investment.plan, inCity: p.investment.inCity };
}
