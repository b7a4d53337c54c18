/**
 * Resident population: ../shared/population/changzhi-census-2020.csv -> data/population.json
 * (the 12 figures keyed by adcode, the source line and the census date).
 *
 *   npm run data:population              write data/population.json
 *   npm run data:population -- --check   exit 1 if data/population.json differs from a fresh run
 *
 * Without ../shared it says so and exits 2; the committed file keeps the app working.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CITY_RESIDENTS_2020, POPULATION_SOURCE, parsePopulation, type Population } from '../src/data/population.ts';
import { COUNTIES, isCountyAdcode } from '../src/geo/countyCodes.ts';
import { runAsMain } from './runAsMain.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CENSUS_PATH = join(ROOT, '..', 'shared', 'population', 'changzhi-census-2020.csv');
export const POPULATION_PATH = join(ROOT, 'data', 'population.json');
const HEADER = 'adcode,name,resident_population_2020';

/**
 * The census table as data/population.json's text. Throws naming the file,
 * the line and the field when a row is malformed, a county is missing or
 * repeated, or the figures do not add up to the published city total.
 */
export function buildPopulation(csv: string, file = 'changzhi-census-2020.csv'): string {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]!.trim() !== HEADER) throw new Error(`${file} line 1: expected the header ${HEADER}`);
  const counties: Population['counties'] = {};
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const at = `${file} line ${i + 2}`;
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length !== 3) throw new Error(`${at}: expected 3 cells, got ${cells.length}`);
    const [adcode, name, residents] = cells as [string, string, string];
    if (!isCountyAdcode(adcode)) throw new Error(`${at}: field adcode: ${adcode} is not a 长治 county adcode`);
    const expected = COUNTIES.find((c) => c.adcode === adcode)!.name;
    if (name !== expected) throw new Error(`${at}: field name: expected ${expected} for ${adcode}, got ${name}`);
    if (adcode in counties) throw new Error(`${at}: field adcode: ${adcode} appears twice`);
    if (!/^\d+$/.test(residents)) throw new Error(`${at}: field resident_population_2020: not a whole number: ${residents}`);
    counties[adcode] = { name, residents: Number(residents) };
  });
  const missing = COUNTIES.filter((c) => !(c.adcode in counties));
  if (missing.length > 0) throw new Error(`${file}: missing ${missing.map((c) => `${c.adcode} ${c.name}`).join(', ')}`);
  const total = Object.values(counties).reduce((s, c) => s + c.residents, 0);
  if (total !== CITY_RESIDENTS_2020) throw new Error(`${file}: the 12 figures add up to ${total}, not the published city total ${CITY_RESIDENTS_2020}`);
  const ordered = Object.fromEntries(COUNTIES.map((c) => [c.adcode, counties[c.adcode]!]));
  const population: Population = { kind: '常住人口', referenceDate: '2020-11-01', source: POPULATION_SOURCE, total, counties: ordered };
  parsePopulation(population);
  return `${JSON.stringify(population, null, 2)}\n`;
}

function main(): void {
  const check = process.argv.includes('--check');
  const target = relative(ROOT, POPULATION_PATH);
  if (!existsSync(CENSUS_PATH)) {
    console.error(
      `data:population: the census table is missing: ${relative(ROOT, CENSUS_PATH)} (resolved to ${CENSUS_PATH}).\n` +
        `It is needed to regenerate ${target}; the committed file was left unchanged.`,
    );
    process.exit(2);
  }
  const text = buildPopulation(readFileSync(CENSUS_PATH, 'utf8'), relative(ROOT, CENSUS_PATH));
  const current = existsSync(POPULATION_PATH) ? readFileSync(POPULATION_PATH, 'utf8') : null;
  console.log(`12 county-level units, ${CITY_RESIDENTS_2020.toLocaleString('en')} residents at 2020-11-01`);
  if (check) {
    if (current !== text) {
      console.error(`${target}: differs from a fresh run; run npm run data:population`);
      process.exit(1);
    }
    console.log(`${target}: up to date`);
    return;
  }
  writeFileSync(POPULATION_PATH, text);
  console.log(`wrote ${target}${current === text ? ', unchanged' : ''}`);
}

runAsMain(import.meta.url, main);
