/**
 * Characters that show nothing, or change how the text around them is shown:
 * controls (C0 and C1 but tab and line breaks), format characters (zero-width
 * space and joiners U+200B–U+200D, word joiner U+2060, soft hyphen U+00AD,
 * BOM U+FEFF, the bidirectional marks, embeddings, overrides and isolates
 * U+200E/F, U+202A–U+202E, U+2066–U+2069, the Arabic letter mark U+061C …),
 * and the blank letters (Hangul fillers U+3164, U+FFA0, U+115F, U+1160,
 * combining grapheme joiner U+034F, Braille blank U+2800).
 *
 * A name made only of them looks empty; a file name with U+202E shows its
 * extension reversed (`项目⟨U+202E⟩gpj.exe` shows as `项目exe.jpg`). One rule for the
 * whole app: they are removed from every name, layer name, file name and cell
 * we show, with a word to the user, and a text with nothing visible left is
 * refused as empty. `?q=` holding one is dropped with a notice.
 */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\p{Cf}\u034f\u115f\u1160\u2800\u3164\uffa0]/gu;
const ANY_INVISIBLE = new RegExp(INVISIBLE.source, 'u');

/** True when the text holds a character of the set above. */
export function hasInvisible(text: string): boolean {
  return ANY_INVISIBLE.test(text);
}

/** The text without those characters (tabs and line breaks are kept, for multi-line cells). */
export function stripInvisible(text: string): string {
  return hasInvisible(text) ? text.replace(INVISIBLE, '') : text;
}

/** For names shown on one line: invisible characters removed, tabs and line breaks as one space, trimmed. */
export function oneLine(text: string): string {
  return stripInvisible(text).replace(/[\t\n\r\u2028\u2029]+/g, ' ').trim();
}

/** Each invisible character as ⟨U+202E⟩, so a notice can name it without it acting on the notice. */
export function showInvisible(text: string): string {
  return hasInvisible(text)
    ? text.replace(INVISIBLE, (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`)
    : text;
}
