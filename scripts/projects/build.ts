/**
 * Seed text + data/repairs.json + data/annotations.json -> the project dataset.
 * Pure (no file access), so tests can rebuild the dataset in memory.
 */
import { CATEGORIES, CATEGORY_ANNEX, type Category, type Investment, type Project } from '../../src/data/project.ts';
import { parseProjects } from '../../src/data/validateProjects.ts';
import { SCHOOL_KEYWORDS } from '../../src/geo/placeNames.ts';
import { parseAmountCell, isAmountCell, statedTotal, textAmounts, type Amount } from './amounts.ts';
import { amountUnit, LAYOUTS, type Key, type Layout } from './columns.ts';
import { assignCounties, countyMentions } from './counties.ts';
import type { AnnotationsFile, Repair, RepairsFile, RowAnnotation } from './inputs.ts';
import { cellValue, squash } from './normalize.ts';
import { parsePeriod } from './period.ts';
import { splitSeed, type AnnexNo, type SeedRow } from './seed.ts';
import { subcategoryOf } from './subcategory.ts';

export interface ExtractInputs {
  seedText: string;
  repairs: RepairsFile;
  annotations: AnnotationsFile;
}

const CATEGORY_OF = Object.fromEntries(CATEGORIES.map((c) => [CATEGORY_ANNEX[c], c])) as Record<AnnexNo, Category>;

export function projectId(annex: number, section: string | null, seq: number): string {
  return `A${annex}-${section ? `${section}-` : ''}${String(seq).padStart(2, '0')}`;
}

export function buildProjects({ seedText, repairs, annotations }: ExtractInputs): Project[] {
  const repairById = new Map(repairs.repairs.map((r) => [r.id, r]));
  const annotationById = new Map(annotations.rows.map((r) => [r.id, r]));
  const projects: Project[] = [];
  for (const annex of splitSeed(seedText)) {
    const layout = LAYOUTS[annex.annex];
    if (annex.header.join('|') !== layout.header.join('|')) {
      throw new Error(`附件${annex.annex}: header ${annex.header.join(' | ')} is not the expected ${layout.header.join(' | ')}`);
    }
    const unit = amountUnit(annex.header);
    for (const row of annex.rows) {
      const id = projectId(row.annex, row.section, row.seq);
      projects.push(buildRow(id, row, layout, unit, repairById.get(id), annotationById.get(id), annotations));
    }
  }
  const ids = new Set(projects.map((p) => p.id));
  for (const id of [...repairById.keys(), ...annotationById.keys()]) {
    if (!ids.has(id)) throw new Error(`${id}: a repair or annotation names a row the seed does not have`);
  }
  // The same checks the app runs at load.
  return parseProjects(JSON.parse(JSON.stringify(projects)), 'extracted projects');
}

/** The committed file's exact text: 2-space JSON, keys in schema order, trailing newline. */
export function projectsJsonText(projects: Project[]): string {
  return `${JSON.stringify(projects, null, 2)}\n`;
}

function rowCells(id: string, row: SeedRow, layout: Layout, repair: Repair | undefined, notes: string[]) {
  if (repair) {
    if (repair.line !== row.line || repair.raw !== row.raw) {
      throw new Error(`${id}: data/repairs.json expects seed line ${repair.line} to read differently than line ${row.line} does; review the repair`);
    }
    const keys = Object.keys(repair.cells).sort();
    if (keys.join() !== [...layout.keys].sort().join()) {
      throw new Error(`${id}: repair cells must give exactly ${layout.keys.join(', ')}`);
    }
    if (squash(repair.cells.seq ?? '') !== String(row.seq)) throw new Error(`${id}: repair cells.seq differs from the row number`);
    notes.push(`【修复】${repair.reason}（把握：${repair.confidence}；见 data/repairs.json）`);
    return { cells: repair.cells as Record<Key, string>, repaired: true };
  }
  let cells = row.cells;
  let repaired = false;
  const t = layout.keys.indexOf('total');
  if (cells.length === layout.keys.length + 1 && t >= 0) {
    const three = cells.slice(t, t + 3);
    if (three.every(isAmountCell) && new Set(three.map(squash)).size === 1) {
      // The systematic PDF fault: the amount printed a third time, pushing later columns right.
      cells = [...cells.slice(0, t + 2), ...cells.slice(t + 3)];
      repaired = true;
      notes.push(
        `【修复】PDF转文本时投资额多出一列（${three.map(squash).join(' ')}），其后各列因此右移一格；` +
          '三个数相同，去掉多出的一个后各列对齐（解析规则，把握：高）。',
      );
    }
  }
  if (cells.length !== layout.keys.length) {
    throw new Error(`${id} (seed line ${row.line}): ${cells.length} cells, expected ${layout.keys.length}; add a repair to data/repairs.json`);
  }
  return { cells: Object.fromEntries(layout.keys.map((k, i) => [k, cells[i]!])) as Record<Key, string>, repaired };
}

