/**
 * Resident population (常住人口) of the 12 county-level units at the 2020
 * census: data/population.json, written by scripts/population.ts from
 * ../shared/population/. The denominator of 人均投资. Shared by the pipeline
 * and the app.
 */
import { COUNTIES, isCountyAdcode } from '../geo/countyCodes.ts';

export interface Population {
  /** What is counted: 常住人口 (resident), not 户籍 (registered) population. */
  kind: '常住人口';
  /** The census reference date, ISO. */
  referenceDate: string;
  /** The citation the app shows. */
  source: string;
  /** Sum of the 12 figures: the city total the source publishes. */
  total: number;
  /** adcode -> residents, one entry per county-level unit. */
  counties: Record<string, { name: string; residents: number }>;
}

/** 长治市's resident population at the 7th census (山西省第七次全国人口普查公报（第二号）). */
export const CITY_RESIDENTS_2020 = 3_180_884;

export const POPULATION_SOURCE = '第七次全国人口普查（2020-11-01）常住人口，长治市统计局公报，经 citypopulation.de 整理';

export class PopulationError extends Error {
  constructor(file: string, where: string, reason: string) {
    super(`${file}: ${where}: ${reason}`);
    this.name = 'PopulationError';
  }
}

/** Checks data/population.json and returns it typed; throws naming the file, the entry and the reason. */
export function parsePopulation(json: unknown, file = 'data/population.json'): Population {
  const fail = (where: string, reason: string): never => {
    throw new PopulationError(file, where, reason);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail('(root)', 'expected an object');
  const p = json as Record<string, unknown>;
  if (p.kind !== '常住人口') fail('kind', `expected 常住人口, got ${JSON.stringify(p.kind)}`);
  if (typeof p.referenceDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(p.referenceDate)) fail('referenceDate', 'expected an ISO date');
  if (typeof p.source !== 'string' || p.source.trim() === '') fail('source', 'expected the citation');
  if (typeof p.counties !== 'object' || p.counties === null || Array.isArray(p.counties)) fail('counties', 'expected an object keyed by adcode');
  const counties = p.counties as Record<string, unknown>;
  for (const key of Object.keys(counties)) if (!isCountyAdcode(key)) fail(`counties.${key}`, 'not a 长治 county adcode');
  let sum = 0;
  for (const c of COUNTIES) {
    const entry = counties[c.adcode] as Record<string, unknown> | undefined;
    if (entry === undefined) fail(`counties.${c.adcode}`, `missing (${c.name})`);
    if (entry!.name !== c.name) fail(`counties.${c.adcode}.name`, `expected ${c.name}, got ${JSON.stringify(entry!.name)}`);
    const n = entry!.residents;
    if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) fail(`counties.${c.adcode}.residents`, `expected a positive whole number, got ${JSON.stringify(n)}`);
    sum += n as number;
  }
  if (p.total !== sum) fail('total', `expected the sum of the counties, ${sum}, got ${JSON.stringify(p.total)}`);
  return json as Population;
}

/** adcode -> residents. */
export function residentsByCounty(p: Population): Map<string, number> {
  return new Map(Object.entries(p.counties).map(([k, v]) => [k, v.residents]));
}
