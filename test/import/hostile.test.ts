import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { layerNameFrom } from '../../src/import/buildLayer.ts';
import { checkFileSize } from '../../src/import/decode.ts';
import { detectMapping } from '../../src/import/headers.ts';
import { chooseDroppedFile } from '../../src/import/droppedFiles.ts';
import { importTable, openImportFile, singleImport, type ImportDeps } from '../../src/import/importFlow.ts';
import { LIMITS } from '../../src/import/limits.ts';
import { IMPORT_COLORS } from '../../src/import/palette.ts';
import { memoryRepository } from '../../src/import/persistence.ts';
import { rejectedCsv } from '../../src/import/rejectedCsv.ts';
import type { Table } from '../../src/import/types.ts';
import { hasInvisible } from '../../src/security/invisibleText.ts';
import { hostileCorpus } from './corpus.ts';
import { context, counties, utf8 } from './support.ts';

const corpus = hostileCorpus(counties);

/** The import as the dialog runs it, against a repository in memory. */
function deps(repo = memoryRepository()): ImportDeps & { repo: ReturnType<typeof memoryRepository> } {
  return { repo, context: context(), store: (make) => repo.add(make), now: () => new Date('2025-03-04T05:06:07Z') };
}
const request = (table: Table) => ({
  table,
  options: { mapping: detectMapping(table.columns), unit: '亿元' as const, crs: 'wgs84' as const },
  layerName: layerNameFrom(table.fileName),
});

describe('hostile corpus, through the import flow (open, check, colour, build, store)', () => {
  for (const f of corpus) {
    it(`${f.name}: ${f.what}`, async () => {
      const opened = await openImportFile(new File([f.bytes], f.name));
      if (f.error) {
        expect(opened).toMatchObject({ ok: false, fileName: f.name });
        expect(opened.ok || opened.message).toContain(f.error);
        return;
      }
      if (!opened.ok) throw new Error(opened.message);
      const { table } = opened;
      expect(table.fileName).toBe(f.shownName ?? f.name);
      for (const n of f.notes ?? []) expect(table.notes.join('\n')).toContain(n);
      for (const c of table.columns) expect(c.length).toBeLessThanOrEqual(LIMITS.headerChars + 1);

      const d = deps();
      const outcome = await importTable(request(table), d);
      if (outcome.kind === 'failed' || outcome.kind === 'unsaved') throw new Error(outcome.kind);
      const { result } = outcome;
      expect(result.accepted.length + result.rejected.length).toBe(table.records.length);
      expect(result.accepted).toHaveLength(f.accepted!);
      expect(result.rejected.map((r) => r.row)).toEqual(f.rejected!.map(([row]) => row));
      f.rejected!.forEach(([, reason], i) => expect(result.rejected[i]!.reason).toContain(reason));
      for (const w of f.warnings ?? []) expect(result.accepted.flatMap((r) => r.warnings).join('\n')).toContain(w);
      for (const r of result.accepted) expect(hasInvisible(r.name)).toBe(false);

      // Stored whole, exactly as built, and read back intact.
      const stored = await d.repo.load();
      if (outcome.kind === 'saved') {
        expect(stored).toEqual({ layers: [outcome.layer], damaged: [] });
        expect(outcome.layer.color).toBe(IMPORT_COLORS[0]);
      } else expect(stored.layers).toEqual([]);

      // The rejected rows' download: nothing that opens as a formula, nothing the user gave left out.
      const csv = rejectedCsv(table.columns, result.rejected);
      const cells = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data.flat();
      for (const c of cells) expect(c).not.toMatch(/^[=+\-@\t\r]/);
      for (const k of f.kept ?? []) expect(csv).toContain(k);
    });
  }

  it('a 1 GB file is refused by its size, before it is read', async () => {
    expect(() => checkFileSize('huge.csv', 2 ** 30)).toThrow('文件大小 1.0 GB 超过上限 20.0 MB');
    expect(() => checkFileSize('fine.csv', 20 * 1024 * 1024)).not.toThrow();
    let read = false;
    const opened = await openImportFile({ name: 'huge.csv', size: 2 ** 30, arrayBuffer: async () => ((read = true), new ArrayBuffer(0)) });
    expect(opened).toEqual({ ok: false, fileName: 'huge.csv', message: expect.stringContaining('超过上限 20.0 MB') });
    expect(read).toBe(false);
  });

  it('keeps script-like names as plain text, unchanged', async () => {
    const f = corpus.find((x) => x.name === 'xss-names.csv')!;
    const opened = await openImportFile(new File([f.bytes], f.name));
    const outcome = await importTable(request((opened as { table: Table }).table), deps());
    expect(outcome.kind === 'saved' && outcome.layer.rows.map((r) => r.name)).toEqual([
      '<script>window.__pwned=1</script>',
      '<img src=x onerror="window.__pwned=2">',
      '"><svg onload=window.__pwned=3>',
    ]);
  });

  it('a GeoJSON __proto__ property pollutes nothing', async () => {
    const f = corpus.find((x) => x.name === 'hostile.geojson')!;
    await openImportFile(new File([f.bytes], f.name));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('writes formula cells in the rejected rows as text', async () => {
    const f = corpus.find((x) => x.name === 'formula.csv')!;
    const { table } = (await openImportFile(new File([f.bytes], f.name))) as { table: Table };
    const outcome = await importTable(request(table), deps());
    const csv = rejectedCsv(table.columns, outcome.kind === 'saved' ? outcome.result.rejected : []);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]!.slice(0, 3)).toEqual(['行号', '问题字段', '原因']);
    expect(rows[1]!.slice(0, 5)).toEqual(['4', '总投资（亿元）', '不是数字：“=1+1”', "'@HYPERLINK(x)", "'=1+1"]);
  });
});

