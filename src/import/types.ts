/**
 * Types of the import pipeline: a user's file (CSV or GeoJSON) becomes a
 * `Table`, the table and a column mapping become an `ImportResult` (rows
 * accepted, each located with its precision, and rows rejected, each with the
 * field and the reason), and the accepted rows become an `ImportedLayer`.
 * Imported data never enters the plan's dataset: it is a layer of its own.
 */
import type { Precision } from '../data/project.ts';

/** The fields an imported row can have; a column of the file maps to each. */
export const FIELD_KEYS = ['name', 'total', 'plan', 'county', 'location', 'lon', 'lat', 'nature', 'period', 'content', 'owner', 'remarks'] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

export const FIELD_LABEL: Record<FieldKey, string> = {
  name: '项目名称',
  total: '总投资',
  plan: '十四五投资',
  county: '县区',
  location: '建设地点',
  lon: '经度',
  lat: '纬度',
  nature: '建设性质',
  period: '建设起止年限',
  content: '建设内容',
  owner: '建设单位',
  remarks: '备注',
};

/** Column index of the file for each field; a field left out is not in the file. */
export type ColumnMapping = Partial<Record<FieldKey, number>>;

export type AmountUnit = '亿元' | '万元';
/** Coordinate systems seen in Chinese spreadsheets: GPS (WGS84), 高德/腾讯 (GCJ-02), 百度 (BD-09). */
export const CRS_KEYS = ['wgs84', 'gcj02', 'bd09'] as const;
export type Crs = (typeof CRS_KEYS)[number];
export const CRS_LABEL: Record<Crs, string> = {
  wgs84: 'WGS84（GPS、天地图）',
  gcj02: 'GCJ-02（高德、腾讯）',
  bd09: 'BD-09（百度）',
};

export type FileFormat = 'csv' | 'geojson';

export interface TableRecord {
  /** As the user sees it: the spreadsheet row (header = 1) or the feature's number (first = 1). */
  row: number;
  /** One string per column, '' when empty. */
  cells: string[];
  /** CSV only: cells beyond the header's columns, kept for the rejected-rows report. */
  extra?: string[];
  /** GeoJSON only: the feature's point, or why it has none usable; undefined for CSV. */
  geometry?: { lon: number; lat: number; text: [string, string] } | { error: string } | null;
  /** Set when the reader could not split the row cleanly (an unclosed quote, extra cells). */
  error?: { field: string; reason: string };
}

export interface Table {
  format: FileFormat;
  fileName: string;
  /** The encoding the text was read in (utf-8, gb18030, utf-16le …). */
  encoding: string;
  columns: string[];
  records: TableRecord[];
  /** What the reader did that the user should know (encoding guessed, BOM removed …). */
  notes: string[];
}

/** Thrown for a file that cannot be read at all; the message names the file and the reason. */
export class ImportError extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: string,
  ) {
    super(`${fileName}：${reason}`);
    this.name = 'ImportError';
  }
}

export type ImportMethod = 'coordinates' | 'gazetteer' | 'county';

export interface ImportedLocation {
  /** County adcode; the point lies in that county. */
  county: string;
  lon: number;
  lat: number;
  precision: Precision;
  method: ImportMethod;
  /** What the point stands for: the coordinates as given, the township matched, or the county. */
  matched: string;
  note: string | null;
}

export interface ImportedRow {
  row: number;
  name: string;
  /** 亿元, converted from the file's unit; null when the cell is empty (never 0). */
  total: number | null;
  plan: number | null;
  nature: string | null;
  period: string | null;
  content: string | null;
  owner: string | null;
  remarks: string | null;
  /** The location text as given (建设地点), or null. */
  locationText: string | null;
  location: ImportedLocation;
  /** Built-in project with the same name, or null. */
  duplicateOf: string | null;
  /** Things accepted but worth saying (same name as a plan project, county from coordinates …). */
  warnings: string[];
}

export interface RejectedRow {
  row: number;
  /** The column(s) at fault, as headed in the file. */
  field: string;
  reason: string;
  /** The row's cells as read, then any beyond the header (each cut to a bounded length). */
  raw: string[];
}

export interface ImportResult {
  accepted: ImportedRow[];
  rejected: RejectedRow[];
}

export interface ImportOptions {
  mapping: ColumnMapping;
  unit: AmountUnit;
  crs: Crs;
}

export interface ImportedLayer {
  id: string;
  name: string;
  color: string;
  visible: boolean;
  fileName: string;
  format: FileFormat;
  /** ISO 8601. */
  importedAt: string;
  unit: AmountUnit;
  crs: Crs;
  columns: string[];
  rows: ImportedRow[];
  rejected: RejectedRow[];
}

/** A layer without its rows: what lists and renames need. */
export type LayerMeta = Omit<ImportedLayer, 'rows' | 'rejected'> & { rowCount: number; rejectedCount: number };
