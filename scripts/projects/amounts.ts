/**
 * Money: amount cells (附件1, 2, 3, 5) and amounts stated in 附件4's text.
 * Figures are kept as the decimal the source prints; 万元 become 亿元 by moving
 * the decimal point, so no binary rounding creeps in (2880 万元 -> 0.288 亿元).
 */
import { squash } from './normalize.ts';

export interface Amount {
  value: number;
  /** The cell or phrase as printed. */
  raw: string;
  /** True when printed with 约 (about). */
  approximate: boolean;
}

/** 1 亿元 = 10,000 万元: shift a decimal string four places left. */
export function wanToYi(decimal: string): number {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(decimal);
  if (!m) throw new Error(`not a decimal: ${JSON.stringify(decimal)}`);
  const digits = m[1]! + (m[2] ?? '');
  const point = m[1]!.length - 4;
  const padded = point > 0 ? digits : '0'.repeat(1 - point) + digits;
  const at = Math.max(point, 1);
  return Number(`${padded.slice(0, at)}.${padded.slice(at) || '0'}`);
}

/**
 * An amount cell: blank -> null (never 0), `7.85`, `约15`. Anything else is an
 * error, so a shifted column (a date or a name in an amount cell) cannot pass.
 */
export function parseAmountCell(cell: string, unit: '亿元' | '万元'): Amount | null {
  const text = squash(cell);
  if (text === '') return null;
  const m = /^(约)?(\d+(?:\.\d+)?)$/.exec(text);
  if (!m) throw new Error(`not an amount: ${JSON.stringify(cell)}`);
  const value = unit === '万元' ? wanToYi(m[2]!) : Number(m[2]);
  return { value, raw: `${text}${unit}`, approximate: m[1] !== undefined };
}

export function isAmountCell(cell: string): boolean {
  return /^约?\d+(?:\.\d+)?$/.test(squash(cell));
}

export interface TextAmounts {
  /** The whole project's (or whole line's) figure. */
  total: Amount | null;
  /** The share inside 长治市 (长治境内…投资约为64亿元). */
  inCity: Amount | null;
}

/** 总投资约6.5亿元, 投资约为33亿元, 估算投资156亿元, 投资估算99.6亿元, 总投资 264 亿元 … */
const TEXT_AMOUNT = /(?:总投资|估算投资|投资估算|投资)\s*(约)?\s*为?\s*(\d+(?:\.\d+)?)\s*亿元/gu;
const IN_CITY = '长治境内';

/**
 * Amounts stated in a 附件4 row's 实施内容. A figure after “长治境内” is the
 * in-city share; the one before it is the whole line's. More than one figure
 * on either side is ambiguous and throws.
 */
export function textAmounts(text: string): TextAmounts {
  const cityAt = text.indexOf(IN_CITY);
  const before: Amount[] = [];
  const after: Amount[] = [];
  for (const m of text.matchAll(TEXT_AMOUNT)) {
    const at = m.index;
    const isCity = cityAt >= 0 && at > cityAt;
    let raw = m[0];
    if (isCity) {
      // Keep the clause that says where the share lies: 其中长治境内53公里，投资约为64亿元
      const clauseStart = Math.max(text.lastIndexOf('，', cityAt), text.lastIndexOf('；', cityAt), text.lastIndexOf('。', cityAt)) + 1;
      raw = text.slice(clauseStart, at + m[0].length);
    }
    const amount: Amount = { value: Number(m[2]), raw: raw.trim(), approximate: m[1] !== undefined };
    (isCity ? after : before).push(amount);
  }
  if (before.length > 1 || after.length > 1) {
    throw new Error(`more than one amount stated in ${JSON.stringify(text)}: add a repair`);
  }
  return { total: before[0] ?? null, inCity: after[0] ?? null };
}

/** “项目总投资10.38亿元” stated inside a row's content (附件1, 2, 5), to cross-check the column. */
export function statedTotal(text: string | null): Amount | null {
  if (text === null) return null;
  const m = /总投资\s*(约)?\s*(\d+(?:\.\d+)?)\s*亿元/u.exec(text);
  return m ? { value: Number(m[2]), raw: m[0], approximate: m[1] !== undefined } : null;
}
