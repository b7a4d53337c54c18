import { CATEGORIES, finerThan, PRECISIONS, type Category, type LocatedProject, type Precision } from '../data/project.ts';
import { cityInvestment, countOnce } from '../data/totals.ts';
import { aggregateMatching, type AreaStats } from './aggregate.ts';
import { countyShares } from './allocate.ts';
import type { GeoUnits } from './explore.ts';
import { activeFilterCount, projectMatcher, withoutPlaceFilters, type Filters } from './filters.ts';
import { metricValue, type Metric } from './metric.ts';
import { rankDescending } from './rank.ts';

/** Location precisions better than “somewhere in the county”: site, village, township and the central city. */
export const BETTER_THAN_COUNTY: readonly Precision[] = PRECISIONS.filter((p) => finerThan(p, 'county'));

/** Rank by each metric (1 is the highest); areas without a figure (no population) rank last. */
export type Ranks = Record<Metric, number>;

export interface CategorySlice {
  category: Category;
  /** Projects of the category in the area, each real project once. */
  count: number;
  /** Investment of the category allocated to the area, 亿元 (same rule as the map). */
  total: number;
  /** Projects of the category without an investment figure. */
  unknownCount: number;
}

export interface MemberStats extends AreaStats {
  /** Rank among the 12 counties, under the same filters. */
  ranks: Ranks;
}

export interface AreaCardFigures {
  kind: 'county' | 'zone';
  stats: AreaStats;
  /** Ranks among the units of the same kind (12 counties or 4 zones): 1 is the highest. */
  ranks: Ranks;
  /** How many units were ranked. */
  rankedAmong: number;
  /** The zone a county belongs to; null for zones. */
  zone: string | null;
  /** For a zone, its member counties with their figures and ranks among the 12. */
  members: MemberStats[];
  categories: CategorySlice[];
  /** Projects located inside the area better than county precision, of `stats.count`. */
  precise: number;
  /** The area's projects, each real project once, largest investment first (unknown last). */
  projects: LocatedProject[];
  /** True when filters other than county and zone are on: figures and ranks are for them. */
  otherFilters: boolean;
}

/** Which card the filters call for: one county alone, or a zone with no county chosen. */
export function cardTarget(f: Filters): { kind: 'county'; key: string } | { kind: 'zone'; key: string } | null {
  if (f.counties.length === 1) return { kind: 'county', key: f.counties[0]! };
  if (f.counties.length === 0 && f.zone !== null) return { kind: 'zone', key: f.zone };
  return null;
}

function ranksOf(all: readonly AreaStats[], key: string): Ranks {
  const rank = (m: Metric) => rankDescending(all, (s) => s.key, (s) => metricValue(s, m) ?? -Infinity).get(key)!;
  return { density: rank('density'), total: rank('total'), percapita: rank('percapita'), count: rank('count') };
}

/** Largest city investment first; projects without a figure last; ties by id. */
export function byInvestmentDescending(a: LocatedProject, b: LocatedProject): number {
  const x = cityInvestment(a);
  const y = cityInvestment(b);
  if (x !== y) {
    if (x === null) return 1;
    if (y === null) return -1;
    return y - x;
  }
  return a.id.localeCompare(b.id);
}

/**
 * Everything a county or zone card shows, from the same aggregation the map
 * and the 表格 tab use, under the current filters less county and zone: the
 * card's figures are the table's row, its ranks the table's ranks.
 * Returns null when the area is unknown.
 */
export function areaCard(
  projects: readonly LocatedProject[],
  units: GeoUnits,
  filters: Filters,
  target: { kind: 'county' | 'zone'; key: string },
): AreaCardFigures | null {
  const base = withoutPlaceFilters(filters);
  const { filtered, aggregation: agg } = aggregateMatching(projects, units.counties, units.zones, projectMatcher(base, units.zoneCounties));
  const all = target.kind === 'county' ? agg.counties : agg.zones;
  const stats = all.find((s) => s.key === target.key);
  if (!stats) return null;
  const memberKeys = new Set(target.kind === 'county' ? [target.key] : units.zoneCounties(target.key));

  const slices = new Map(CATEGORIES.map((c) => [c, { category: c, count: 0, total: 0, unknownCount: 0 }]));
  const inArea: LocatedProject[] = [];
  let precise = 0;
  for (const p of countOnce(filtered)) {
    const share = countyShares(p)
      .filter((s) => memberKeys.has(s.county))
      .reduce((sum, s) => sum + s.share, 0);
    if (share === 0) continue;
    inArea.push(p);
    const slice = slices.get(p.category)!;
    slice.count++;
    const amount = cityInvestment(p);
    if (amount === null) slice.unknownCount++;
    else slice.total += amount * share;
    if (p.locations.some((l) => memberKeys.has(l.county) && BETTER_THAN_COUNTY.includes(l.precision))) precise++;
  }

  const zone = target.kind === 'county' ? units.zones.find((z) => z.counties.includes(target.key))?.name ?? null : null;
  const members =
    target.kind === 'zone'
      ? agg.counties.filter((c) => memberKeys.has(c.key)).map((c) => ({ ...c, ranks: ranksOf(agg.counties, c.key) }))
      : [];

  return {
    kind: target.kind,
    stats,
    ranks: ranksOf(all, target.key),
    rankedAmong: all.length,
    zone,
    members,
    categories: [...slices.values()].filter((s) => s.count > 0),
    precise,
    projects: inArea.sort(byInvestmentDescending),
    otherFilters: activeFilterCount(base) > 0,
  };
}
