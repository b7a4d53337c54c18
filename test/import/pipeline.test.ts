import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { countyFromText } from '../../src/import/context.ts';
import { detectMapping, normaliseHeader } from '../../src/import/headers.ts';
import { importedPoints } from '../../src/import/points.ts';
import { readAmount, readCoordinate } from '../../src/import/numbers.ts';
import { readTable } from '../../src/import/readTable.ts';
import { detectUnit } from '../../src/import/units.ts';
import { buildLayer, layerNameFrom } from '../../src/import/buildLayer.ts';
import { context, importBytes, located, utf8 } from './support.ts';

describe('header detection', () => {
  it('finds the fields of a plan-style sheet, whatever the brackets and quotes', () => {
    const columns = ['序号', '项目名称', '建设性质', '建设地点', '县（市、区）', '建设起止年限', '主要建设内容', '总投资（万元）', '“十四五”时期投资（万元）', '项目法人单位', '经度', '纬度', '备注'];
    expect(detectMapping(columns)).toEqual({
      name: 1,
      nature: 2,
      location: 3,
      county: 4,
      period: 5,
      content: 6,
      total: 7,
      plan: 8,
      owner: 9,
      lon: 10,
      lat: 11,
      remarks: 12,
    });
    expect(normaliseHeader('“十四五”时期投资（万元）')).toBe('十四五时期投资');
  });

  it('reads English GIS names too', () => {
    expect(detectMapping(['name', 'Longitude', 'Latitude', 'county', 'investment'])).toEqual({ name: 0, lon: 1, lat: 2, county: 3, total: 4 });
  });
});

describe('unit detection', () => {
  const table = (header: string, values: string[]) => readTable('u.csv', utf8(`项目名称,${header}\n${values.map((v, i) => `p${i},${v}`).join('\n')}`));
  it('believes the header first', () => {
    const t = table('总投资（万元）', ['1', '2']);
    expect(detectUnit(t, detectMapping(t.columns))).toMatchObject({ unit: '万元', basis: 'header' });
    const y = table('总投资(亿元)', ['5000']);
    expect(detectUnit(y, detectMapping(y.columns))).toMatchObject({ unit: '亿元', basis: 'header' });
  });
  it('else goes by magnitude', () => {
    const w = table('总投资', ['5000', '12000', '800']);
    expect(detectUnit(w, detectMapping(w.columns))).toMatchObject({ unit: '万元', basis: 'magnitude' });
    const y = table('总投资', ['1.2', '35', '0.5']);
    expect(detectUnit(y, detectMapping(y.columns))).toMatchObject({ unit: '亿元', basis: 'magnitude' });
    const n = table('总投资', ['', '—']);
    expect(detectUnit(n, detectMapping(n.columns))).toMatchObject({ unit: '亿元', basis: 'default' });
  });
  it('a unit written in a cell wins over the column unit', () => {
    const { result } = importBytes('x.csv', utf8('项目名称,总投资（万元）,县区\n甲,1.5亿元,沁县\n乙,"2,500",沁县\n丙,,沁县\n'), { mapping: { name: 0, total: 1, county: 2 }, unit: '万元' });
    expect(result.accepted.map((r) => r.total)).toEqual([1.5, 0.25, null]);
  });
});

describe('numbers', () => {
  it('reads spreadsheet numbers and placeholders', () => {
    expect(readAmount('１２３．５')).toEqual({ ok: true, value: 123.5, unit: null });
    expect(readAmount('1.2E+05')).toEqual({ ok: true, value: 120000, unit: null });
    expect(readAmount('待定')).toEqual({ ok: true, value: null, unit: null });
    expect(readAmount('500万')).toEqual({ ok: true, value: 500, unit: '万元' });
    expect(readAmount('1e400')).toMatchObject({ ok: false });
    expect(readCoordinate('113.12345°')).toEqual({ ok: true, value: 113.12345, decimals: 5 });
  });
});

