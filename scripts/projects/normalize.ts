/**
 * Text clean-up for cells read from the PDF's plain-text copy.
 *
 * The PDF wraps long cells inside their table column; the text copy keeps each
 * wrap as a space ("平顺县人民医院 医疗设备更新配置 项目(更新)"). Chinese puts no
 * spaces between words, so a run of whitespace next to a Chinese character,
 * Chinese punctuation or a superscript (m ², m ³) is a wrap and goes. Spaces
 * between two Latin letters or digits ("10012 m") stay, collapsed to one.
 */

/** Characters that never take a space beside them in Chinese text. */
const TIGHT = /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u3000-\u303F\u2010-\u2027\u00B7\u00B2\u00B3]/u;

export function clean(text: string): string {
  const t = text.trim();
  return t.replace(/\s+/gu, (_run, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + _run.length] ?? '';
    return TIGHT.test(before) || TIGHT.test(after) ? '' : ' ';
  });
}

/** A cell as a field value: cleaned, or null when the cell is blank. */
export function cellValue(text: string | undefined): string | null {
  if (text === undefined) return null;
  const c = clean(text);
  return c === '' ? null : c;
}

/** Removes every whitespace character (for comparing texts across line wraps). */
export function squash(text: string): string {
  return text.replace(/\s+/gu, '');
}
