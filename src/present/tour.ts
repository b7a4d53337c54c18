import { bbox, featureCollection } from '@turf/turf';
import { areaCard, byInvestmentDescending } from '../analysis/areaCard.ts';
import { aggregateMatching, type AreaStats } from '../analysis/aggregate.ts';
import { describeFilters } from '../analysis/describeFilters.ts';
import type { GeoUnits } from '../analysis/explore.ts';
import { projectMatcher, withoutPlaceFilters, type Filters } from '../analysis/filters.ts';
import { formatYi } from '../analysis/format.ts';
import { METRIC_LABEL, METRIC_UNIT, metricFormat, metricValue, type Metric } from '../analysis/metric.ts';
import { rankDescending } from '../analysis/rank.ts';
import { AS_OF_YEARS, constructionYears, investmentByYear, peakYear, underConstruction } from '../analysis/years.ts';
import { CATEGORY_LABEL, type LocatedProject } from '../data/project.ts';
import { cityInvestment, countOnce } from '../data/totals.ts';
import { numberedBadges, type Badge } from '../analysis/badges.ts';
import type { GeoBundle } from '../geo/types.ts';

export type Box = [number, number, number, number];

export interface TourFigure {
  label: string;
  value: string;
  unit: string;
}

export interface TourRow {
  rank: number;
  name: string;
  value: string;
  unit: string;
  /** A second line: category and counties, or why a project has no point. */
  detail: string | null;
}

export type { Badge as TourAnnotation } from '../analysis/badges.ts';

export type TourStepKind = 'overview' | 'zone' | 'ranking' | 'largest' | 'construction';

export interface TourStep {
  kind: TourStepKind;
  title: string;
  subtitle: string | null;
  figures: TourFigure[];
  /** A ranked list (counties by density, largest projects); [] for other steps. */
  rows: TourRow[];
  /** What the camera frames. */
  box: Box;
  /** Counties kept bright; the others are faded. [] fades none. */
  focusCounties: string[];
  /** Zone drawn emphasised, or null. */
  zone: string | null;
  /** Projects ringed on the map. */
  projects: string[];
  /** Numbered badges on the map (ranks), one per project. */
  annotations: Badge[];
  /** Ranks written before the county names (adcode → rank), or null. */
  countyRanks: Record<string, number> | null;
}

/** How many largest projects the last step shows. */
export const LARGEST = 10;

export { clampStep, tourStepCount } from './steps.ts';

const asBox = (b: number[]): Box => [b[0]!, b[1]!, b[2]!, b[3]!];

/** A box grown by `fraction` of its size on every side: room for the badges beside the outermost points. */
export function withMargin(b: Box, fraction: number): Box {
  const dx = (b[2] - b[0]) * fraction;
  const dy = (b[3] - b[1]) * fraction;
  return [b[0] - dx, b[1] - dy, b[2] + dx, b[3] + dy];
}

/** A box at least `min` degrees wide and high, so one point (or a few on one spot) is not framed at street level. */
export function atLeast(b: Box, min = 0.3): Box {
  const grow = (lo: number, hi: number): [number, number] => {
    const pad = Math.max(0, (min - (hi - lo)) / 2);
    return [lo - pad, hi + pad];
  };
  const [w, e] = grow(b[0], b[2]);
  const [s, n] = grow(b[1], b[3]);
  return [w, s, e, n];
}

/**
 * The presenter's story, built from the same figures as the explorer: the
 * city's map of the chosen metric → each 美丽乡村 zone → the 12 counties
 * ranked by the metric → the largest projects (each real project once) →
 * the projects under construction in one year (在建年份, or the year with
 * the most investment when none is chosen).
 * County and zone filters are left out (the tour walks the areas itself);
 * any other filter applies and is named in every step's subtitle.
 */