describe('locating rows', () => {
  it('names counties by full, old, short name or adcode', () => {
    expect(['平顺县', '平顺', '140425', '山西省长治市平顺县'].map(countyFromText)).toEqual(Array(4).fill('140425'));
    expect(countyFromText('长治县')).toBe('140404');
    expect(countyFromText('太原市')).toBeNull();
  });

  it('places a township the built-in data knows at township precision, else the county', () => {
    const { result } = importBytes(
      'p.csv',
      utf8('项目名称,县区,建设地点\n甲,平顺县,青羊镇崇岩村\n乙,,沁源县灵空山镇\n丙,平顺县,某个不认识的地方\n丁,沁县,\n'),
    );
    expect(result.accepted.map((r) => [r.location.precision, r.location.method, r.location.matched])).toEqual([
      ['township', 'gazetteer', '青羊镇'],
      ['township', 'gazetteer', '灵空山镇'],
      ['county', 'county', '平顺县'],
      ['county', 'county', '沁县'],
    ]);
    // The township point is the one the plan's own locations use.
    const planPoint = located.flatMap((p) => p.locations).find((l) => l.matched.startsWith('青羊镇'))!;
    expect([result.accepted[0]!.location.lon, result.accepted[0]!.location.lat]).toEqual([planPoint.lon, planPoint.lat]);
  });

  it('places a village the built-in data knows at village precision', () => {
    const village = located.flatMap((p) => p.locations).find((l) => l.precision === 'village' && l.method === 'gazetteer')!;
    const county = context().counties.get(village.county)!.name;
    const { result } = importBytes('v.csv', utf8(`项目名称,县区,建设地点\n村里的项目,${county},${village.matched}\n`));
    expect(result.accepted[0]!.location).toMatchObject({ precision: 'village', lon: village.lon, lat: village.lat });
  });

  it('converts GCJ-02 and BD-09 coordinates when the user says so, and grades precision by decimals', () => {
    const wgs: [number, number] = [113.116, 36.195];
    const gcj = gcoord.transform(wgs, gcoord.WGS84, gcoord.GCJ02) as [number, number];
    const bd = gcoord.transform(wgs, gcoord.WGS84, gcoord.BD09) as [number, number];
    const csv = (p: [number, number]) => utf8(`项目名称,经度,纬度\n点,${p[0].toFixed(6)},${p[1].toFixed(6)}\n`);
    for (const [p, crs] of [[gcj, 'gcj02'], [bd, 'bd09']] as const) {
      const { result } = importBytes('c.csv', csv(p), { crs });
      const l = result.accepted[0]!.location;
      expect(Math.abs(l.lon - wgs[0])).toBeLessThan(1e-5);
      expect(Math.abs(l.lat - wgs[1])).toBeLessThan(1e-5);
      expect(l.note).toContain('转为 WGS84');
    }
    const coarse = importBytes('c.csv', utf8('项目名称,经度,纬度\n粗,113.12,36.20\n')).result.accepted[0]!.location;
    expect(coarse.precision).toBe('village');
  });

  it('says which county wins when coordinates and the county column disagree', () => {
    const { result } = importBytes('d.csv', utf8('项目名称,县区,经度,纬度\n甲,沁源县,113.116,36.195\n'));
    expect(result.accepted[0]!.location.county).toBe('140403');
    expect(result.accepted[0]!.warnings[0]).toContain('以坐标为准');
  });
});

describe('layers', () => {
  it('names a layer after its file and gives the map a point per row', () => {
    expect(layerNameFrom('2024年进度.csv')).toBe('2024年进度');
    const { table, result } = importBytes('a.csv', utf8('项目名称,总投资,县区\n甲,1,沁县\n乙,,沁县\n'));
    const layer = buildLayer(table, result, { mapping: detectMapping(table.columns), unit: '亿元', crs: 'wgs84' }, { id: 'L1', name: '', color: '#6a3d9a', importedAt: new Date() });
    expect(layer.name).toBe('a');
    const pts = importedPoints(layer);
    expect(pts.features.map((f) => [f.properties.name, f.properties.known, f.properties.layer, f.properties.row])).toEqual([
      ['甲', 1, 'L1', 2],
      ['乙', 0, 'L1', 3],
    ]);
  });
});