describe('the import flow', () => {
  const table = async (text: string, name = '进度.csv') => ((await openImportFile(new File([utf8(text)], name))) as { table: Table }).table;
  const GOOD = '项目名称,县区\n甲,平顺县\n乙,沁县\n';

  it('gives each new layer the first colour no stored layer has, read when it is stored', async () => {
    const d = deps();
    const colours: string[] = [];
    for (let i = 0; i < 3; i++) {
      const outcome = await importTable(request(await table(GOOD)), { ...d, newId: () => `L${i}` });
      if (outcome.kind === 'saved') colours.push(outcome.layer.color);
    }
    expect(colours).toEqual(IMPORT_COLORS.slice(0, 3));
    await d.repo.remove('L1');
    const again = await importTable(request(await table(GOOD)), { ...d, newId: () => 'L9' });
    expect(again.kind === 'saved' && again.layer.color).toBe(IMPORT_COLORS[1]);
  });

  it('stores one layer for a submit sent three times while the first runs', async () => {
    const d = deps();
    const run = singleImport(d);
    const t = await table(GOOD);
    const outcomes = await Promise.all([run(request(t)), run(request(t)), run(request(t))]);
    expect(new Set(outcomes).size).toBe(1);
    expect((await d.repo.load()).layers).toHaveLength(1);
  });

  it('says why nothing was stored: every row rejected, a full disk, the layer limit', async () => {
    const nothing = await importTable(request(await table('项目名称,县区\n,平顺县\n甲,北京市\n')), deps());
    expect(nothing).toMatchObject({ kind: 'nothing', result: { accepted: [], rejected: [{ row: 2 }, { row: 3 }] } });

    const full = await importTable(request(await table(GOOD)), {
      ...deps(),
      store: () => Promise.reject(new Error('浏览器存储空间不足，请删除不需要的导入图层')),
    });
    expect(full).toMatchObject({ kind: 'unsaved', error: '图层没有保存：浏览器存储空间不足，请删除不需要的导入图层。已加载的数据没有任何改动。' });

    const d = deps();
    for (let i = 0; i < LIMITS.layers; i++) await importTable(request(await table(GOOD)), { ...d, newId: () => `L${i}` });
    const over = await importTable(request(await table(GOOD)), { ...d, newId: () => 'L99' });
    expect(over).toMatchObject({ kind: 'unsaved', error: expect.stringContaining('最多保留 20 个导入的图层') });
    expect((await d.repo.load()).layers).toHaveLength(LIMITS.layers);
  });

  it('of several dropped files opens the first CSV or GeoJSON and names the others', () => {
    const files = [{ name: '说明.docx' }, { name: '进度.csv' }, { name: '点位.geojson' }, { name: '坏\u202Egpj.exe' }];
    expect(chooseDroppedFile(files)).toEqual({ file: files[1], ignored: ['说明.docx', '点位.geojson', '坏gpj.exe'] });
    expect(chooseDroppedFile([{ name: 'a.xlsx' }])).toEqual({ file: { name: 'a.xlsx' }, ignored: [] });
    expect(chooseDroppedFile([])).toEqual({ file: null, ignored: [] });
  });
});
