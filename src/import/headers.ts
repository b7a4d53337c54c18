/**
 * Finds which column holds which field from the header's wording, as Chinese
 * spreadsheets write it (项目名称, 总投资（万元）, 十四五投资, 建设地点, 县区, 经度…),
 * and the English names GIS files use (name, lon, lng, x…). The user checks
 * and changes the mapping in the import dialog.
 */
import { FIELD_KEYS, type ColumnMapping, type FieldKey } from './types.ts';

/** Header wording per field, most specific first; matched on the normalised header. */
const SYNONYMS: Record<FieldKey, { exact: string[]; contains: string[] }> = {
  name: { exact: ['项目名称', '项目', '名称', 'name', '项目名', 'projectname', 'project'], contains: ['项目名称', '名称'] },
  plan: {
    exact: ['十四五投资', '十四五时期投资', '十四五期间投资', '十四五计划投资', 'plan'],
    contains: ['十四五'],
  },
  total: {
    exact: ['总投资', '预计总投资', '计划总投资', '项目总投资', '投资总额', '总投资额', '投资额', '投资', 'total', 'investment'],
    contains: ['总投资', '投资总额', '投资额'],
  },
  county: { exact: ['县区', '县市区', '区县', '县', '所在县区', '所属县区', '县区名称', 'county', '县（市、区）', '县(市、区)'], contains: ['县区', '区县', '县市区'] },
  location: {
    exact: ['建设地点', '地点', '项目地点', '位置', '项目位置', '地址', '项目地址', '建设地址', '所在地', 'location', 'address'],
    contains: ['地点', '地址', '位置'],
  },
  lon: { exact: ['经度', 'lon', 'lng', 'long', 'longitude', 'x', '东经'], contains: ['经度'] },
  lat: { exact: ['纬度', 'lat', 'latitude', 'y', '北纬'], contains: ['纬度'] },
  nature: { exact: ['建设性质', '性质', '项目性质', '属性'], contains: ['性质'] },
  period: { exact: ['建设起止年限', '起止年限', '建设年限', '建设期限', '建设周期', '起止年份', 'period'], contains: ['年限', '起止'] },
  content: { exact: ['建设内容', '主要建设内容', '建设规模及内容', '实施内容', 'content'], contains: ['建设内容', '实施内容'] },
  owner: { exact: ['建设单位', '项目法人', '项目法人单位', '业主单位', '责任单位', '实施单位', 'owner'], contains: ['法人', '建设单位', '业主'] },
  remarks: { exact: ['备注', '说明', 'remarks', 'note', 'notes'], contains: ['备注'] },
};

/** 总投资（万元） -> 总投资; “十四五”时期投资 -> 十四五时期投资; Lon -> lon. */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFKC')
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, '')
    .replace(/[\s"'“”‘’「」《》:：_\-]/g, '')
    .toLowerCase();
}

/** The unit a header states: 总投资（万元） -> 万元. */
export function headerUnit(h: string): '万元' | '亿元' | null {
  if (/万元|万/.test(h)) return '万元';
  if (/亿元|亿/.test(h)) return '亿元';
  return null;
}

/**
 * A field for each column it fits, best match first: exact wording beats
 * wording that only contains the keyword; a column is used once.
 */
export function detectMapping(columns: readonly string[]): ColumnMapping {
  const norm = columns.map(normaliseHeader);
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  for (const pass of ['exact', 'contains'] as const) {
    for (const field of FIELD_KEYS) {
      if (mapping[field] !== undefined) continue;
      const words = SYNONYMS[field][pass];
      const i = norm.findIndex((h, j) => !used.has(j) && h !== '' && (pass === 'exact' ? words.includes(h) : words.some((w) => h.includes(w))));
      if (i >= 0) {
        mapping[field] = i;
        used.add(i);
      }
    }
  }
  return mapping;
}
