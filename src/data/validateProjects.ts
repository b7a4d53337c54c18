/**
 * Runtime validation of data/projects.json, shared by the extractor (which
 * validates before writing) and the app (which validates at load).
 *
 * Hand-written on purpose: the schema is small and the messages must name the
 * file, the row and the field, e.g.
 *   data/projects.json row 32 (A2-17): field investment.total: expected a number ≥ 0 or null, got "abc"
 * "row N" is the 0-based position in the JSON array.
 */
import { isCountyAdcode } from '../geo/countyCodes.ts';
import { CATEGORIES, CATEGORY_ANNEX, SUBCATEGORIES, SUBCATEGORY_CATEGORY, SUBCATEGORY_LABEL, type Category, type Project, type Scope, type Subcategory } from './project.ts';

export interface ValidationIssue {
  row: number | null;
  id: string | null;
  field: string;
  message: string;
}

export class ProjectsValidationError extends Error {
  readonly issues: ValidationIssue[];
  constructor(file: string, issues: ValidationIssue[]) {
    const lines = issues.map((i) => formatIssue(file, i));
    const shown = lines.slice(0, 20);
    if (lines.length > shown.length) shown.push(`… and ${lines.length - shown.length} more`);
    super(shown.join('\n'));
    this.name = 'ProjectsValidationError';
    this.issues = issues;
  }
}

function formatIssue(file: string, i: ValidationIssue): string {
  const where = i.row === null ? '' : ` row ${i.row}${i.id ? ` (${i.id})` : ''}`;
  return `${file}${where}: field ${i.field}: ${i.message}`;
}

const ID_PATTERN = /^A([1-5])-(?:([^-\s]+)-)?(\d{2,3})$/;
const SCOPES: readonly Scope[] = ['local', 'multi', 'citywide'];
const BASES = ['column', 'text', 'none'] as const;
const KINDS = ['explicit', 'inferred'] as const;
const MIN_YEAR = 1990;
const MAX_YEAR = 2050;

const PROJECT_KEYS = [
  'id', 'annex', 'section', 'seq', 'name', 'displayName', 'displayNameOurs', 'category', 'subcategory', 'subcategoryBasis',
  'nature', 'content', 'period',
  'startYear', 'endYear', 'investment', 'funding', 'owner', 'department', 'leadDepartment',
  'inNationalPlan', 'from13thPlan', 'remarks', 'counties', 'scope', 'countyBasis',
  'locationText', 'duplicateOf', 'partOf', 'source',
] as const;
const INVESTMENT_KEYS = ['total', 'plan', 'inCity', 'basis', 'raw'] as const;
const RAW_KEYS = ['total', 'plan', 'inCity'] as const;
const BASIS_KEYS = ['kind', 'reason'] as const;
const SOURCE_KEYS = ['raw', 'lines', 'repaired', 'note', 'alternatives'] as const;

function show(v: unknown): string {
  if (v === undefined) return 'undefined (missing)';
  try {
    const s = JSON.stringify(v);
    return s.length > 60 ? `${s.slice(0, 57)}…` : s;
  } catch {
    return String(v);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Collects issues for one row; `at(field)` reports against that row. */
class RowChecker {
  constructor(
    private readonly issues: ValidationIssue[],
    readonly row: number,
    public id: string | null,
  ) {}

  fail(field: string, message: string): void {
    this.issues.push({ row: this.row, id: this.id, field, message });
  }

  keys(obj: Record<string, unknown>, allowed: readonly string[], prefix: string): void {
    for (const k of allowed) if (!(k in obj)) this.fail(prefix + k, 'missing');
    for (const k of Object.keys(obj)) if (!allowed.includes(k)) this.fail(prefix + k, 'unknown field');
  }

  string(v: unknown, field: string, { nullable = false, nonEmpty = true } = {}): string | null {
    if (v === null && nullable) return null;
    if (typeof v !== 'string' || (nonEmpty && v.trim() === '')) {
      this.fail(field, `expected a ${nonEmpty ? 'non-empty ' : ''}string${nullable ? ' or null' : ''}, got ${show(v)}`);
      return null;
    }
    return v;
  }

  amount(v: unknown, field: string): number | null {
    if (v === null) return null;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      this.fail(field, `expected a number ≥ 0 or null, got ${show(v)}`);
      return null;
    }
    if (v === 0) {
      this.fail(field, 'got 0: a figure the source does not give must be null, and no row prints 0');
      return null;
    }
    return v;
  }

  year(v: unknown, field: string): number | null {
    if (v === null) return null;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < MIN_YEAR || v > MAX_YEAR) {
      this.fail(field, `expected a year ${MIN_YEAR}-${MAX_YEAR} or null, got ${show(v)}`);
      return null;
    }
    return v;
  }

  oneOf<T extends string>(v: unknown, allowed: readonly T[], field: string): T | null {
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      this.fail(field, `expected one of ${allowed.join(' | ')}, got ${show(v)}`);
      return null;
    }
    return v as T;
  }
}

