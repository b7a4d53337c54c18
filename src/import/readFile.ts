import { checkFileSize } from './decode.ts';
import { shownFileName } from './droppedFiles.ts';
import { readTable } from './readTable.ts';
import type { Table } from './types.ts';

/** A File from the picker or a drop -> Table. The size is checked before a byte is read. */
export async function readFileTable(file: Pick<File, 'name' | 'size' | 'arrayBuffer'>): Promise<Table> {
  const name = shownFileName(file.name);
  checkFileSize(name, file.size);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return readTable(name, bytes);
}
