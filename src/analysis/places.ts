import type { FeatureCollection, Point } from 'geojson';
import type { LocatedProject } from '../data/project.ts';
import { idsKey, type Keyed } from './keyed.ts';

/** The place name a location was matched to, without the parenthesised remarks. */
export function placeName(matched: string): string {
  return matched.split(/[\s(（]/u)[0] ?? matched;
}

/**
 * Township and village names that carry projects, one label per spot, for
 * the map at closer zoom. Seat and county-level points are not places.
 */
export function projectPlaces(projects: readonly LocatedProject[]): Keyed<FeatureCollection<Point, { name: string }>> {
  const seen = new Map<string, { name: string; coordinates: [number, number] }>();
  for (const p of projects) {
    for (const l of p.locations) {
      if (l.method !== 'gazetteer' && l.method !== 'parent') continue;
      const key = `${l.lon},${l.lat}`;
      if (!seen.has(key)) seen.set(key, { name: placeName(l.matched), coordinates: [l.lon, l.lat] });
    }
  }
  return {
    key: idsKey('places', projects.map((p) => p.id)),
    data: {
      type: 'FeatureCollection',
      features: [...seen.values()].map((s) => ({
        type: 'Feature',
        properties: { name: s.name },
        geometry: { type: 'Point', coordinates: s.coordinates },
      })),
    },
  };
}
