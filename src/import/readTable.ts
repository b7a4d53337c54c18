import { parseCsv } from './csv.ts';
import { decodeBytes } from './decode.ts';
import { parseGeoJson } from './geojson.ts';
import type { FileFormat, Table } from './types.ts';

/** CSV or GeoJSON: by the file's extension, else by its first character. */
export function formatOf(fileName: string, text: string): FileFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  return /^\s*[{[]/.test(text) ? 'geojson' : 'csv';
}

/** A file's bytes -> Table; throws ImportError naming the file and the reason. */
export function readTable(fileName: string, bytes: Uint8Array): Table {
  const { text, encoding, notes } = decodeBytes(fileName, bytes);
  return formatOf(fileName, text) === 'geojson'
    ? parseGeoJson(fileName, text, encoding, notes)
    : parseCsv(fileName, text, encoding, notes);
}
