import type { AreaCardFigures } from '../analysis/areaCard.ts';
import { numberedBadges, type Badge } from '../analysis/badges.ts';

/** An A4 portrait page less its margins (print.css: 11 mm × 12 mm), mm. */
const PAGE = { width: 186, height: 275 };
/** The legend column beside the map picture, mm. */
export const PRINT_LEGEND_MM = 40;
/** Above and below the picture: title, figures and chart, list title, footer, mm. */
const FIXED_MM = 106;
/** A row of the two-column project list, mm (dense: smaller type). */
const ROW_MM = { normal: 4.6, dense: 4.6 };

/** More projects than this print in the denser list type. */
export const DENSE_FROM = 29;

/**
 * The size of the sheet's map picture: as wide as the page leaves beside the
 * legend, and as tall as the project list leaves room for, so the page is
 * filled and stays one page (the largest zone, 56 projects, included).
 */
export function printMapMm(projects: number): { width: number; height: number } {
  const dense = projects >= DENSE_FROM;
  const rows = Math.ceil(projects / 2) * (dense ? ROW_MM.dense : ROW_MM.normal);
  const height = Math.round(Math.min(140, Math.max(52, PAGE.height - FIXED_MM - rows)));
  return { width: PAGE.width - PRINT_LEGEND_MM - 4, height };
}

/** The sheet's numbered markers: each project's number (its place in the printed list) at its point in the area. */
export function printBadges(card: Pick<AreaCardFigures, 'projects' | 'kind' | 'stats' | 'members'>): Badge[] {
  const members = new Set(card.kind === 'county' ? [card.stats.key] : card.members.map((m) => m.key));
  return numberedBadges(card.projects.map((p, i) => ({ number: i + 1, locations: p.locations.filter((l) => members.has(l.county)) })));
}
