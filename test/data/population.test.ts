/** data/population.json: the pipeline from the census table, and the app's check of the file. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePopulation } from '../../src/data/population.ts';
import { CENSUS_PATH, buildPopulation } from '../../scripts/population.ts';
import { REPO } from './seedRows.ts';

const HAS_CENSUS = existsSync(CENSUS_PATH);
const committed = readFileSync(join(REPO, 'data/population.json'), 'utf8');
const CSV = [
  'adcode,name,resident_population_2020',
  '140403,潞州区,895280',
  '140404,上党区,319660',
  '140405,屯留区,253756',
  '140406,潞城区,219256',
  '140423,襄垣县,260081',
  '140425,平顺县,115927',
  '140426,黎城县,134186',
  '140427,壶关县,240109',
  '140428,长子县,298690',
  '140429,武乡县,155386',
  '140430,沁县,138578',
  '140431,沁源县,149975',
].join('\n');

describe('data/population.json', () => {
  it('holds the 12 census figures, their sum (the published city total), the source and the date', () => {
    const p = parsePopulation(JSON.parse(committed));
    expect(Object.keys(p.counties)).toHaveLength(12);
    expect(p.counties['140425']).toEqual({ name: '平顺县', residents: 115927 });
    expect(p.total).toBe(3180884);
    expect(p.kind).toBe('常住人口');
    expect(p.referenceDate).toBe('2020-11-01');
    expect(p.source).toContain('第七次全国人口普查');
  });

  it.skipIf(!HAS_CENSUS)('is what the pipeline makes of ../shared/population, and --check says so', () => {
    expect(buildPopulation(readFileSync(CENSUS_PATH, 'utf8'))).toBe(committed);
    const r = spawnSync(join(REPO, 'node_modules/.bin/tsx'), ['scripts/population.ts', '--check'], { cwd: REPO, encoding: 'utf8' });
    expect(r.stdout).toContain('data/population.json: up to date');
    expect(r.status).toBe(0);
  }, 30_000);

  it('the pipeline names the line and field of a bad row, a missing county and a wrong total', () => {
    expect(buildPopulation(CSV)).toBe(committed);
    expect(() => buildPopulation(CSV.replace('115927', '11.5万'))).toThrow('line 7: field resident_population_2020: not a whole number: 11.5万');
    expect(() => buildPopulation(CSV.replace('140425,平顺县', '140425,平顺'))).toThrow('line 7: field name: expected 平顺县');
    expect(() => buildPopulation(CSV.replace(/\n140431.*$/, ''))).toThrow('missing 140431 沁源县');
    expect(() => buildPopulation(CSV.replace('149975', '149976'))).toThrow('add up to 3180885, not the published city total 3180884');
    expect(() => buildPopulation(CSV.replace('140403,', '140400,'))).toThrow('line 2: field adcode: 140400 is not a 长治 county adcode');
  });

  it('the app refuses a file that is not the 12 figures and their sum', () => {
    const good = JSON.parse(committed) as { total: number; counties: Record<string, { residents: unknown }> };
    const bad = (patch: (p: typeof good) => void) => {
      const copy = structuredClone(good);
      patch(copy);
      return () => parsePopulation(copy);
    };
    expect(bad((p) => delete p.counties['140431'])).toThrow('data/population.json: counties.140431: missing (沁源县)');
    expect(bad((p) => (p.counties['140425']!.residents = 0))).toThrow('counties.140425.residents: expected a positive whole number');
    expect(bad((p) => (p.total += 1))).toThrow('total: expected the sum of the counties, 3180884');
    expect(() => parsePopulation([])).toThrow('(root): expected an object');
  });
});
