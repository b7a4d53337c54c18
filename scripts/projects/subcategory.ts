/**
 * Sub-categories. 附件4 交通 prints its sections (航空, 铁路 …): a row's
 * sub-category is its section. 附件2 康养 prints none and mixes 敬老院 with
 * 100 亿元 resorts, so its rows are sorted by the words of their name, first
 * rule that matches wins; a row no rule sorts, or one a rule sorts wrongly,
 * carries a reviewed sub-category with its reason in data/annotations.json.
 * Every row's outcome and rule is listed in data/PROJECTS.md.
 */
import { SUBCATEGORIES, SUBCATEGORY_CATEGORY, SUBCATEGORY_LABEL, type Subcategory } from '../../src/data/project.ts';
import type { SubcategoryAnnotation } from './inputs.ts';

/** 附件2's rules, in order: the first whose words occur in the name decides. */
export const ELDERCARE_RULES: readonly { subcategory: Subcategory; words: readonly string[] }[] = [
  { subcategory: 'elderly', words: ['敬老院', '养老', '老年公寓', '养护院', '养护服务', '养护楼'] },
  { subcategory: 'medical', words: ['医院', '医养', '护理院', '卫生服务中心'] },
  { subcategory: 'sports', words: ['体育', '健身', '运动'] },
  { subcategory: 'tourism', words: ['小镇', '度假', '旅游', '景区', '民宿', '温泉', '庄园', '田园', '宿集'] },
];

export interface SubcategoryResult {
  subcategory: Subcategory | null;
  basis: string | null;
}

export function subcategoryOf(
  id: string,
  annex: number,
  section: string | null,
  name: string,
  review: SubcategoryAnnotation | undefined,
): SubcategoryResult {
  if (annex === 4) {
    if (review) throw new Error(`${id}: 附件4's sub-category is its section; remove the subcategory annotation`);
    const sub = SUBCATEGORIES.find((s) => SUBCATEGORY_CATEGORY[s] === 'transport' && SUBCATEGORY_LABEL[s] === section);
    if (!sub) throw new Error(`${id}: 附件4 section ${JSON.stringify(section)} has no sub-category`);
    return { subcategory: sub, basis: `附件4分节“${section}”` };
  }
  if (annex !== 2) {
    if (review) throw new Error(`${id}: only 附件2 rows take a reviewed sub-category`);
    return { subcategory: null, basis: null };
  }
  if (review) {
    if (SUBCATEGORY_CATEGORY[review.value] !== 'eldercare') throw new Error(`${id}: ${review.value} is no sub-category of 康养`);
    return { subcategory: review.value, basis: `复核：${review.reason}` };
  }
  for (const rule of ELDERCARE_RULES) {
    const word = rule.words.find((w) => name.includes(w));
    if (word) return { subcategory: rule.subcategory, basis: `名称含“${word}”` };
  }
  throw new Error(`${id}: no sub-category rule matches “${name}”; add a reviewed subcategory to data/annotations.json`);
}
