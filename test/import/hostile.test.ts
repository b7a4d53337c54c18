import { describe, expect, it } from 'vitest';
import { rejectedCsv } from '../../src/import/rejectedCsv.ts';
import { ImportError } from '../../src/import/types.ts';
import { checkFileSize } from '../../src/import/decode.ts';
import Papa from 'papaparse';
import { hostileCorpus } from './corpus.ts';
import { counties, importBytes } from './support.ts';

const corpus = hostileCorpus(counties);

describe('hostile corpus', () => {
  for (const f of corpus) {
    it(`${f.name}: ${f.what}`, () => {
      if (f.error) {
        let caught: unknown;
        try {
          importBytes(f.name, f.bytes);
        } catch (err) {
          caught = err;
        }
        expect(caught).toBeInstanceOf(ImportError);
        expect((caught as ImportError).message).toContain(f.name);
        expect((caught as ImportError).reason).toContain(f.error);
        return;
      }
      const { table, result } = importBytes(f.name, f.bytes);
      expect(result.accepted.length + result.rejected.length).toBe(table.records.length);
      expect(result.accepted).toHaveLength(f.accepted!);
      expect(result.rejected.map((r) => r.row)).toEqual(f.rejected!.map(([row]) => row));
      f.rejected!.forEach(([, reason], i) => expect(result.rejected[i]!.reason).toContain(reason));
      for (const w of f.warnings ?? []) expect(result.accepted.flatMap((r) => r.warnings).join('\n')).toContain(w);
      for (const n of f.notes ?? []) expect(table.notes.join('\n')).toContain(n);
    });
  }

  it('a 1 GB file is refused by its size, before it is read', () => {
    expect(() => checkFileSize('huge.csv', 2 ** 30)).toThrow('文件大小 1.0 GB 超过上限 20.0 MB');
    expect(() => checkFileSize('fine.csv', 20 * 1024 * 1024)).not.toThrow();
  });

  it('keeps script-like names as plain text, unchanged', () => {
    const f = corpus.find((x) => x.name === 'xss-names.csv')!;
    const { result } = importBytes(f.name, f.bytes);
    expect(result.accepted.map((r) => r.name)).toEqual([
      '<script>window.__pwned=1</script>',
      '<img src=x onerror="window.__pwned=2">',
      '"><svg onload=window.__pwned=3>',
    ]);
  });

  it('a GeoJSON __proto__ property pollutes nothing', () => {
    const f = corpus.find((x) => x.name === 'hostile.geojson')!;
    importBytes(f.name, f.bytes);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('escapes formulae again when the rejected rows are downloaded', () => {
    const f = corpus.find((x) => x.name === 'formula.csv')!;
    const { table, result } = importBytes(f.name, f.bytes);
    const csv = rejectedCsv(table.columns, result.rejected);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]!.slice(0, 3)).toEqual(['行号', '问题字段', '原因']);
    expect(rows[1]![0]).toBe('4');
    // The cells as written start with ' : Excel shows them as text instead of running them.
    expect(rows[1]![3]).toBe("'@HYPERLINK(x)");
    expect(rows[1]![4]).toBe("'=1+1");
    expect(rows[1]![2]).toContain('不是数字');
  });
});
