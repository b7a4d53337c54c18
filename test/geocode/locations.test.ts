/**
 * The committed data/locations.json against data/projects.json and the county
 * polygons (no gazetteer needed), then, where ../shared/gazetteer is present,
 * against a fresh in-memory run of the geocoder, byte for byte.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon, distance, point } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { PRECISIONS, type LocationMethod, type LocationsById, type Project } from '../../src/data/project.ts';
import { FILES, loadContext, runGeocode } from '../../scripts/geocode.ts';
import { HAS_GAZETTEER, HAS_PROJECTS, NEEDS_GAZETTEER, NEEDS_PROJECTS, ROOT, readCity, readCounties } from './support.ts';

const METHODS: LocationMethod[] = ['gazetteer', 'seat', 'parent', 'manual', 'county'];

function read(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8');
}

describe(`${FILES.locations}${NEEDS_PROJECTS}`, () => {
  const t = it.skipIf(!HAS_PROJECTS);
  const projects: Project[] = HAS_PROJECTS ? JSON.parse(read(FILES.projects)) : [];
  const text = HAS_PROJECTS ? read(FILES.locations) : '{}';
  const locations: LocationsById = JSON.parse(text);
  const counties = readCounties();
  const byCode = new Map(counties.features.map((f) => [f.properties.adcode, f]));
  const citySeat = readCity().features[0]!.properties.seat;
  const all = Object.entries(locations).flatMap(([id, ls]) => ls.map((l) => ({ id, ...l })));

  t('has one entry per project, in the order of projects.json, in stable formatting', () => {
    expect(Object.keys(locations)).toEqual(projects.map((p) => p.id));
    expect(text).toBe(`${JSON.stringify(locations, null, 2)}\n`);
  });

  t('gives every local and multi-county project a location in each of its counties, and citywide ones none', () => {
    for (const p of projects) {
      const ls = locations[p.id]!;
      if (p.scope === 'citywide') {
        expect(ls, p.id).toEqual([]);
        continue;
      }
      expect(ls.length, p.id).toBeGreaterThan(0);
      expect([...new Set(ls.map((l) => l.county))].sort(), p.id).toEqual([...p.counties].sort());
    }
  });

  t('puts every point inside its own county polygon', () => {
    for (const l of all) {
      const f = byCode.get(l.county);
      expect(f, `${l.id} county ${l.county}`).toBeDefined();
      expect(booleanPointInPolygon(point([l.lon, l.lat]), f!), `${l.id} ${l.matched} (${l.lon}, ${l.lat})`).toBe(true);
    }
  });

  t('labels every point with a precision, a method that fits it, what was matched, and why when it is not a plain match', () => {
    for (const l of all) {
      const where = `${l.id} ${l.matched}`;
      expect(PRECISIONS, where).toContain(l.precision);
      expect(METHODS, where).toContain(l.method);
      expect(l.matched.length, where).toBeGreaterThan(0);
      expect(Object.keys(l), where).toEqual(['id', 'county', 'lon', 'lat', 'precision', 'method', 'matched', 'town', 'village', 'placeClass', 'note']);
      if (l.method !== 'gazetteer') expect(l.note, where).toBeTruthy();
      if (l.method === 'parent') expect(l.precision, where).toBe('township');
      // A seat is a township's (the county town) or, in the urban district, only the central city's.
      if (l.method === 'seat') expect(l.precision, where).toBe(l.county === '140403' ? 'urban' : 'township');
      if (l.precision === 'urban') expect([l.method, l.placeClass, l.county], where).toEqual(['seat', 'seat', '140403']);
      if (l.method === 'gazetteer') expect(['village', 'township'], where).toContain(l.precision);
      if (l.method === 'county') expect(l.precision, where).toBe('county');
      if (l.method === 'manual') expect(l.note, where).toMatch(/^人工核定：.+（来源：.+）$/);
      if (l.precision === 'site') expect(l.method, `${where}: site precision needs a reviewed override`).toBe('manual');
      // Six decimals (0.1 m): no float noise in the committed file.
      expect(Math.round(l.lon * 1e6) / 1e6, where).toBe(l.lon);
      expect(Math.round(l.lat * 1e6) / 1e6, where).toBe(l.lat);
    }
  });

  t('puts seat and county fallbacks exactly on the seat or label point, unjittered', () => {
    for (const l of all) {
      const f = byCode.get(l.county)!.properties;
      if (l.method === 'county') expect([l.lon, l.lat], l.id).toEqual(f.labelPoint);
      if (l.method === 'seat') {
        const at = [l.lon, l.lat];
        expect(l.matched === '长治市人民政府驻地' ? citySeat : f.seat, l.id).toEqual(at);
      }
    }
  });

  t('places well over half of the local projects better than county precision', () => {
    const local = projects.filter((p) => p.scope === 'local');
    const better = local.filter((p) => locations[p.id]!.some((l) => l.precision !== 'county' && l.precision !== 'city'));
    expect(better.length / local.length).toBeGreaterThan(0.6);
  });
});

describe(`the geocoder rebuilt in memory${NEEDS_PROJECTS || NEEDS_GAZETTEER}`, () => {
  const t = it.skipIf(!HAS_PROJECTS || !HAS_GAZETTEER);
  const loaded = HAS_PROJECTS && HAS_GAZETTEER ? loadContext(ROOT) : null;

  t(`reproduces ${FILES.locations} byte for byte, run after run`, () => {
    const a = runGeocode(loaded!.projects, loaded!.ctx);
    const b = runGeocode(loaded!.projects, loaded!.ctx);
    expect(a.text).toBe(b.text);
    expect(a.text, `${FILES.locations} is stale: run npm run data:geocode`).toBe(read(FILES.locations));
  });

  t('puts township-precision points on their township centre, and seats within 3 km of the seat town’s centre', () => {
    const { ctx, projects } = loaded!;
    const run = runGeocode(projects, ctx);
    const towns = ctx.gazetteer.towns.filter((x) => x.point);
    for (const r of run.results) {
      for (const l of r.locations) {
        if (l.precision !== 'township') continue;
        const at: [number, number] = [l.lon, l.lat];
        const here = towns.filter((x) => x.county === l.county);
        if (l.method === 'seat') {
          const nearest = Math.min(...here.map((x) => distance(at, x.point!)));
          expect(nearest, `${r.id} ${l.matched}`).toBeLessThan(3);
        } else {
          const town = here.find((x) => x.name === l.town);
          expect(town, `${r.id}: ${l.town} is no township of ${l.county}`).toBeDefined();
          expect(l.matched.startsWith(l.town!), `${r.id}: matched shows the township`).toBe(true);
          expect(distance(at, town!.point!), `${r.id} ${l.matched}`).toBeLessThan(0.01);
        }
      }
    }
  });

  t('puts village-precision points on a gazetteer village of their county', () => {
    const { ctx, projects } = loaded!;
    const run = runGeocode(projects, ctx);
    for (const r of run.results) {
      for (const l of r.locations.filter((x) => x.precision === 'village')) {
        const v = ctx.gazetteer.villages.find((x) => x.county === l.county && x.point && x.point[0] === l.lon && x.point[1] === l.lat);
        expect(v, `${r.id} ${l.matched}`).toBeDefined();
        expect([l.town, l.village, l.placeClass]).toEqual([v!.town!.name, v!.name, v!.cls === 'community' ? 'community' : 'village']);
        expect(l.matched).toBe(`${l.town}${l.village}`);
      }
    }
  });
});
