import { it } from 'vitest';
import { COUNTIES } from '../../src/geo/countyCodes.ts';
import { readTable } from '../../src/import/readTable.ts';
import { detectMapping } from '../../src/import/headers.ts';
import { validateRows } from '../../src/import/validateRows.ts';
import { context, counties, utf8 } from './support.ts';

export function benchCsv(n: number): string {
  const lp = new Map(counties.features.map((f) => [f.properties.adcode, f.properties.labelPoint]));
  const lines = ['项目名称,总投资（万元）,县区,建设地点,经度,纬度'];
  for (let i = 0; i < n; i++) {
    const c = COUNTIES[i % 12]!;
    const [lon, lat] = lp.get(c.adcode)!;
    const kind = i % 3;
    lines.push(`项目${i},${(i * 37) % 90000},${c.name},${kind === 1 ? '青羊镇某村' : ''},${kind === 0 ? (lon + ((i % 7) - 3) * 0.002).toFixed(5) : ''},${kind === 0 ? (lat + ((i % 5) - 2) * 0.002).toFixed(5) : ''}`);
  }
  return lines.join('\n');
}

it('bench', () => {
  context();
  for (const n of [10_000, 100_000]) {
    const bytes = utf8(benchCsv(n));
    const t0 = performance.now();
    const table = readTable('b.csv', bytes);
    const t1 = performance.now();
    const r = validateRows(table, { mapping: detectMapping(table.columns), unit: '万元', crs: 'wgs84' }, context());
    const t2 = performance.now();
    console.log(n, (bytes.length / 1e6).toFixed(1), 'MB', 'read', Math.round(t1 - t0), 'ms validate', Math.round(t2 - t1), 'ms', r.accepted.length, r.rejected.length);
  }
}, 120_000);
