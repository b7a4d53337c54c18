/**
 * An import from a file to a stored layer, outside any component: open the
 * file (its size checked before a byte is read, its name cleaned), check
 * every row (in chunks, with progress), then pick the colour, build the layer
 * and store it, the last three inside the storage's write transaction, on
 * what is stored at that moment (so two tabs never get the same colour nor
 * pass the limit together). Each step returns an outcome for the dialog to
 * show; nothing here throws at its caller.
 */
import { errorMessage } from '../errorMessage.ts';
import { buildLayer, newLayerId } from './buildLayer.ts';
import type { ImportContext } from './context.ts';
import { nextImportColor } from './palette.ts';
import type { StoredDescriptions } from './persistence.ts';
import { shownFileName } from './droppedFiles.ts';
import { readFileTable } from './readFile.ts';
import { ImportError, type ImportOptions, type ImportResult, type ImportedLayer, type Table } from './types.ts';
import { validateRowsAsync } from './validateRows.ts';

export type Opened = { ok: true; table: Table } | { ok: false; fileName: string; message: string };

/** A chosen or dropped file read into a table, or why it cannot be. */
export async function openImportFile(file: Pick<File, 'name' | 'size' | 'arrayBuffer'>): Promise<Opened> {
  try {
    return { ok: true, table: await readFileTable(file) };
  } catch (err) {
    const message = err instanceof ImportError ? err.reason : `无法读取文件：${errorMessage(err)}`;
    return { ok: false, fileName: shownFileName(file.name), message };
  }
}


export type ImportOutcome =
  /** Stored and shown as `layer`. */
  | { kind: 'saved'; result: ImportResult; layer: ImportedLayer }
  /** Every row was rejected: nothing stored. */
  | { kind: 'nothing'; result: ImportResult }
  /** Checked, but storing failed (full disk, the layer limit …): nothing stored. */
  | { kind: 'unsaved'; result: ImportResult; error: string }
  /** Checking the rows failed. */
  | { kind: 'failed'; message: string };

export interface ImportRequest {
  table: Table;
  options: ImportOptions;
  layerName: string;
}

export interface ImportDeps {
  context: ImportContext;
  /** Stores the layer `make` builds from what is stored at the moment of writing; throws a message for the user. */
  store: (make: (stored: StoredDescriptions) => ImportedLayer) => Promise<ImportedLayer>;
  now?: () => Date;
  newId?: () => string;
}

/** Checks every row, then builds and stores the layer of the accepted ones. */
export async function importTable(
  { table, options, layerName }: ImportRequest,
  deps: ImportDeps,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportOutcome> {
  let result: ImportResult;
  try {
    result = await validateRowsAsync(table, options, deps.context, onProgress);
  } catch (err) {
    return { kind: 'failed', message: `检查数据时出错：${errorMessage(err)}` };
  }
  if (result.accepted.length === 0) return { kind: 'nothing', result };
  const id = (deps.newId ?? newLayerId)();
  const importedAt = (deps.now ?? (() => new Date()))();
  try {
    const layer = await deps.store((stored) => {
      const color = nextImportColor(stored.map((m) => m.color).filter((c): c is string => typeof c === 'string'));
      return buildLayer(table, result, options, { id, name: layerName, color, importedAt });
    });
    return { kind: 'saved', result, layer };
  } catch (err) {
    return { kind: 'unsaved', result, error: `图层没有保存：${errorMessage(err)}。已加载的数据没有任何改动。` };
  }
}

/**
 * One import at a time for a dialog: a second submit while one runs (a
 * double click, three quick requestSubmit calls) gets that run's outcome
 * instead of storing the same layer again.
 */
export function singleImport(deps: ImportDeps): (request: ImportRequest, onProgress?: (done: number, total: number) => void) => Promise<ImportOutcome> {
  let running: Promise<ImportOutcome> | null = null;
  return (request, onProgress) =>
    (running ??= importTable(request, deps, onProgress).finally(() => {
      running = null;
    }));
}
