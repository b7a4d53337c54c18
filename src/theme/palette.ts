import type { Category } from '../data/project.ts';

/**
 * Colours shared by the map and the UI legends.
 *
 * The choropleth is ColorBrewer Blues (sequential, colour-blind safe); project
 * categories use Okabe-Ito hues that are not blue, so points stay readable on
 * any class; zones are dashed outlines in dark neutral tones.
 */
export const CHOROPLETH = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;
/** Counties with nothing to show for the metric. */
export const NO_DATA_COLOR = '#f2f2ef';

/** `n` colours spread over the ramp, light to dark (n <= 5). */
export function choroplethColors(n: number): string[] {
  if (n <= 1) return [CHOROPLETH[2]];
  const last = CHOROPLETH.length - 1;
  return Array.from({ length: n }, (_, i) => CHOROPLETH[Math.round((i * last) / (n - 1))]!);
}

export const CATEGORY_COLORS: Record<Category, string> = {
  health: '#D55E00',
  eldercare: '#CC79A7',
  education: '#E69F00',
  transport: '#3d3d3d',
  ecology: '#009E73',
};

export const ZONE_COLORS: Record<string, string> = {
  城郊休闲乡村片区: '#7a4f01',
  太行山水风景片区: '#1b5e20',
  文化传承片区: '#6a1b9a',
  太岳生态康养片区: '#004d66',
};
export const ZONE_FALLBACK_COLOR = '#444444';

export function zoneColor(name: string): string {
  return ZONE_COLORS[name] ?? ZONE_FALLBACK_COLOR;
}

export const BASEMAP = {
  background: '#e9edf1',
  contextFill: '#f4f4f2',
  contextLine: '#c3c7cc',
  contextLabel: '#8a9099',
  countyLine: '#5f6770',
  cityLine: '#1f2328',
  label: '#1f2328',
  labelHalo: '#ffffff',
  cluster: '#2f3640',
} as const;

/** CSS font stack with CJK faces common on Windows, macOS and Linux. */
export const FONT_STACK = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

/** Point radius in px for an amount in 亿元: area-proportional, never smaller than MIN. */
export const POINT_RADIUS = { perSqrtYi: 4, min: 3.5, unknown: 5 } as const;

export function pointRadius(amountYi: number): number {
  return Math.max(POINT_RADIUS.min, POINT_RADIUS.perSqrtYi * Math.sqrt(amountYi));
}
