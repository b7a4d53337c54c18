/**
 * data/geocode-overrides.json: reviewed placements for what the parser cannot
 * resolve on its own (a landmark whose town is known, a place named only in a
 * project's name). Each names a gazetteer place where it can, or gives
 * coordinates, and always its reason and its source: no coordinate without a
 * source.
 */
import { readFileSync } from 'node:fs';
import { PRECISIONS, type Precision } from '../../src/data/project.ts';
import { errorMessage } from '../../src/errorMessage.ts';

export interface GeocodeOverride {
  /** Project id (A2-09). */
  id: string;
  /** Today's county adcode; required for multi-county projects, else the project's county. */
  county?: string;
  /** A gazetteer township or village name (桥上乡, 四方山村), or the place the coordinates are of. */
  place: string;
  /** WGS84, only with a source that gives them; prefer naming a gazetteer place. */
  lon?: number;
  lat?: number;
  /** The precision the override claims; checked against what `place` resolves to. */
  precision: Precision;
  /** Why this place: the reasoning a reviewer can check. */
  reason: string;
  /** Where the fact comes from: the plan's own text (annex, row), a gazetteer row, a public page. */
  source: string;
}

export class OverrideError extends Error {
  constructor(file: string, what: string) {
    super(`${file}: ${what}`);
    this.name = 'OverrideError';
  }
}

const KEYS = new Set(['id', 'county', 'place', 'lon', 'lat', 'precision', 'reason', 'source']);

/** Reads and checks the shape of the overrides file; the engine checks them against projects and gazetteer. */
export function readOverrides(path: string): GeocodeOverride[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new OverrideError(path, `cannot be read as JSON (${errorMessage(err)})`);
  }
  if (!Array.isArray(data)) throw new OverrideError(path, 'must be a JSON array of overrides');
  return data.map((raw, i) => {
    const where = `entry ${i}`;
    if (typeof raw !== 'object' || raw === null) throw new OverrideError(path, `${where} is not an object`);
    const o = raw as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (!KEYS.has(k)) throw new OverrideError(path, `${where} has unknown key "${k}"`);
    }
    const str = (k: string, required: boolean): string | undefined => {
      const v = o[k];
      if (v === undefined && !required) return undefined;
      if (typeof v !== 'string' || v.trim() === '') throw new OverrideError(path, `${where} (${String(o.id)}): "${k}" must be a non-empty string`);
      return v;
    };
    const id = str('id', true)!;
    const override: GeocodeOverride = {
      id,
      place: str('place', true)!,
      precision: str('precision', true) as Precision,
      reason: str('reason', true)!,
      source: str('source', true)!,
    };
    const county = str('county', false);
    if (county !== undefined) override.county = county;
    if (!PRECISIONS.includes(override.precision)) {
      throw new OverrideError(path, `${where} (${id}): precision "${override.precision}" is not one of ${PRECISIONS.join(', ')}`);
    }
    const hasLon = o.lon !== undefined;
    const hasLat = o.lat !== undefined;
    if (hasLon !== hasLat) throw new OverrideError(path, `${where} (${id}): give both lon and lat or neither`);
    if (hasLon) {
      if (typeof o.lon !== 'number' || typeof o.lat !== 'number' || !Number.isFinite(o.lon) || !Number.isFinite(o.lat)) {
        throw new OverrideError(path, `${where} (${id}): lon and lat must be numbers`);
      }
      override.lon = o.lon;
      override.lat = o.lat;
    }
    return override;
  });
}
