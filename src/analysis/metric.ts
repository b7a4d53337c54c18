/**
 * The four figures the choropleth, the 表格 tab, the cards and the tour can
 * compare areas by: their names, units, formats and values.
 */
import type { AreaStats } from './aggregate.ts';
import { formatDensity, formatPerCapita, formatYi } from './format.ts';

export const METRICS = ['density', 'total', 'percapita', 'count'] as const;
export type Metric = (typeof METRICS)[number];

export const METRIC_LABEL: Record<Metric, string> = {
  density: '投资密度',
  total: '总投资',
  percapita: '人均投资',
  count: '项目数',
};

export const METRIC_UNIT: Record<Metric, string> = {
  density: '万元/km²',
  total: '亿元',
  percapita: '元/人',
  count: '项',
};

/** What the metric divides by, in words, for the legend and the notes; null when it divides by nothing. */
export const METRIC_DENOMINATOR: Record<Metric, string | null> = {
  density: null,
  total: null,
  percapita: '2020年常住人口（第七次全国人口普查，常住而非户籍人口）',
  count: null,
};

export function metricFormat(metric: Metric): (n: number) => string {
  switch (metric) {
    case 'density':
      return formatDensity;
    case 'total':
      return formatYi;
    case 'percapita':
      return formatPerCapita;
    case 'count':
      return (n) => String(Math.round(n));
  }
}

/** An area's figure for the metric; null when it cannot be computed (a per-person figure without a population). */
export function metricValue(s: AreaStats, metric: Metric): number | null {
  switch (metric) {
    case 'density':
      return s.density;
    case 'total':
      return s.total;
    case 'percapita':
      return s.perCapita;
    case 'count':
      return s.count;
  }
}

/** The figure with its unit, or “无人口数据” when there is none: 平顺县's 8,438 元/人. */
export function metricText(s: AreaStats, metric: Metric): string {
  const v = metricValue(s, metric);
  return v === null ? '无人口数据' : `${metricFormat(metric)(v)} ${METRIC_UNIT[metric]}`;
}