/**
 * Checks that `json` is a valid project dataset and returns it typed.
 * Throws ProjectsValidationError listing every problem (file, row, id, field, reason).
 */
export function parseProjects(json: unknown, file = 'data/projects.json'): Project[] {
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(json)) {
    throw new ProjectsValidationError(file, [
      { row: null, id: null, field: '(root)', message: `expected an array of projects, got ${show(json)}` },
    ]);
  }
  const firstRowOfId = new Map<string, number>();
  const rows: { c: RowChecker; p: Record<string, unknown> }[] = [];

  json.forEach((item, row) => {
    const rawId = isRecord(item) && typeof item.id === 'string' ? item.id : null;
    const c = new RowChecker(issues, row, rawId);
    if (!isRecord(item)) {
      c.fail('(row)', `expected an object, got ${show(item)}`);
      return;
    }
    rows.push({ c, p: item });
    checkRow(c, item);
    if (rawId !== null) {
      const prev = firstRowOfId.get(rawId);
      if (prev !== undefined) c.fail('id', `duplicate id: also used by row ${prev}`);
      else firstRowOfId.set(rawId, row);
    }
  });

  // Cross-row references: duplicateOf / partOf must name an existing, earlier, different row.
  const byId = new Map<string, Record<string, unknown>>();
  for (const { p } of rows) if (typeof p.id === 'string' && !byId.has(p.id)) byId.set(p.id, p);
  for (const { c, p } of rows) {
    for (const field of ['duplicateOf', 'partOf'] as const) {
      const ref = p[field];
      if (typeof ref !== 'string') continue;
      const target = byId.get(ref);
      if (ref === p.id) c.fail(field, 'a row cannot refer to itself');
      else if (!target) c.fail(field, `refers to ${show(ref)}, which is not an id in the file`);
      else if (target.duplicateOf !== null || target.partOf !== null) {
        c.fail(field, `refers to ${ref}, which is itself a duplicate or part of another row: point at the first listing`);
      } else if (field === 'duplicateOf') {
        if (target.annex === p.annex) c.fail(field, `refers to ${ref} in the same annex: duplicates are across annexes`);
        if ((firstRowOfId.get(ref) ?? Infinity) > c.row) c.fail(field, `refers to ${ref}, which comes later: point at the first listing`);
      }
    }
  }

  if (issues.length > 0) throw new ProjectsValidationError(file, issues);
  return json as Project[];
}

