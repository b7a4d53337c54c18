import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { COUNTIES } from '../../src/geo/countyCodes.ts';
import { detectMapping } from '../../src/import/headers.ts';
import { readAmount } from '../../src/import/numbers.ts';
import { readTable } from '../../src/import/readTable.ts';
import { FIELD_KEYS, ImportError, type ColumnMapping, type Table } from '../../src/import/types.ts';
import { validateRows } from '../../src/import/validateRows.ts';
import { oneLine } from '../../src/security/invisibleText.ts';
import { context, counties } from './support.ts';

const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('', '平顺县', '长治县', '太原市', '青羊镇', '113.1', '36.2', '-5', '1e400', '—', '=1+1', '<script>x</script>', '\u202E'),
  fc.double({ noNaN: false }).map(String),
);

const table: fc.Arbitrary<Table> = fc
  .integer({ min: 1, max: 8 })
  .chain((width) =>
    fc.record({
      columns: fc.array(fc.string({ maxLength: 8 }), { minLength: width, maxLength: width }),
      rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 25 }),
      geo: fc.boolean(),
      coords: fc.array(fc.tuple(fc.double({ min: -200, max: 200, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }))),
    }),
  )
  .map(({ columns, rows, geo, coords }) => ({
    format: geo ? 'geojson' : 'csv',
    fileName: 'random',
    encoding: 'utf-8',
    columns,
    notes: [],
    records: rows.map((cells, i) => ({
      row: i + 2,
      cells,
      ...(geo ? { geometry: coords[i] ? { lon: coords[i][0], lat: coords[i][1], text: [String(coords[i][0]), String(coords[i][1])] as [string, string] } : null } : {}),
    })),
  }));

const mapping = (width: number): fc.Arbitrary<ColumnMapping> =>
  fc.dictionary(fc.constantFrom(...FIELD_KEYS), fc.integer({ min: 0, max: Math.max(0, width - 1) }), { maxKeys: FIELD_KEYS.length }) as fc.Arbitrary<ColumnMapping>;

describe('import validation, on random input', () => {
  it('never throws; every row is accepted or rejected, and every rejection has a field and a reason', () => {
    fc.assert(
      fc.property(
        table.chain((t) => fc.tuple(fc.constant(t), mapping(t.columns.length), fc.constantFrom('亿元', '万元') as fc.Arbitrary<'亿元' | '万元'>, fc.constantFrom('wgs84', 'gcj02', 'bd09') as fc.Arbitrary<'wgs84' | 'gcj02' | 'bd09'>)),
        ([t, m, unit, crs]) => {
          const r = validateRows(t, { mapping: m, unit, crs }, context());
          expect(r.accepted.length + r.rejected.length).toBe(t.records.length);
          expect([...r.accepted.map((x) => x.row), ...r.rejected.map((x) => x.row)].sort((a, b) => a - b)).toEqual(t.records.map((x) => x.row));
          for (const x of r.rejected) {
            expect(x.field.length).toBeGreaterThan(0);
            expect(x.reason.length).toBeGreaterThan(0);
          }
          for (const a of r.accepted) {
            expect(a.name.trim()).not.toBe('');
            expect(context().locate(a.location.lon, a.location.lat) ?? a.location.county).toBe(a.location.county);
            for (const v of [a.total, a.plan]) if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random bytes are read or refused with an ImportError, nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('x.csv', 'x.geojson', 'x'), (bytes, name) => {
        try {
          const t = readTable(name, bytes);
          validateRows(t, { mapping: detectMapping(t.columns), unit: '亿元', crs: 'wgs84' }, context());
        } catch (err) {
          expect(err).toBeInstanceOf(ImportError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('random text is read or refused with an ImportError, nothing else', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom('x.csv', 'x.geojson'), (text, name) => {
        try {
          const t = readTable(name, new TextEncoder().encode(text));
          validateRows(t, { mapping: detectMapping(t.columns), unit: '亿元', crs: 'wgs84' }, context());
        } catch (err) {
          expect(err).toBeInstanceOf(ImportError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

/** A name the importer keeps as it is: on one line, nothing invisible, nothing to trim. */
const validName = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((s) => s !== '' && oneLine(s) === s);

describe('accepted rows round-trip through a CSV file', () => {
  it('name, amount (万元 -> 亿元), county and coordinates come back as written', () => {
    const labelPoints = new Map(counties.features.map((f) => [f.properties.adcode, f.properties.labelPoint]));
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            name: validName,
            wan: fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: null }),
            county: fc.constantFrom(...COUNTIES),
            withPoint: fc.boolean(),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        (rows) => {
          const data = rows.map((r) => {
            const [lon, lat] = labelPoints.get(r.county.adcode)!;
            return [r.name, r.wan === null ? '' : String(r.wan), r.county.name, r.withPoint ? lon.toFixed(5) : '', r.withPoint ? lat.toFixed(5) : ''];
          });
          const csv = Papa.unparse({ fields: ['项目名称', '总投资（万元）', '县区', '经度', '纬度'], data });
          const t = readTable('roundtrip.csv', new TextEncoder().encode(csv));
          const r = validateRows(t, { mapping: detectMapping(t.columns), unit: '万元', crs: 'wgs84' }, context());
          expect(r.rejected).toEqual([]);
          expect(r.accepted).toHaveLength(rows.length);
          r.accepted.forEach((a, i) => {
            const src = rows[i]!;
            expect(a.row).toBe(i + 2);
            expect(a.name).toBe(src.name);
            expect(a.total).toBe(src.wan === null ? null : Math.round((src.wan / 10000) * 1e6) / 1e6);
            expect(a.location.county).toBe(src.county.adcode);
            expect(a.location.precision).toBe(src.withPoint ? 'site' : 'county');
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('any non-negative number written plainly is read back exactly', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), (n) => {
        const read = readAmount(String(n));
        expect(read).toEqual({ ok: true, value: n, unit: null });
      }),
    );
  });
});
