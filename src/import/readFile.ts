import { oneLine } from '../security/invisibleText.ts';
import { checkFileSize } from './decode.ts';
import { readTable } from './readTable.ts';
import type { Table } from './types.ts';

/** A file's name as the app shows it: invisible and direction characters removed (a U+202E reverses the extension), bounded. */
export function shownFileName(name: string): string {
  return oneLine(name.slice(0, 400)).slice(0, 200) || '未命名文件';
}

/** A File from the picker or a drop -> Table. The size is checked before a byte is read. */
export async function readFileTable(file: Pick<File, 'name' | 'size' | 'arrayBuffer'>): Promise<Table> {
  const name = shownFileName(file.name);
  checkFileSize(name, file.size);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return readTable(name, bytes);
}
