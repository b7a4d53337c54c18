/** Loading invalid data fails with a message naming the file, row, id and field. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProjects, ProjectsValidationError } from '../../src/data/validateProjects.ts';
import { REPO } from './seedRows.ts';

const pristine: Record<string, unknown>[] = JSON.parse(readFileSync(join(REPO, 'data/projects.json'), 'utf8'));
const copy = () => structuredClone(pristine) as Record<string, any>[];
const indexOf = (rows: Record<string, any>[], id: string) => rows.findIndex((p) => p.id === id);

function messageOf(rows: unknown, file?: string): string {
  try {
    parseProjects(rows, file);
  } catch (e) {
    expect(e).toBeInstanceOf(ProjectsValidationError);
    return (e as Error).message;
  }
  throw new Error('expected the data to be rejected');
}

describe('parseProjects', () => {
  it('accepts the committed dataset', () => {
    expect(parseProjects(copy())).toHaveLength(133);
  });

  it('names file, row, id and field for a bad amount', () => {
    const rows = copy();
    const i = indexOf(rows, 'A2-17');
    rows[i]!.investment.total = 'abc';
    expect(messageOf(rows)).toBe(
      `data/projects.json row ${i} (A2-17): field investment.total: expected a number ≥ 0 or null, got "abc"`,
    );
  });

  it('rejects 0 where the source is blank', () => {
    const rows = copy();
    const i = indexOf(rows, 'A2-28');
    rows[i]!.investment.total = 0;
    rows[i]!.investment.raw.total = '0亿元';
    expect(messageOf(rows)).toMatch(new RegExp(`row ${i} \\(A2-28\\): field investment\\.total: got 0`));
  });

  it('rejects citywide rows with counties, unknown adcodes and local rows with two counties', () => {
    const rows = copy();
    const a = indexOf(rows, 'A2-05');
    const b = indexOf(rows, 'A1-04');
    const c = indexOf(rows, 'A1-03');
    rows[a]!.counties = ['140403'];
    rows[b]!.counties = ['140402']; // 城区: gone since 2018
    rows[c]!.counties = ['140428', '140404'];
    const msg = messageOf(rows, 'fixture.json');
    expect(msg).toContain(`fixture.json row ${a} (A2-05): field counties: must be [] when scope is citywide`);
    expect(msg).toContain(`row ${b} (A1-04): field counties[0]: expected one of 长治's 12 county adcodes, got "140402"`);
    expect(msg).toContain(`row ${c} (A1-03): field counties: scope local needs exactly one county, got 2`);
  });

  it('rejects a sub-category outside its category or section, and a name of ours not marked as ours', () => {
    const rows = copy();
    const a = indexOf(rows, 'A2-02');
    const b = indexOf(rows, 'A4-铁路-01');
    const c = indexOf(rows, 'A1-01');
    const d = indexOf(rows, 'A1-02');
    rows[a]!.subcategory = 'rail';
    rows[b]!.subcategory = 'aviation';
    rows[c]!.subcategory = 'elderly';
    rows[d]!.displayName = '另一个名称';
    const msg = messageOf(rows);
    expect(msg).toContain(`row ${a} (A2-02): field subcategory: rail divides transport, not eldercare`);
    expect(msg).toContain(`row ${b} (A4-铁路-01): field subcategory: 附件4's sub-category is its section (铁路), got aviation`);
    expect(msg).toContain(`row ${c} (A1-01): field subcategory: expected null outside 附件2 and 附件4, got "elderly"`);
    expect(msg).toContain(`row ${d} (A1-02): field displayName: differs from the printed name but is not marked ours`);
  });

  it('rejects duplicate ids, dangling duplicateOf and ids that disagree with annex/seq', () => {
    const rows = copy();
    rows[1]!.id = rows[0]!.id;
    const d = indexOf(rows, 'A2-12');
    rows[d]!.duplicateOf = 'A9-99';
    const msg = messageOf(rows);
    expect(msg).toContain('row 1 (A1-01): field id: duplicate id: also used by row 0');
    expect(msg).toContain('row 1 (A1-01): field id: expected A1-02 from annex/section/seq');
    expect(msg).toContain(`row ${d} (A2-12): field duplicateOf: refers to "A9-99", which is not an id in the file`);
  });

  it('rejects missing and unknown fields, wrong enums and plan > total without another reading', () => {
    const rows = copy();
    delete rows[0]!.name;
    rows[0]!.colour = 'red';
    rows[2]!.category = 'sport';
    const e = indexOf(rows, 'A2-40');
    rows[e]!.source.alternatives = [];
    const msg = messageOf(rows);
    expect(msg).toContain('row 0 (A1-01): field name: missing');
    expect(msg).toContain('row 0 (A1-01): field colour: unknown field');
    expect(msg).toContain('row 2 (A1-03): field category: expected one of health | eldercare | education | transport | ecology, got "sport"');
    expect(msg).toContain(`row ${e} (A2-40): field investment.plan: exceeds investment.total (0.3 > 0.1)`);
  });

  it('rejects a non-array', () => {
    expect(messageOf({ projects: [] })).toBe('data/projects.json: field (root): expected an array of projects, got {"projects":[]}');
  });
});
