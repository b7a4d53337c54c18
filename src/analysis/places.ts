import type { FeatureCollection, Point } from 'geojson';
import type { LocatedProject, ProjectLocation } from '../data/project.ts';
import { idsKey, type Keyed } from './keyed.ts';

/** True when the point is a gazetteer place's centre (a village, 社区 or township), not a seat, a county or a site. */
export function isGazetteerPlace(l: Pick<ProjectLocation, 'placeClass'>): boolean {
  return l.placeClass !== 'seat' && l.placeClass !== 'county' && l.placeClass !== 'site';
}

/** The place a location's point stands for, without remarks: 集店乡辛村, 青羊镇, 平顺县人民政府驻地. */
export function placeLabel(l: Pick<ProjectLocation, 'matched' | 'town' | 'village' | 'placeClass'>): string {
  if ((l.placeClass === 'village' || l.placeClass === 'community') && l.town && l.village) return `${l.town}${l.village}`;
  return l.town ?? l.matched;
}

/**
 * Township and village names that carry projects, one label per spot, for
 * the map at closer zoom. Seat and county-level points are not places, nor
 * are reviewed overrides (their place is named in the detail).
 */
export function projectPlaces(projects: readonly LocatedProject[]): Keyed<FeatureCollection<Point, { name: string }>> {
  const seen = new Map<string, { name: string; coordinates: [number, number] }>();
  for (const p of projects) {
    for (const l of p.locations) {
      if (!isGazetteerPlace(l) || l.method === 'manual') continue;
      const key = `${l.lon},${l.lat}`;
      if (!seen.has(key)) seen.set(key, { name: placeLabel(l), coordinates: [l.lon, l.lat] });
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
