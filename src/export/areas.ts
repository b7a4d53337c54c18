/**
 * The 表格 tab's figures as files: one row (CSV) or one polygon feature
 * (GeoJSON, for a choropleth in QGIS) per county, then per zone for the CSV,
 * with every metric, its denominators and the share of the counties' sum.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Aggregation, AreaStats } from '../analysis/aggregate.ts';
import { investmentShares } from '../analysis/concentration.ts';
import { METRICS, metricValue } from '../analysis/metric.ts';
import { rankDescending } from '../analysis/rank.ts';
import { roundAmount } from '../data/totals.ts';
import type { GeoBundle } from '../geo/types.ts';
import { columnName } from './csv.ts';
import { writeCsv } from './csvWriter.ts';
import type { Cell } from './fields.ts';

interface AreaField {
  key: string;
  label: string;
  value: (s: AreaStats, ctx: { kind: '县区' | '片区'; share: number | null; rank: Record<string, number> }) => Cell;
}

const round = (n: number | null, decimals: number) => (n === null ? null : Number(n.toFixed(decimals)));

export const AREA_FIELDS: readonly AreaField[] = [
  { key: 'kind', label: '类型', value: (_s, c) => c.kind },
  { key: 'code', label: '代码或名称', value: (s) => s.key },
  { key: 'name', label: '名称', value: (s) => s.name },
  { key: 'area_km2', label: '面积_km2', value: (s) => s.areaKm2 },
  { key: 'residents_2020', label: '2020年常住人口', value: (s) => s.population },
  { key: 'projects', label: '项目数', value: (s) => s.count },
  { key: 'projects_without_amount', label: '其中未列投资额', value: (s) => s.unknownCount },
  { key: 'investment_yi', label: '分摊投资_亿元', value: (s) => roundAmount(s.total) },
  { key: 'share_of_counties', label: '占全市县区合计', value: (_s, c) => round(c.share, 6) },
  { key: 'density_wan_per_km2', label: '投资密度_万元每km2', value: (s) => round(s.density, 2) },
  { key: 'per_capita_yuan', label: '人均投资_元每人', value: (s) => round(s.perCapita, 2) },
  ...METRICS.map((m) => ({ key: `rank_${m}`, label: `排名_${m}`, value: (_s: AreaStats, c: { rank: Record<string, number> }) => c.rank[m] ?? null })),
];

function rows(stats: readonly AreaStats[], kind: '县区' | '片区', shares: Map<string, number | null>) {
  const ranks = Object.fromEntries(METRICS.map((m) => [m, rankDescending(stats, (s) => s.key, (s) => metricValue(s, m) ?? -Infinity)]));
  return stats.map((s) => {
    const ctx = { kind, share: shares.get(s.key) ?? null, rank: Object.fromEntries(METRICS.map((m) => [m, ranks[m]!.get(s.key)!])) };
    return AREA_FIELDS.map((f) => f.value(s, ctx));
  });
}

/**
 * The 12 counties and the zones as CSV (UTF-8 with BOM, CRLF). A zone's share
 * is of the counties' sum too, so the zones' shares add up to 1 as well.
 * Ranks are among areas of the same kind.
 */
export function areasCsv(a: Aggregation): string {
  const counties = investmentShares(a.counties);
  const zoneSum = a.counties.reduce((s, c) => s + c.total, 0);
  const zones = new Map(a.zones.map((z) => [z.key, zoneSum > 0 ? z.total / zoneSum : null]));
  return writeCsv(
    AREA_FIELDS.map((f) => columnName(f.label, f.key)),
    [...rows(a.counties, '县区', counties), ...rows(a.zones, '片区', zones)],
  );
}

/** The 12 counties as polygons (WGS84) carrying the same fields: a choropleth for QGIS. */
export function countiesGeoJson(a: Aggregation, geo: GeoBundle): FeatureCollection<Polygon | MultiPolygon, Record<string, Cell>> {
  const byKey = new Map(a.counties.map((c, i) => [c.key, i]));
  const table = rows(a.counties, '县区', investmentShares(a.counties));
  const features: Feature<Polygon | MultiPolygon, Record<string, Cell>>[] = geo.counties.features.map((f) => {
    const row = table[byKey.get(f.properties.adcode)!]!;
    return {
      type: 'Feature',
      id: f.properties.adcode,
      properties: Object.fromEntries(AREA_FIELDS.map((field, i) => [field.key, row[i] ?? null])),
      geometry: f.geometry,
    };
  });
  return { type: 'FeatureCollection', features };
}
