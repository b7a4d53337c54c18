/**
 * A planner's list as a CSV file, made up and seeded (the same bytes on every
 * run), for the interaction and memory benchmarks: Chinese headers as Excel
 * users write them, amounts in 万元, points inside the counties
 * (scripts/bench/synthetic.ts) given with 5 decimals (地点级), 2 decimals
 * (村级), or not at all: then a township the app knows (乡镇级) or only the
 * county (县级). Imported through the app's real import dialog.
 */
import { buildImportContext } from '../../src/import/context.ts';
import { detectMapping } from '../../src/import/headers.ts';
import { readTable } from '../../src/import/readTable.ts';
import type { ImportedRow } from '../../src/import/types.ts';
import { validateRows } from '../../src/import/validateRows.ts';
import type { LocatedProject } from '../../src/data/project.ts';
import type { CountyCollection } from '../../src/geo/types.ts';
import { seededRandom, syntheticProjects } from './synthetic.ts';

export const CSV_HEADER = ['序号', '项目名称', '县区', '建设地点', '总投资（万元）', '建设性质', '建设起止年限', '建设单位', '经度', '纬度'];
const WORDS = ['卫生院', '养老服务中心', '中学', '道路改造', '公园', '康养小镇', '供水工程', '文化中心'];
const OWNERS = ['卫健局', '民政局', '教育局', '交通运输局', '住建局'];
const NATURES = ['新建', '续建', '改扩建'];

const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function syntheticCsv(n: number, counties: CountyCollection, plan: readonly LocatedProject[], seed = 20261130): string {
  const rand = seededRandom(seed);
  const projects = syntheticProjects(n, counties, { seed, citywideShare: 0 });
  const ctx = buildImportContext(counties, plan);
  const names = new Map(counties.features.map((f) => [f.properties.adcode, f.properties.name]));
  const townsOf = new Map([...ctx.townships].map(([county, places]) => [county, [...places.values()].map((p) => p.name)]));
  const lines = [CSV_HEADER.join(',')];
  projects.forEach((p, i) => {
    const loc = p.locations[0]!;
    const county = names.get(loc.county)!;
    const kind = rand();
    let place = county;
    let lon = '';
    let lat = '';
    // Coordinates with 5 decimals (地点级) or 2 (村级), each only where the rounded point is still in its county.
    const digits = kind < 0.45 ? 5 : kind < 0.6 ? 2 : 0;
    if (digits > 0) {
      const f = 10 ** digits;
      const x = Math.round(loc.lon * f) / f;
      const y = Math.round(loc.lat * f) / f;
      if (ctx.locate(x, y) === loc.county) {
        lon = x.toFixed(digits);
        lat = y.toFixed(digits);
      }
    } else if (kind < 0.8) {
      const towns = townsOf.get(loc.county);
      if (towns && towns.length > 0) place = towns[Math.floor(rand() * towns.length)]!;
    }
    const total = p.investment.total === null ? '' : String(Math.round(p.investment.total * 1e4));
    const word = WORDS[Math.floor(rand() * WORDS.length)]!;
    const owner = `${county}${OWNERS[Math.floor(rand() * OWNERS.length)]!}`;
    lines.push(
      [String(i + 1), `${county}${word}${i + 1}`, county, place, total, NATURES[Math.floor(rand() * NATURES.length)]!, p.period ?? '', owner, lon, lat]
        .map(cell)
        .join(','),
    );
  });
  return `${lines.join('\r\n')}\r\n`;
}

/** The rows the app makes of the file (the same reader, mapping and checks as its import dialog). */
export function importedRowsOf(fileName: string, csv: string, counties: CountyCollection, plan: readonly LocatedProject[]): ImportedRow[] {
  const table = readTable(fileName, new TextEncoder().encode(csv));
  const result = validateRows(table, { mapping: detectMapping(table.columns), unit: '万元', crs: 'wgs84' }, buildImportContext(counties, plan));
  if (result.rejected.length > 0) throw new Error(`${fileName}: ${result.rejected.length} rows rejected, e.g. ${JSON.stringify(result.rejected[0])}`);
  return result.accepted;
}
