import { parseCsv } from './csv.ts';
import { decodeBytes } from './decode.ts';
import { parseGeoJson } from './geojson.ts';
import type { FileFormat, Table } from './types.ts';

/** Looks like a GeoJSON object: `{`, then a "type" or "features" key near the start. */
const GEOJSON_START = /^\s*\{\s*"(type|features|name|crs|bbox)"\s*:/;

/**
 * CSV or GeoJSON: by the file's extension, else by its first character; a
 * file named .csv/.txt whose text is a GeoJSON object is read as GeoJSON (a
 * CSV cannot start with `{"type":`).
 */
export function formatOf(fileName: string, text: string): FileFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return GEOJSON_START.test(text.slice(0, 1000)) ? 'geojson' : 'csv';
  return /^\s*[{[]/.test(text) ? 'geojson' : 'csv';
}

/** A file's bytes -> Table; throws ImportError naming the file and the reason. */
export function readTable(fileName: string, bytes: Uint8Array): Table {
  const { text, encoding, notes } = decodeBytes(fileName, bytes);
  if (formatOf(fileName, text) === 'csv') return parseCsv(fileName, text, encoding, notes);
  if (/\.(csv|tsv|txt)$/i.test(fileName)) notes.push('文件扩展名是 CSV，但内容是 GeoJSON：已按 GeoJSON 读取');
  return parseGeoJson(fileName, text, encoding, notes);
}
