import type { FeatureCollection, Point } from 'geojson';
import type { Category, LocatedProject, Precision } from '../data/project.ts';
import { cityInvestment } from '../data/totals.ts';
import { placeLabel } from './places.ts';

export interface PointProperties {
  /** Project id. */
  pid: string;
  name: string;
  category: Category;
  precision: Precision;
  /** The place the location was matched to (青羊镇), for “位置精度：乡镇级（青羊镇）”. */
  place: string;
  county: string;
  /** This point's share of the project's investment, 亿元 (0 when unknown). */
  amount: number;
  /** 1 when the project has an investment figure, 0 when not (drawn hollow). */
  known: 0 | 1;
}

/**
 * One point per project location. A project at several places (a railway
 * through 3 counties) splits its investment evenly across its points, so
 * cluster sums and point sizes add up to the project's figure, not 3 times it.
 */
export function projectPoints(projects: readonly LocatedProject[]): FeatureCollection<Point, PointProperties> {
  const features: FeatureCollection<Point, PointProperties>['features'] = [];
  for (const p of projects) {
    const amount = cityInvestment(p);
    const n = p.locations.length;
    p.locations.forEach((l) => {
      features.push({
        type: 'Feature',
        id: features.length,
        geometry: { type: 'Point', coordinates: [l.lon, l.lat] },
        properties: {
          pid: p.id,
          name: p.displayName,
          category: p.category,
          precision: l.precision,
          place: placeLabel(l),
          county: l.county,
          amount: amount === null ? 0 : amount / n,
          known: amount === null ? 0 : 1,
        },
      });
    });
  }
  return { type: 'FeatureCollection', features };
}