function buildRow(
  id: string,
  row: SeedRow,
  layout: Layout,
  unit: '亿元' | '万元' | null,
  repair: Repair | undefined,
  annotation: RowAnnotation | undefined,
  annotations: AnnotationsFile,
): Project {
  const notes: string[] = [];
  const alternatives: string[] = [...(repair?.alternatives ?? [])];
  const { cells, repaired } = rowCells(id, row, layout, repair, notes);
  if (annotation?.note) notes.push(annotation.note);
  alternatives.push(...(annotation?.alternatives ?? []));

  const field = (k: Key): string | null => (layout.keys.includes(k) ? cellValue(cells[k]) : null);
  const name = field('name');
  if (name === null) throw new Error(`${id}: blank 项目名称`);
  const content = field('content');
  // A period has no words to keep apart: every space in it is a wrap (2021.03- 2021.12).
  const period = layout.keys.includes('period') && squash(cells.period) !== '' ? squash(cells.period) : null;

  // 附件4's amounts are quoted from the cell as printed, so the phrase can be found in the seed.
  const investment = row.annex === 4 ? textInvestment(cells.content, notes) : columnInvestment(id, cells, layout, unit, content, notes, alternatives);
  const years = parsePeriod(period);
  if (years.note) notes.push(years.note);

  const location = field('location');
  const countyInput = {
    annex: row.annex,
    name,
    location,
    content,
    owner: field('owner'),
    department: field('department'),
    leadDepartment: field('leadDepartment'),
  };
  const county = assignCounties(countyInput, annotations.places, annotation?.county, id);
  if (county.note) notes.push(county.note);
  const sub = subcategoryOf(id, row.annex, row.section, name, annotation?.subcategory);
  const displayName = annotation?.displayName ?? name;
  if (displayName === name && annotation?.displayName !== undefined) throw new Error(`${id}: displayName repeats the printed name`);

  return {
    id,
    annex: row.annex,
    section: row.section,
    seq: row.seq,
    name,
    displayName,
    displayNameOurs: displayName !== name,
    category: CATEGORY_OF[row.annex],
    subcategory: sub.subcategory,
    subcategoryBasis: sub.basis,
    nature: field('nature'),
    content,
    period,
    startYear: years.startYear,
    endYear: years.endYear,
    investment,
    funding: field('funding'),
    owner: field('owner'),
    department: field('department'),
    leadDepartment: field('leadDepartment'),
    inNationalPlan: field('inNationalPlan'),
    from13thPlan: field('from13thPlan'),
    remarks: field('remarks'),
    counties: county.counties,
    scope: county.scope,
    countyBasis: county.countyBasis,
    locationText: annotation?.locationText ?? locationText(row.annex, name, location),
    duplicateOf: annotation?.duplicateOf ?? null,
    partOf: annotation?.partOf ?? null,
    source: {
      raw: row.raw,
      lines: [row.line],
      repaired,
      note: notes.length > 0 ? notes.join('\n') : null,
      alternatives,
    },
  };
}

