/**
 * Where the weight of the selection lies: the investment-weighted mean centre
 * (投资重心) and the standard deviational ellipse of the selected projects'
 * points, per category when several are chosen, and how far the centre is
 * from the city government's seat.
 *
 * Turf's centerMean gives the centre. The ellipse is computed here on a local
 * plane in kilometres around the centre, because Turf's
 * standardDeviationalEllipse works in raw degrees (at 36°N a degree of
 * longitude is 0.81 of a degree of latitude, so its ellipses come out ~24 %
 * too wide east–west), counts a weight of 0 as 1, and throws on points in a
 * line. Axes follow the same convention as Turf and ArcGIS (√2 × the weighted
 * standard distance along each axis).
 */
import { bearing, centerMean, distance, earthRadius, featureCollection, point } from '@turf/turf';
import { CATEGORY_LABEL, PRECISIONS, type Category, type LocatedProject, type Precision } from '../data/project.ts';
import { cityInvestment, countOnce } from '../data/totals.ts';
import type { LonLat } from '../geo/types.ts';

/** Points as precise as the county or better are used; anything coarser (a citywide mark) is not. */
export function preciseEnough(p: Precision): boolean {
  return PRECISIONS.indexOf(p) <= PRECISIONS.indexOf('county');
}

export interface SpreadEllipse {
  /** The closed ring, WGS84. */
  ring: LonLat[];
  /** Semi-axes, km. */
  semiMajorKm: number;
  semiMinorKm: number;
  /** Compass bearing of the major axis, degrees clockwise from north, in [0, 180). */
  bearing: number;
  /** Share of the group's investment at points inside the ellipse. */
  investmentInside: number;
}

export interface Spread {
  /** `all`: the whole selection; else one category. */
  key: 'all' | Category;
  label: string;
  /** The investment-weighted mean centre, WGS84. */
  centre: LonLat;
  /** Great-circle distance from the city government's seat, km; null when the seat is unknown. */
  seatDistanceKm: number | null;
  /** Compass bearing from the seat to the centre, degrees in [0, 360); null when the seat is unknown. */
  seatBearing: number | null;
  /** Null when the points cannot span an ellipse; `ellipseNote` says why. */
  ellipse: SpreadEllipse | null;
  ellipseNote: string | null;
  /** Projects and points the group uses, and their investment (亿元). */
  projects: number;
  points: number;
  /** Points known only to their county (drawn at a point inside it). */
  countyOnlyPoints: number;
  investment: number;
}

export interface SpreadSummary {
  groups: Spread[];
  /** Real projects of the selection left out, and why. */
  excluded: { citywide: number; withoutInvestment: number; imprecise: number };
}

interface WeightedPoint {
  lon: number;
  lat: number;
  w: number;
  precision: Precision;
  project: string;
}

const KM_PER_DEGREE = (earthRadius / 1000) * (Math.PI / 180);
const ELLIPSE_STEPS = 72;