export function buildTour(
  projects: readonly LocatedProject[],
  geo: GeoBundle,
  units: GeoUnits,
  filters: Filters,
  metric: Metric = 'density',
): TourStep[] {
  const base = withoutPlaceFilters(filters);
  const countyNames = new Map(geo.counties.features.map((f) => [f.properties.adcode, f.properties.name]));
  const filterText = describeFilters(base, countyNames).join('；');
  const scope = (s: string | null) => [s, filterText ? `筛选：${filterText}` : null].filter(Boolean).join(' · ') || null;
  const { filtered, aggregation: agg } = aggregateMatching(projects, units.counties, units.zones, projectMatcher(base, units.zoneCounties));
  const cityBox = asBox(bbox(geo.city));
  const steps: TourStep[] = [];
  const label = METRIC_LABEL[metric];
  const unit = METRIC_UNIT[metric];
  const format = metricFormat(metric);
  const figure = (s: AreaStats): TourFigure => {
    const v = metricValue(s, metric);
    return { label, value: v === null ? '—' : format(v), unit: v === null ? '' : unit };
  };
  const cityFigure: TourFigure | null =
    metric === 'density'
      ? { label, value: format(agg.cityDensity), unit }
      : metric === 'percapita' && agg.cityPerCapita !== null
        ? { label, value: format(agg.cityPerCapita), unit }
        : null;

  steps.push({
    kind: 'overview',
    title: `长治市 · ${label}`,
    subtitle: scope(`${geo.counties.features.length} 个县区 · 美丽乡村四片区`),
    figures: [
      { label: '项目', value: String(agg.projectCount), unit: '项' },
      { label: '总投资', value: formatYi(agg.total), unit: '亿元' },
      ...(cityFigure ? [cityFigure] : []),
      ...(agg.unknown.count > 0 ? [{ label: '未列投资额', value: String(agg.unknown.count), unit: '项' }] : []),
    ],
    rows: [],
    box: cityBox,
    focusCounties: [],
    zone: null,
    projects: [],
    annotations: [],
    countyRanks: null,
  });

  for (const z of geo.zones.features) {
    const card = areaCard(projects, units, base, { kind: 'zone', key: z.properties.name });
    if (!card) continue;
    const s = card.stats;
    steps.push({
      kind: 'zone',
      title: z.properties.name,
      subtitle: scope(`${z.properties.countyNames.join('、')} · ${z.properties.theme}`),
      figures: [
        { label: '项目', value: String(s.count), unit: '项' },
        { label: '投资', value: formatYi(s.total), unit: '亿元' },
        ...(metric === 'count' || metric === 'total' ? [] : [figure(s)]),
        { label: `${metric === 'density' ? '密度' : label}排名`, value: `${card.ranks[metric]} / ${card.rankedAmong}`, unit: '' },
      ],
      rows: [],
      box: asBox(bbox(z)),
      focusCounties: [...z.properties.counties],
      zone: z.properties.name,
      projects: [],
      annotations: [],
      countyRanks: null,
    });
  }

  const rank = rankDescending(agg.counties, (c) => c.key, (c) => metricValue(c, metric) ?? -Infinity);
  const ranked = [...agg.counties].sort((a, b) => rank.get(a.key)! - rank.get(b.key)! || a.name.localeCompare(b.name, 'zh-CN'));
  const rule = metric === 'count' ? '跨县区项目在所涉县区各计一次' : '跨县区项目在所涉县区间平均分摊';
  steps.push({
    kind: 'ranking',
    title: `${agg.counties.length} 个县区按${label}排名`,
    subtitle: scope(`${unit}${metric === 'percapita' ? '，以 2020年常住人口计' : ''}；${rule}`),
    figures: [],
    rows: ranked.map((c) => {
      const f = figure(c);
      return { rank: rank.get(c.key)!, name: c.name, value: f.value, unit: f.unit, detail: metric === 'count' ? `${formatYi(c.total)} 亿元` : `${c.count} 项` };
    }),
    box: cityBox,
    focusCounties: [],
    zone: null,
    projects: [],
    // The rank goes with the county's name: a badge beside it would push names or figures aside.
    annotations: [],
    countyRanks: Object.fromEntries(ranked.map((c) => [c.key, rank.get(c.key)!])),
  });

  const largest = countOnce(filtered)
    .filter((p) => cityInvestment(p) !== null)
    .sort(byInvestmentDescending)
    .slice(0, LARGEST);
  const located = largest.flatMap((p) => p.locations);
  steps.push({
    kind: 'largest',
    title: `投资最大的 ${largest.length} 个项目`,
    subtitle: scope('计入长治的投资（线路类为境内部分），重复列出的只计一次'),
    figures: [
      {
        label: '合计',
        value: formatYi(largest.reduce((sum, p) => sum + cityInvestment(p)!, 0)),
        unit: '亿元',
      },
    ],
    rows: largest.map((p, i) => ({
      rank: i + 1,
      name: p.displayName,
      value: formatYi(cityInvestment(p)!),
      unit: '亿元',
      detail: p.locations.length === 0 ? `${CATEGORY_LABEL[p.category]} · 全市性，无点位` : CATEGORY_LABEL[p.category],
    })),
    box:
      located.length > 0
        ? withMargin(atLeast(asBox(bbox(featureCollection(located.map((l) => ({ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [l.lon, l.lat] } })))))), 0.1)
        : cityBox,
    focusCounties: [],
    zone: null,
    projects: largest.map((p) => p.id),
    annotations: numberedBadges(largest.map((p, i) => ({ number: i + 1, locations: p.locations }))),
    countyRanks: null,
  });

  steps.push(constructionStep(projects, units, base, cityBox, scope));
  return steps;
}

/** The projects under construction in the chosen year, or in the busiest year of the plan period. */
function constructionStep(
  projects: readonly LocatedProject[],
  units: GeoUnits,
  filters: Filters,
  cityBox: Box,
  scope: (s: string | null) => string | null,
): TourStep {
  const selection = countOnce(projects.filter(projectMatcher({ ...filters, asOf: null }, units.zoneCounties)));
  const chart = investmentByYear(selection);
  const year = filters.asOf ?? peakYear(chart) ?? AS_OF_YEARS.first;
  const building = selection.filter((p) => underConstruction(p, year));
  const unknown = selection.filter((p) => constructionYears(p) === null).length;
  const total = building.reduce((s, p) => s + (cityInvestment(p) ?? 0), 0);
  const why = filters.asOf === null ? `${AS_OF_YEARS.first}–${AS_OF_YEARS.last} 年中按均摊投资最多的一年` : null;
  return {
    kind: 'construction',
    title: `${year} 年在建项目`,
    subtitle: scope([why, '建设年限包含该年的项目，投资按建设年限均摊', unknown > 0 ? `未列年份的 ${unknown} 项不在其中` : null].filter(Boolean).join('；')),
    figures: [
      { label: '在建项目', value: String(building.length), unit: '项' },
      { label: '总投资', value: formatYi(total), unit: '亿元' },
      { label: `${year} 年均摊`, value: formatYi(chart.years.find((b) => b.year === year)?.amount ?? 0), unit: '亿元' },
      ...(unknown > 0 ? [{ label: '未列年份', value: String(unknown), unit: '项' }] : []),
    ],
    rows: [],
    box: cityBox,
    focusCounties: [],
    zone: null,
    projects: building.map((p) => p.id),
    annotations: [],
    countyRanks: null,
  };
}
