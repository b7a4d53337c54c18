/**
 * Files handed to the import: their names as the app shows them, and the one
 * opened of several dropped at once. Kept apart from the reading code, so the
 * page can take a drop without loading the import (it loads with the dialog).
 */
import { oneLine } from '../security/invisibleText.ts';

/** A file's name as the app shows it: invisible and direction characters removed (a U+202E reverses the extension), bounded. */
export function shownFileName(name: string): string {
  return oneLine(name.slice(0, 400)).slice(0, 200) || '未命名文件';
}

const IMPORTABLE = /\.(csv|tsv|txt|geojson|json)$/i;

/** Of several files dropped at once, the one to open (the first CSV or GeoJSON by name) and the names of the others. */
export function chooseDroppedFile<F extends Pick<File, 'name'>>(files: ArrayLike<F>): { file: F | null; ignored: string[] } {
  const all = Array.from(files);
  const file = all.find((f) => IMPORTABLE.test(f.name)) ?? all[0] ?? null;
  return { file, ignored: all.filter((f) => f !== file).map((f) => shownFileName(f.name)) };
}