/** The ellipse of `pts` around `centre`, or why there is none. */
function deviationalEllipse(pts: readonly WeightedPoint[], centre: LonLat): { ellipse: SpreadEllipse | null; note: string | null } {
  const distinct = new Set(pts.map((p) => `${p.lon.toFixed(6)},${p.lat.toFixed(6)}`));
  if (distinct.size < 3) return { ellipse: null, note: `只有 ${distinct.size} 处不同的点位，不足以画出椭圆` };
  const kx = KM_PER_DEGREE * Math.cos((centre[1] * Math.PI) / 180);
  const xy = pts.map((p) => ({ x: (p.lon - centre[0]) * kx, y: (p.lat - centre[1]) * KM_PER_DEGREE, w: p.w }));
  const W = xy.reduce((s, p) => s + p.w, 0);
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const p of xy) {
    sxx += (p.w * p.x * p.x) / W;
    syy += (p.w * p.y * p.y) / W;
    sxy += (p.w * p.x * p.y) / W;
  }
  const mid = (sxx + syy) / 2;
  const half = Math.hypot((sxx - syy) / 2, sxy);
  const major = Math.sqrt(2 * (mid + half));
  const minor = Math.sqrt(2 * Math.max(0, mid - half));
  if (minor < 0.01) return { ellipse: null, note: '点位几乎在一条直线上，椭圆退化为线段' };
  // Direction of the major axis, counter-clockwise from east.
  const phi = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const u = [Math.cos(phi), Math.sin(phi)] as const;
  const v = [-Math.sin(phi), Math.cos(phi)] as const;
  const ring: LonLat[] = [];
  for (let i = 0; i <= ELLIPSE_STEPS; i++) {
    const t = ((i % ELLIPSE_STEPS) / ELLIPSE_STEPS) * 2 * Math.PI;
    const x = major * Math.cos(t) * u[0] + minor * Math.sin(t) * v[0];
    const y = major * Math.cos(t) * u[1] + minor * Math.sin(t) * v[1];
    ring.push([centre[0] + x / kx, centre[1] + y / KM_PER_DEGREE]);
  }
  const inside = xy.reduce((s, p) => {
    const a = (p.x * u[0] + p.y * u[1]) / major;
    const b = (p.x * v[0] + p.y * v[1]) / minor;
    return a * a + b * b <= 1 + 1e-9 ? s + p.w : s;
  }, 0);
  const bearingDeg = (((90 - (phi * 180) / Math.PI) % 180) + 180) % 180;
  return { ellipse: { ring, semiMajorKm: major, semiMinorKm: minor, bearing: bearingDeg, investmentInside: inside / W }, note: null };
}

function groupSpread(key: Spread['key'], label: string, pts: readonly WeightedPoint[], citySeat: LonLat | null): Spread {
  const fc = featureCollection(pts.map((p) => point([p.lon, p.lat], { w: p.w })));
  const centre = centerMean(fc, { weight: 'w' }).geometry.coordinates as LonLat;
  const { ellipse, note } = deviationalEllipse(pts, centre);
  return {
    key,
    label,
    centre,
    seatDistanceKm: citySeat ? distance(citySeat, centre, { units: 'kilometers' }) : null,
    seatBearing: citySeat ? (bearing(citySeat, centre) + 360) % 360 : null,
    ellipse,
    ellipseNote: note,
    projects: new Set(pts.map((p) => p.project)).size,
    points: pts.length,
    countyOnlyPoints: pts.filter((p) => p.precision === 'county').length,
    investment: pts.reduce((s, p) => s + p.w, 0),
  };
}

/**
 * The spread of the selected projects' investment. Each real project counts
 * once; its investment in 长治 is split evenly over its points located at the
 * county or better; citywide projects, projects without a figure and projects
 * without such a point are left out and counted. One group for the whole
 * selection, or one per category when `categories` names several.
 */
export function investmentSpread(projects: readonly LocatedProject[], categories: readonly Category[], citySeat: LonLat | null): SpreadSummary {
  const excluded = { citywide: 0, withoutInvestment: 0, imprecise: 0 };
  const byGroup = new Map<Spread['key'], WeightedPoint[]>();
  const perCategory = categories.length > 1;
  for (const p of countOnce(projects)) {
    if (p.scope === 'citywide') {
      excluded.citywide++;
      continue;
    }
    const amount = cityInvestment(p);
    if (amount === null || amount <= 0) {
      excluded.withoutInvestment++;
      continue;
    }
    const located = p.locations.filter((l) => preciseEnough(l.precision));
    if (located.length === 0) {
      excluded.imprecise++;
      continue;
    }
    const key = perCategory ? p.category : 'all';
    const list = byGroup.get(key) ?? [];
    for (const l of located) list.push({ lon: l.lon, lat: l.lat, w: amount / located.length, precision: l.precision, project: p.id });
    byGroup.set(key, list);
  }
  const order: Spread['key'][] = perCategory ? [...categories] : ['all'];
  const groups = order
    .filter((k) => byGroup.has(k))
    .map((k) => groupSpread(k, k === 'all' ? (categories.length === 1 ? CATEGORY_LABEL[categories[0]!] : '所选项目') : CATEGORY_LABEL[k], byGroup.get(k)!, citySeat));
  return { groups, excluded };
}