function checkRow(c: RowChecker, p: Record<string, unknown>): void {
  c.keys(p, PROJECT_KEYS, '');

  // Identity: id agrees with annex / section / seq.
  const id = c.string(p.id, 'id');
  const annex = p.annex;
  if (annex !== 1 && annex !== 2 && annex !== 3 && annex !== 4 && annex !== 5) {
    c.fail('annex', `expected 1-5, got ${show(annex)}`);
  }
  if (typeof p.seq !== 'number' || !Number.isInteger(p.seq) || p.seq < 1) {
    c.fail('seq', `expected a positive integer, got ${show(p.seq)}`);
  }
  if (annex === 4) c.string(p.section, 'section');
  else if (p.section !== null) c.fail('section', `expected null outside 附件4, got ${show(p.section)}`);
  if (id !== null) {
    const m = ID_PATTERN.exec(id);
    const expected =
      typeof annex === 'number' && typeof p.seq === 'number'
        ? `A${annex}-${typeof p.section === 'string' ? `${p.section}-` : ''}${String(p.seq).padStart(2, '0')}`
        : null;
    if (!m) c.fail('id', `expected A<annex>-[<section>-]<seq>, got ${show(id)}`);
    else if (expected !== null && id !== expected) c.fail('id', `expected ${expected} from annex/section/seq, got ${show(id)}`);
  }
  const category = c.oneOf<Category>(p.category, CATEGORIES, 'category');
  if (category !== null && typeof annex === 'number' && CATEGORY_ANNEX[category] !== annex) {
    c.fail('category', `${category} belongs to 附件${CATEGORY_ANNEX[category]}, but the row is in 附件${annex}`);
  }

  c.string(p.name, 'name');
  if (typeof p.name === 'string' && /[\u4e00-\u9fff]\s+[\u4e00-\u9fff]/.test(p.name)) {
    c.fail('name', `line-wrap spaces left between characters: ${show(p.name)}`);
  }
  c.string(p.displayName, 'displayName');
  if (typeof p.displayNameOurs !== 'boolean') c.fail('displayNameOurs', `expected true or false, got ${show(p.displayNameOurs)}`);
  else if (p.displayNameOurs === (p.displayName === p.name)) {
    c.fail('displayName', p.displayNameOurs ? 'is marked ours but is the printed name' : 'differs from the printed name but is not marked ours');
  }
  checkSubcategory(c, p, category, annex);
  for (const f of ['nature', 'content', 'period', 'funding', 'owner', 'department', 'leadDepartment',
    'inNationalPlan', 'from13thPlan', 'remarks', 'locationText'] as const) {
    c.string(p[f], f, { nullable: true });
  }

  const start = c.year(p.startYear, 'startYear');
  const end = c.year(p.endYear, 'endYear');
  if (start !== null && end !== null && start > end) c.fail('endYear', `ends (${end}) before it starts (${start})`);
  if (p.period === null && (start !== null || end !== null)) c.fail('startYear', 'years given without a printed period');

  checkInvestment(c, p.investment, annex);
  if (isRecord(p.investment) && isRecord(p.source)) {
    const { total, plan } = p.investment;
    const alternatives = p.source.alternatives;
    if (typeof total === 'number' && typeof plan === 'number' && plan > total && Array.isArray(alternatives) && alternatives.length === 0) {
      c.fail('investment.plan', `exceeds investment.total (${plan} > ${total}): keep the printed reading but record the other one in source.alternatives`);
    }
  }
  checkCounties(c, p);
  c.string(p.duplicateOf, 'duplicateOf', { nullable: true });
  c.string(p.partOf, 'partOf', { nullable: true });
  checkSource(c, p.source);
}

/** 附件2 and 附件4 rows carry a reviewed sub-category of their own category (附件4: its section); others none. */
function checkSubcategory(c: RowChecker, p: Record<string, unknown>, category: Category | null, annex: unknown): void {
  if (annex !== 2 && annex !== 4) {
    if (p.subcategory !== null) c.fail('subcategory', `expected null outside 附件2 and 附件4, got ${show(p.subcategory)}`);
    if (p.subcategoryBasis !== null) c.fail('subcategoryBasis', `expected null outside 附件2 and 附件4, got ${show(p.subcategoryBasis)}`);
    return;
  }
  const sub = c.oneOf<Subcategory>(p.subcategory, SUBCATEGORIES, 'subcategory');
  c.string(p.subcategoryBasis, 'subcategoryBasis');
  if (sub === null) return;
  if (category !== null && SUBCATEGORY_CATEGORY[sub] !== category) c.fail('subcategory', `${sub} divides ${SUBCATEGORY_CATEGORY[sub]}, not ${category}`);
  if (annex === 4 && typeof p.section === 'string' && SUBCATEGORY_LABEL[sub] !== p.section) {
    c.fail('subcategory', `附件4's sub-category is its section (${p.section}), got ${sub}`);
  }
}

