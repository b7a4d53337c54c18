import { stripInvisible } from '../security/invisibleText.ts';

/** Characters that Windows, macOS or Linux refuse in a file name, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/gu;
const MAX_NAME_LENGTH = 120;

/** The local calendar date as YYYY-MM-DD. */
export function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * `长治项目_平顺县_教育_2026-11-29.csv`: what was exported, the filters as
 * words, the date. Unsafe characters become `-`; a long middle is cut (the
 * date and extension always stay).
 */
export function exportFileName(prefix: string, words: readonly string[], date: Date, ext: string): string {
  const clean = (s: string) => stripInvisible(s).replace(UNSAFE, '-').replace(/\s+/gu, '').replace(/^[.-]+|[.-]+$/gu, '');
  const tail = `_${isoDate(date)}.${ext}`;
  let middle = [clean(prefix), ...words.map(clean)].filter(Boolean).join('_');
  const room = MAX_NAME_LENGTH - tail.length;
  if ([...middle].length > room) middle = `${[...middle].slice(0, room - 1).join('')}…`;
  return middle + tail;
}
