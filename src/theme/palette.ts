/**
 * Colours shared by the map and the UI legends. Zone colours are Okabe-Ito
 * (distinguishable with the common colour-vision deficiencies).
 */
export const ZONE_COLORS: Record<string, string> = {
  城郊休闲乡村片区: '#E69F00',
  太行山水风景片区: '#009E73',
  文化传承片区: '#CC79A7',
  太岳生态康养片区: '#0072B2',
};
export const ZONE_FALLBACK_COLOR = '#666666';

export function zoneColor(name: string): string {
  return ZONE_COLORS[name] ?? ZONE_FALLBACK_COLOR;
}

export const BASEMAP = {
  background: '#e9edf1',
  contextFill: '#f4f4f2',
  contextLine: '#c3c7cc',
  contextLabel: '#8a9099',
  countyFill: '#fbfbf9',
  countyLine: '#7d8590',
  cityLine: '#2f3640',
  label: '#1f2328',
  labelHalo: '#ffffff',
} as const;

/** CSS font stack with CJK faces common on Windows, macOS and Linux. */
export const FONT_STACK = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';