function checkInvestment(c: RowChecker, inv: unknown, annex: unknown): void {
  if (!isRecord(inv)) {
    c.fail('investment', `expected an object, got ${show(inv)}`);
    return;
  }
  c.keys(inv, INVESTMENT_KEYS, 'investment.');
  const total = c.amount(inv.total, 'investment.total');
  const plan = c.amount(inv.plan, 'investment.plan');
  const inCity = c.amount(inv.inCity, 'investment.inCity');
  const basis = c.oneOf(inv.basis, BASES, 'investment.basis');
  const raw = inv.raw;
  if (!isRecord(raw)) {
    c.fail('investment.raw', `expected an object, got ${show(raw)}`);
  } else {
    c.keys(raw, RAW_KEYS, 'investment.raw.');
    for (const k of RAW_KEYS) {
      const text = c.string(raw[k], `investment.raw.${k}`, { nullable: true });
      const value = inv[k];
      // A figure needs the printed text it came from, and printed text needs a figure.
      if (text === null && value !== null && raw[k] === null) c.fail(`investment.raw.${k}`, `is null but investment.${k} is ${show(value)}`);
      if (text !== null && value === null) c.fail(`investment.${k}`, `is null but the printed text ${show(text)} is recorded`);
    }
  }
  if (basis === 'none' && (total !== null || plan !== null || inCity !== null)) {
    c.fail('investment.basis', 'is "none" but figures are given');
  }
  if (basis !== null && basis !== 'none' && total === null && plan === null && inCity === null) {
    c.fail('investment.basis', `is "${basis}" but no figure is given: use "none"`);
  }
  if (basis === 'text' && annex !== 4) c.fail('investment.basis', '"text" figures exist only in 附件4, which has no amount column');
  if (basis === 'column' && annex === 4) c.fail('investment.basis', '附件4 has no amount column');
  if (inCity !== null && basis !== 'text') c.fail('investment.inCity', 'an in-city share is only stated in 附件4 text');
  if (inCity !== null && total !== null && inCity > total) c.fail('investment.inCity', `in-city share ${inCity} exceeds the whole-line total ${total}`);
}

function checkCounties(c: RowChecker, p: Record<string, unknown>): void {
  const scope = c.oneOf<Scope>(p.scope, SCOPES, 'scope');
  const counties = p.counties;
  if (!Array.isArray(counties)) {
    c.fail('counties', `expected an array of county adcodes, got ${show(counties)}`);
  } else {
    counties.forEach((code, i) => {
      if (typeof code !== 'string' || !isCountyAdcode(code)) c.fail(`counties[${i}]`, `expected one of 长治's 12 county adcodes, got ${show(code)}`);
    });
    if (new Set(counties).size !== counties.length) c.fail('counties', 'lists a county twice');
    if (scope === 'citywide' && counties.length !== 0) c.fail('counties', 'must be [] when scope is citywide');
    if (scope === 'local' && counties.length !== 1) c.fail('counties', `scope local needs exactly one county, got ${counties.length}`);
    if (scope === 'multi' && counties.length < 2) c.fail('counties', `scope multi needs two or more counties, got ${counties.length}`);
  }
  const basis = p.countyBasis;
  if (!isRecord(basis)) {
    c.fail('countyBasis', `expected an object, got ${show(basis)}`);
    return;
  }
  c.keys(basis, BASIS_KEYS, 'countyBasis.');
  c.oneOf(basis.kind, KINDS, 'countyBasis.kind');
  c.string(basis.reason, 'countyBasis.reason');
}

function checkSource(c: RowChecker, src: unknown): void {
  if (!isRecord(src)) {
    c.fail('source', `expected an object, got ${show(src)}`);
    return;
  }
  c.keys(src, SOURCE_KEYS, 'source.');
  c.string(src.raw, 'source.raw');
  if (!Array.isArray(src.lines) || src.lines.length === 0 || !src.lines.every((n) => Number.isInteger(n) && n > 0)) {
    c.fail('source.lines', `expected 1-based line numbers, got ${show(src.lines)}`);
  }
  if (typeof src.repaired !== 'boolean') c.fail('source.repaired', `expected true or false, got ${show(src.repaired)}`);
  c.string(src.note, 'source.note', { nullable: true });
  if (src.repaired === true && (typeof src.note !== 'string' || src.note === '')) c.fail('source.note', 'a repaired row must say what was repaired');
  if (!Array.isArray(src.alternatives) || !src.alternatives.every((a) => typeof a === 'string' && a.trim() !== '')) {
    c.fail('source.alternatives', `expected an array of non-empty strings, got ${show(src.alternatives)}`);
  }
}