function columnInvestment(
  id: string,
  cells: Record<Key, string>,
  layout: Layout,
  unit: '亿元' | '万元' | null,
  content: string | null,
  notes: string[],
  alternatives: string[],
): Investment {
  if (unit === null) throw new Error(`${id}: amount columns without a unit in the header`);
  const read = (k: 'total' | 'plan'): Amount | null => {
    if (!layout.keys.includes(k)) return null;
    try {
      return parseAmountCell(cells[k], unit);
    } catch (e) {
      throw new Error(`${id}: ${k === 'total' ? '预计总投资' : '“十四五”时期投资'}: ${(e as Error).message}`);
    }
  };
  let total = read('total');
  let plan = read('plan');
  const approx = [total, plan].filter((a): a is Amount => a?.approximate === true);
  if (approx.length > 0) notes.push(`金额原文带“约”（${approx.map((a) => a.raw).join('、')}），取其数值。`);
  const stated = statedTotal(content);
  if (stated !== null && total !== null && plan !== null && stated.value === plan.value && stated.value !== total.value) {
    // The row's own words say which figure is the total: the two columns were filled the wrong way round.
    notes.push(
      `建设内容写明“${stated.raw}”，正是“十四五”时期投资栏的数（${plan.raw}），而预计总投资栏为${total.raw}：两栏填反。` +
        `以本行文字为准，读作预计总投资${plan.raw}、“十四五”时期投资${total.raw}；按栏位顺序的读法见“其他读法”。`,
    );
    alternatives.push(`按栏位顺序：预计总投资${total.raw}、“十四五”时期投资${plan.raw}（“十四五”投资大于总投资，与建设内容所写总投资不符）。`);
    [total, plan] = [{ ...plan, raw: stated.raw }, total];
  } else if (stated !== null && total !== null && stated.value !== total.value) {
    notes.push(`建设内容中写明总投资${stated.value}亿元，与“预计总投资”栏的${total.raw}不一致。`);
  }
  if (total === null && plan !== null) notes.push('“预计总投资”栏空白，记为空值（不是0）；只有“十四五”时期投资。');
  if (total !== null && plan !== null && plan.value > total.value) {
    notes.push(`“十四五”时期投资（${plan.raw}）大于预计总投资（${total.raw}），不合常理；按原文保留，另一种读法见“其他读法”。`);
  }
  return {
    total: total?.value ?? null,
    plan: plan?.value ?? null,
    inCity: null,
    basis: total || plan ? 'column' : 'none',
    raw: { total: total?.raw ?? null, plan: plan?.raw ?? null, inCity: null },
  };
}

function textInvestment(content: string, notes: string[]): Investment {
  const { total, inCity } = textAmounts(content);
  if (total && inCity) {
    notes.push(`投资额取自实施内容：全线“${total.raw}”记为总投资，“${inCity.raw}”记为长治境内投资。附件4无“十四五”时期投资栏。`);
  } else if (total) {
    notes.push(`投资额取自实施内容中的“${total.raw}”。附件4无“十四五”时期投资栏。`);
  } else if (inCity) {
    notes.push(`实施内容只给出长治境内投资“${inCity.raw}”。`);
  }
  return {
    total: total?.value ?? null,
    plan: null,
    inCity: inCity?.value ?? null,
    basis: total || inCity ? 'text' : 'none',
    raw: { total: total?.raw ?? null, plan: null, inCity: inCity?.raw ?? null },
  };
}

/** A school's own name (附件3 has no 建设地点 column): 长治市第七中学校, 平顺县第三初级中学 … */
const INSTITUTION = new RegExp(`^(.+?(?:${[...SCHOOL_KEYWORDS, '产教融合基地'].join('|')}))(?!校)`, 'u');

function locationText(annex: AnnexNo, name: string, location: string | null): string | null {
  if (annex === 1 || annex === 2 || annex === 5) return location;
  if (annex === 3) {
    const m = INSTITUTION.exec(name);
    if (m) return m[1]!;
    const [county] = countyMentions(name);
    return county ? county.text : null;
  }
  return null; // 附件4: only where data/annotations.json names a place
}