const DIRECTIONS = ['北', '东北', '东', '东南', '南', '西南', '西', '西北'];
const AXES = ['南北', '东北—西南', '东西', '西北—东南'];

/** 东北 for a compass bearing of 45°. */
export function directionWord(bearingDeg: number): string {
  return DIRECTIONS[Math.round((((bearingDeg % 360) + 360) % 360) / 45) % 8]!;
}

/** 东北—西南 for an axis at 45° (or 225°). */
export function axisWord(bearingDeg: number): string {
  return AXES[Math.round((((bearingDeg % 180) + 180) % 180) / 45) % 4]!;
}

const km = (n: number) => (n < 10 ? n.toFixed(1) : String(Math.round(n)));

/**
 * The tooltip of a group's centre and ellipse, as plain text lines: where the
 * centre is from the city seat, what the ellipse means, which projects it uses.
 */
export function spreadTooltip(s: Spread, excluded: SpreadSummary['excluded'], seatName = '长治市人民政府驻地'): { title: string; lines: string[] } {
  const lines: string[] = [];
  lines.push(
    s.seatDistanceKm === null
      ? '投资重心：按投资额加权的平均位置'
      : s.seatDistanceKm < 0.5
        ? `投资重心（按投资额加权的平均位置）几乎就在${seatName}`
        : `投资重心（按投资额加权的平均位置）在${seatName}${directionWord(s.seatBearing!)} ${km(s.seatDistanceKm)} km`,
  );
  if (s.ellipse) {
    lines.push(
      `标准差椭圆：投资围绕重心分布的范围和方向（一个标准差），长轴 ${km(2 * s.ellipse.semiMajorKm)} km、短轴 ${km(2 * s.ellipse.semiMinorKm)} km，${axisWord(s.ellipse.bearing)}走向`,
    );
    lines.push(`椭圆内的点位占这些投资的 ${Math.round(s.ellipse.investmentInside * 100)} %`);
  } else {
    lines.push(`未画标准差椭圆：${s.ellipseNote}`);
  }
  lines.push(`依据 ${s.projects} 个项目的 ${s.points} 处点位，共 ${s.investment >= 100 ? Math.round(s.investment) : s.investment.toFixed(1)} 亿元；多点项目的投资在各点间平均分摊`);
  if (s.countyOnlyPoints > 0) lines.push(`其中 ${s.countyOnlyPoints} 处只知所在县区，点位为县区内部示意`);
  const left = spreadExclusionText(excluded);
  if (left) lines.push(left);
  return { title: `投资重心与标准差椭圆 · ${s.label}`, lines };
}

/** “不计：全市性项目 7 个、未列投资额的 12 个”, or null when nothing was left out. */
export function spreadExclusionText(excluded: SpreadSummary['excluded']): string | null {
  const left = [
    excluded.citywide > 0 && `全市性项目 ${excluded.citywide} 个`,
    excluded.withoutInvestment > 0 && `未列投资额的 ${excluded.withoutInvestment} 个`,
    excluded.imprecise > 0 && `无县级及以上精度点位的 ${excluded.imprecise} 个`,
  ].filter(Boolean);
  return left.length > 0 ? `不计：${left.join('、')}` : null;
}

/** What the layer means, in one sentence, for its legend entry. */
export const SPREAD_MEANING = '投资重心是按投资额加权的平均位置；标准差椭圆表示投资围绕重心分布的范围和方向（一个标准差）。';

/** A group in one short line for the legend: “教育：重心在驻地北 15 km；椭圆 114×50 km，西北—东南走向”. */
export function spreadLegendLine(s: Spread): string {
  const where =
    s.seatDistanceKm === null ? '' : s.seatDistanceKm < 0.5 ? '重心几乎在市政府驻地' : `重心在市政府驻地${directionWord(s.seatBearing!)} ${km(s.seatDistanceKm)} km`;
  const shape = s.ellipse ? `椭圆 ${km(2 * s.ellipse.semiMajorKm)}×${km(2 * s.ellipse.semiMinorKm)} km，${axisWord(s.ellipse.bearing)}走向` : '无椭圆';
  return `${s.label}：${[where, shape].filter(Boolean).join('；')}（${s.projects} 个项目）`;
}
