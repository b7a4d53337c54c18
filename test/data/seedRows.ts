/**
 * An independent, deliberately simple reading of the annex rows in the seed,
 * for tests: it shares no code with scripts/projects, so the extractor is
 * checked against the source rather than against itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SEED = join(REPO, '..', 'shared', 'seed', '000_046cdabd86ae8aa2.txt');
export const HAS_SEED = existsSync(SEED);

export interface RawRow {
  annex: number;
  section: string | null;
  seq: number;
  /** 1-based line number. */
  line: number;
  text: string;
  cells: string[];
}

/** Words that end each annex's title line. */
const TITLE_ENDINGS = ['规划卫生健康项目', '康养项目', '教育项目', '交通项目', '生态环境项目'];

export function readRawRows(): RawRow[] {
  const lines = readFileSync(SEED, 'utf8').split('\n');
  // Title lines are the ones that are exactly 长治市“十四五”<ending> (the 附件 list above them has a "2. " prefix).
  const starts = TITLE_ENDINGS.map((end) => lines.findIndex((l) => l.trim() === `长治市“十四五”${end}`));
  if (starts.some((s) => s < 0)) throw new Error('seedRows: an annex title is missing');
  const rows: RawRow[] = [];
  starts.forEach((start, k) => {
    const stop = starts[k + 1] ?? lines.length;
    let section: string | null = null;
    for (let i = start + 1; i < stop; i++) {
      const text = lines[i]!;
      const cells = text.split('\t');
      if (/^\d+$/.test(cells[0]!.trim())) {
        rows.push({ annex: k + 1, section, seq: Number(cells[0]), line: i + 1, text, cells });
      } else if (k === 3 && cells.length > 1 && cells.slice(1).every((c) => c.trim() === '') && !cells[0]!.startsWith('序号')) {
        section = cells[0]!.trim();
      }
    }
  });
  return rows;
}

export const num = (cell: string | undefined): number | null => {
  const t = (cell ?? '').replace(/\s/g, '').replace(/^约/, '');
  return t === '' ? null : Number(t);
};

export const isNum = (cell: string): boolean => /^约?\d+(\.\d+)?$/.test(cell.replace(/\s/g, ''));

export interface RawAmounts {
  total: number | null;
  plan: number | null;
  inCity: number | null;
}

/**
 * The figures of every row, read straight from the cells, in 亿元, with the
 * readings the dataset documents:
 *  - 附件1: cells 3 and 4 (rows with a repeated third amount included);
 *  - 附件2: cells 6 and 7; rows with only 9 cells have one figure, read as the
 *    total; the merged rows 3-7 use the first two numbers of their own line,
 *    except the last, whose own numbers repeat the row before: it takes the last
 *    pair of the number run the first merged row carries;
 *  - 附件3: cell 4 in 万元 / 10000, no plan column;
 *  - 附件4: 总投资 / 投资约 / 估算投资 / 投资估算 … 亿元 in the text; after 长治境内 it is the in-city share;
 *  - 附件5: cells 3 and 4;
 *  - a row of 附件1, 2 or 5 whose content says 总投资X亿元 where X is the
 *    “十四五” figure and not the total has its two figures the other way round.
 */
export function rawAmounts(rows: RawRow[]): Map<RawRow, RawAmounts> {
  const out = new Map<RawRow, RawAmounts>();
  const merged = rows.filter((r) => r.annex === 2 && r.cells.length > 13);
  for (const r of rows) {
    const c = r.cells;
    if (r.annex === 1 || r.annex === 5) out.set(r, { total: num(c[3]), plan: num(c[4]), inCity: null });
    else if (r.annex === 3) out.set(r, { total: Number(c[4]!.trim()) / 10000, plan: null, inCity: null });
    else if (r.annex === 4) {
      const [whole, city] = c[3]!.split('长治境内');
      const amount = (s: string | undefined) => {
        const m = /(?:总投资|估算投资|投资估算|投资)\s*约?\s*为?\s*([\d.]+)\s*亿元/.exec(s ?? '');
        return m ? Number(m[1]) : null;
      };
      out.set(r, { total: amount(whole), plan: null, inCity: amount(city) });
    } else if (c.length === 9) out.set(r, { total: num(c[5]), plan: null, inCity: null });
    else if (merged.includes(r)) {
      const own = c.slice(2).filter(isNum).slice(0, 2).map(Number);
      const prev = merged[merged.indexOf(r) - 1];
      const prevOwn = prev ? prev.cells.slice(2).filter(isNum).slice(0, 2).map(Number) : null;
      if (prevOwn && own.join() === prevOwn.join()) {
        const run = merged[0]!.cells.slice(2).filter(isNum).map(Number);
        out.set(r, { total: run.at(-2)!, plan: run.at(-1)!, inCity: null });
      } else out.set(r, { total: own[0]!, plan: own[1]!, inCity: null });
    } else out.set(r, { total: num(c[6]), plan: num(c[7]), inCity: null });
    const a = out.get(r)!;
    const content = r.annex === 2 ? c[4] : r.annex === 1 || r.annex === 5 ? c[2] : undefined;
    const stated = /总投资\s*([\d.]+)\s*亿元/.exec(content ?? '');
    if (stated && a.total !== null && a.plan === Number(stated[1]) && a.total !== a.plan) out.set(r, { ...a, total: a.plan, plan: a.total });
  }
  return out;
}

export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
