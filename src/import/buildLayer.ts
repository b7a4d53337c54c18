import { oneLine } from '../security/invisibleText.ts';
import { LIMITS } from './limits.ts';
import type { ImportOptions, ImportResult, ImportedLayer, Table } from './types.ts';

/** A layer name from a file name: 2024进度.csv -> 2024进度, bounded and never empty. */
export function layerNameFrom(fileName: string): string {
  return cleanLayerName(fileName.replace(/\.[^.]*$/, '')) ?? '导入的图层';
}

/** A user-given layer name: on one line, invisible characters removed, bounded; null when nothing visible is left. */
export function cleanLayerName(name: string): string | null {
  const t = oneLine(name).slice(0, LIMITS.layerNameChars).trim();
  return t === '' ? null : t;
}

export function newLayerId(now = Date.now()): string {
  const rand = Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0');
  return `L${now.toString(36)}${rand}`;
}

/** The complete new layer, built off to the side; nothing is stored until it is whole. */
export function buildLayer(
  table: Table,
  result: ImportResult,
  options: ImportOptions,
  meta: { id: string; name: string; color: string; importedAt: Date },
): ImportedLayer {
  return {
    id: meta.id,
    name: cleanLayerName(meta.name) ?? layerNameFrom(table.fileName),
    color: meta.color,
    visible: true,
    fileName: table.fileName.slice(0, 200),
    format: table.format,
    importedAt: meta.importedAt.toISOString(),
    unit: options.unit,
    crs: options.crs,
    columns: table.columns,
    rows: result.accepted,
    rejected: result.rejected,
  };
}
