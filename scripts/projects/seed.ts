/**
 * Splits the plan's plain text into its five annex tables.
 *
 * Each annex starts at its title line, has a header row (`序号 …`, repeated at
 * every page break), and one tab-separated line per project row. Page breaks
 * add blank lines; 附件4 interleaves sub-section lines (`航空`, `铁路` …) whose
 * other cells are empty. Anything else inside an annex is an error: a changed
 * seed must fail loudly, not drop rows.
 */
import { squash } from './normalize.ts';

export type AnnexNo = 1 | 2 | 3 | 4 | 5;

export const ANNEX_TITLES: Record<AnnexNo, string> = {
  1: '长治市“十四五”规划卫生健康项目',
  2: '长治市“十四五”康养项目',
  3: '长治市“十四五”教育项目',
  4: '长治市“十四五”交通项目',
  5: '长治市“十四五”生态环境项目',
};

export interface SeedRow {
  annex: AnnexNo;
  /** 附件4's sub-section as printed, else null. */
  section: string | null;
  /** The row number as printed. */
  seq: number;
  /** 1-based line number in the seed. */
  line: number;
  /** The line as printed. */
  raw: string;
  /** The line split on tabs, untouched. */
  cells: string[];
}

export interface SeedAnnex {
  annex: AnnexNo;
  titleLine: number;
  /** Header cells with whitespace removed (e.g. `预计总投资(亿元)`). */
  header: string[];
  rows: SeedRow[];
}

export function splitSeed(text: string): SeedAnnex[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const starts = ([1, 2, 3, 4, 5] as const).map((annex) => {
    const hits = lines.flatMap((l, i) => (l.trim() === ANNEX_TITLES[annex] ? [i] : []));
    if (hits.length !== 1) {
      throw new Error(`seed: expected the title line “${ANNEX_TITLES[annex]}” once, found it ${hits.length} times`);
    }
    return { annex, index: hits[0]! };
  });
  for (let k = 1; k < starts.length; k++) {
    if (starts[k]!.index <= starts[k - 1]!.index) throw new Error('seed: annex titles are out of order');
  }

  return starts.map(({ annex, index }, k) => {
    const end = k + 1 < starts.length ? starts[k + 1]!.index : lines.length;
    let header: string[] | null = null;
    let section: string | null = null;
    const rows: SeedRow[] = [];
    let expectedSeq = 1;
    for (let i = index + 1; i < end; i++) {
      const line = lines[i]!;
      const where = `seed line ${i + 1} (附件${annex})`;
      if (line.trim() === '') continue;
      if (/^附件\s*\d\s*$/.test(line.trim())) continue; // the next annex's label
      const cells = line.split('\t');
      if (squash(cells[0]!) === '序号') {
        const h = cells.map(squash);
        if (header === null) header = h;
        else if (h.join('\t') !== header.join('\t')) throw new Error(`${where}: repeated header differs from the first`);
        continue;
      }
      if (header === null) throw new Error(`${where}: content before the header row`);
      const seqMatch = /^\s*(\d+)\s*$/.exec(cells[0]!);
      if (seqMatch) {
        const seq = Number(seqMatch[1]);
        if (seq !== expectedSeq) throw new Error(`${where}: row number ${seq}, expected ${expectedSeq}`);
        if (annex === 4 && section === null) throw new Error(`${where}: 附件4 row before any sub-section`);
        expectedSeq += 1;
        rows.push({ annex, section, seq, line: i + 1, raw: line, cells });
        continue;
      }
      if (annex === 4 && cells.slice(1).every((c) => c.trim() === '') && cells[0]!.trim() !== '') {
        section = squash(cells[0]!);
        expectedSeq = 1;
        continue;
      }
      throw new Error(`${where}: not a header, row or sub-section: ${JSON.stringify(line.slice(0, 40))}`);
    }
    if (header === null) throw new Error(`seed: 附件${annex} has no header row`);
    return { annex, titleLine: index + 1, header, rows };
  });
}
