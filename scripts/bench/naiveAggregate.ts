import { featureCollection, point, pointsWithinPolygon } from '@turf/turf';
import type { LocatedProject } from '../../src/data/project.ts';
import { cityInvestment, countOnce } from '../../src/data/totals.ts';
import type { CountyCollection } from '../../src/geo/types.ts';
import { densityOf, type AreaStats, type ZoneUnit } from '../../src/analysis/aggregate.ts';

/**
 * The baseline the benchmark compares against: what a straightforward app
 * would do on every filter change — run Turf's pointsWithinPolygon for every
 * county over every project point — then allocate as `aggregate` does.
 * Same figures, found the slow way; not used by the app.
 */
export function naiveAggregate(
  projects: readonly LocatedProject[],
  counties: CountyCollection,
  zones: readonly ZoneUnit[],
): { counties: AreaStats[]; zones: AreaStats[] } {
  const counted = countOnce(projects);
  const points = featureCollection(
    counted.flatMap((p) => p.locations.map((l) => point([l.lon, l.lat], { pid: p.id }))),
  );
  const inCounty = new Map<string, Set<string>>();
  for (const c of counties.features) {
    const within = pointsWithinPolygon(points, c);
    inCounty.set(c.properties.adcode, new Set(within.features.map((f) => f.properties.pid as string)));
  }
  const touched = new Map<string, number>();
  for (const ids of inCounty.values()) for (const id of ids) touched.set(id, (touched.get(id) ?? 0) + 1);

  const countyStats = counties.features.map((c): AreaStats => {
    const ids = inCounty.get(c.properties.adcode)!;
    let total = 0;
    let unknownCount = 0;
    for (const p of counted) {
      if (p.scope === 'citywide' || !ids.has(p.id)) continue;
      const v = cityInvestment(p);
      if (v === null) unknownCount++;
      else total += v / touched.get(p.id)!;
    }
    return {
      key: c.properties.adcode,
      name: c.properties.name,
      areaKm2: c.properties.areaKm2,
      count: ids.size,
      total,
      density: densityOf(total, c.properties.areaKm2),
      unknownCount,
      // The bench compares allocation, not the census: no residents on either side.
      population: null,
      perCapita: null,
    };
  });
  const byKey = new Map(countyStats.map((c) => [c.key, c]));
  const zoneStats = zones.map((z): AreaStats => {
    const ids = new Set<string>();
    const unknown = new Set<string>();
    let total = 0;
    for (const c of z.counties) {
      total += byKey.get(c)!.total;
      for (const id of inCounty.get(c)!) ids.add(id);
    }
    for (const p of counted) if (ids.has(p.id) && cityInvestment(p) === null) unknown.add(p.id);
    return { key: z.key, name: z.name, areaKm2: z.areaKm2, count: ids.size, total, density: densityOf(total, z.areaKm2), unknownCount: unknown.size, population: null, perCapita: null };
  });
  return { counties: countyStats, zones: zoneStats };
}
