/**
 * Numbered badges on a map: one per project (the presenter's ten largest, the
 * print sheet's numbered list), so a number on the map finds its row.
 */

import type { Feature, FeatureCollection } from 'geojson';

/** A badge at a spot, with the lines of the line projects it stands for. */
export interface Badge {
  /** The numbers of the projects on this spot, compact: “3”, “1·4”, “2–5·9”. */
  label: string;
  lon: number;
  lat: number;
  /** A project at several places (a line through counties): its points in order, drawn under the badge. */
  lines?: [number, number][][];
}

interface Numbered {
  number: number;
  locations: readonly { lon: number; lat: number }[];
}

/** Numbers as a short label: runs of three or more as ranges, “1–3·5·8·9”. */
export function numberLabel(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${sorted[i]}–${sorted[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return parts.join('·');
}

/**
 * Where a project's one badge goes: at its point; for a project at several
 * places, at the point nearest the middle of them, with the line through them
 * in order (west to east, or south to north, along their longer extent).
 */
export function badgeSpot(locations: readonly { lon: number; lat: number }[]): { lon: number; lat: number; line?: [number, number][] } | null {
  const at = locations.map((l): [number, number] => [l.lon, l.lat]);
  if (at.length === 0) return null;
  if (at.length === 1) return { lon: at[0]![0], lat: at[0]![1] };
  const mid = [at.reduce((s, c) => s + c[0], 0) / at.length, at.reduce((s, c) => s + c[1], 0) / at.length] as const;
  const d = (c: [number, number]) => Math.hypot(c[0] - mid[0], c[1] - mid[1]);
  const [lon, lat] = at.reduce((best, c) => (d(c) < d(best) ? c : best));
  const span = (i: 0 | 1) => Math.max(...at.map((c) => c[i])) - Math.min(...at.map((c) => c[i]));
  const axis = span(0) >= span(1) ? 0 : 1;
  return { lon, lat, line: [...at].sort((a, b) => a[axis] - b[axis]) };
}

/** One badge per numbered project with a point; projects on one spot share a badge. */
export function numberedBadges(items: readonly Numbered[]): Badge[] {
  const bySpot = new Map<string, { lon: number; lat: number; numbers: number[]; lines: [number, number][][] }>();
  for (const item of items) {
    const spot = badgeSpot(item.locations);
    if (!spot) continue;
    const key = `${spot.lon.toFixed(5)},${spot.lat.toFixed(5)}`;
    const there = bySpot.get(key) ?? { lon: spot.lon, lat: spot.lat, numbers: [], lines: [] };
    there.numbers.push(item.number);
    if (spot.line) there.lines.push(spot.line);
    bySpot.set(key, there);
  }
  return [...bySpot.values()].map((b) => ({ label: numberLabel(b.numbers), lon: b.lon, lat: b.lat, ...(b.lines.length > 0 ? { lines: b.lines } : {}) }));
}

/** Badges as map features: each line project's line, then the badges (points with a `label`). */
export function badgeFeatures(badges: readonly Badge[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [
      ...badges.flatMap((b) => (b.lines ?? []).map((line): Feature => ({ type: 'Feature', properties: { label: b.label }, geometry: { type: 'LineString', coordinates: line } }))),
      ...badges.map((b): Feature => ({ type: 'Feature', properties: { label: b.label }, geometry: { type: 'Point', coordinates: [b.lon, b.lat] } })),
    ],
  };
}
