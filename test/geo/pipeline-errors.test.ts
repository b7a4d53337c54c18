import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildGeo, sourceMapDir } from '../../scripts/build-geo.ts';

const root = join(import.meta.dirname, '../..');
const zonesFile = JSON.parse(readFileSync(join(root, 'data/zones.json'), 'utf8'));
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'geo-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function withZones(mutate: (z: typeof zonesFile) => void): string {
  const copy = structuredClone(zonesFile);
  mutate(copy);
  const path = join(tempDir(), 'zones.json');
  writeFileSync(path, JSON.stringify(copy));
  return path;
}

describe('build:geo rejects bad input with the file and the reason', () => {
  it('a county in two zones', () => {
    const path = withZones((z) => z.zones[3].counties.push('长子县'));
    expect(() => buildGeo(sourceMapDir(), path)).toThrow(/zones\.json: 长子县 is in both 城郊休闲乡村片区 and 太岳生态康养片区/);
  });

  it('a county in no zone', () => {
    const path = withZones((z) => z.zones[0].counties.pop());
    expect(() => buildGeo(sourceMapDir(), path)).toThrow(/counties in no zone: 长子县/);
  });

  it('an unknown county name', () => {
    const path = withZones((z) => (z.zones[1].counties[0] = '长治县'));
    expect(() => buildGeo(sourceMapDir(), path)).toThrow(/names unknown county 长治县/);
  });

  it('a model that is not in the zone text', () => {
    const path = withZones((z) => z.zones[1].models.push({ name: '村企联创型', county: null }));
    expect(() => buildGeo(sourceMapDir(), path)).toThrow(/model 村企联创型 is not in its text/);
  });

  it('a boundary source missing a county', () => {
    const dir = tempDir();
    cpSync(sourceMapDir(), dir, { recursive: true });
    const file = join(dir, '140400.json');
    const fc = JSON.parse(readFileSync(file, 'utf8'));
    fc.features = fc.features.filter((f: { properties: { adcode: number } }) => f.properties.adcode !== 140425);
    writeFileSync(file, JSON.stringify(fc));
    expect(() => buildGeo(dir, join(root, 'data/zones.json'))).toThrow(/140400\.json: has 11 features, expected 12/);
  });

  it('a self-intersecting county polygon', () => {
    const dir = tempDir();
    cpSync(sourceMapDir(), dir, { recursive: true });
    const file = join(dir, '140400.json');
    const fc = JSON.parse(readFileSync(file, 'utf8'));
    const ring: number[][] = fc.features[0].geometry.coordinates[0][0];
    const mid = Math.floor(ring.length / 2);
    [ring[1], ring[mid]] = [ring[mid]!, ring[1]!]; // two long edges across the county: a bow tie
    writeFileSync(file, JSON.stringify(fc));
    expect(() => buildGeo(dir, join(root, 'data/zones.json'))).toThrow(/140400\.json: 潞州区: .*self-intersection/);
  });
});
