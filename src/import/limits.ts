/** Bounds on what an import may hold, so no file can exhaust the browser. */
export const LIMITS = {
  /** Refused before a byte is read. */
  fileBytes: 20 * 1024 * 1024,
  /** Data rows that hold something (CSV) or features (GeoJSON). */
  rows: 100_000,
  /** Lines read, empty ones included (Excel writes ,,,,, for each formatted empty row). */
  lines: 1_000_000,
  columns: 200,
  /** A longer header cell or GeoJSON property key is cut, with a note. */
  headerChars: 100,
  /** Column names in the mapping's drop-downs are shown up to this length. */
  optionChars: 40,
  /** A longer cell is cut, with a warning. */
  cellChars: 2000,
  nameChars: 200,
  /** An amount above this (亿元, i.e. 10 万亿元) is refused as implausible: a unit mistake. */
  amountYi: 100_000,
  layerNameChars: 60,
  /** Imported layers kept at once. */
  layers: 20,
  /** A cell of the rejected-row list keeps at most this much of the raw text. */
  rawChars: 500,
} as const;

/** 1234567 -> "1.2 MB", for messages. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} 字节`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
