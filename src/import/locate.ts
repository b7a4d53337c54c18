/**
 * Where an imported row goes on the map, and how precisely:
 *
 * 1. coordinates, converted to WGS84 from the coordinate system the user
 *    chose, must fall inside a county of 长治; when they do not, the swapped
 *    pair and the GCJ-02 / BD-09 readings are tried, to say what is probably
 *    wrong (经纬度可能填反了; 可能是 GCJ-02 坐标). Precision follows the
 *    decimals given: 3 or more (≈100 m) site, 2 village, fewer township.
 * 2. else the county (its column, or one named in the location text) and the
 *    location text through the pipeline's parser: a township or village the
 *    built-in data knows gives its point at that precision;
 * 3. else the county's label point, at county precision.
 */
import gcoord from 'gcoord';
import type { Precision } from '../data/project.ts';
import { parseLocation } from '../geocode/parseLocation.ts';
import { placeStem } from '../geo/placeNames.ts';
import type { ImportContext } from './context.ts';
import type { Crs, ImportedLocation } from './types.ts';

const CRS_CODE = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

export function toWgs84(lon: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'wgs84') return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], CRS_CODE[crs], gcoord.WGS84) as [number, number];
  return [x, y];
}

export type CoordinateOutcome = { ok: true; location: ImportedLocation } | { ok: false; reason: string };

function precisionOf(decimals: number): Precision {
  return decimals >= 3 ? 'site' : decimals === 2 ? 'village' : 'township';
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Rough distance in km from a point to a box (0 inside). */
function kmFromBox(lon: number, lat: number, [w, s, e, n]: [number, number, number, number]): number {
  const dx = lon < w ? w - lon : lon > e ? lon - e : 0;
  const dy = lat < s ? s - lat : lat > n ? lat - n : 0;
  return Math.hypot(dx * 111 * Math.cos((lat * Math.PI) / 180), dy * 111);
}

export function locateByCoordinates(
  ctx: ImportContext,
  lon: number,
  lat: number,
  decimals: number,
  crs: Crs,
): CoordinateOutcome {
  const given = `（${lon}, ${lat}）`;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return { ok: false, reason: `坐标不是有限的数${given}` };
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    if (Math.abs(lon) > 1000 || Math.abs(lat) > 1000) {
      return { ok: false, reason: `坐标${given}像是投影坐标（单位为米），不是经纬度：请换算成经纬度（度）后再导入` };
    }
    if (Math.abs(lat) <= 180 && Math.abs(lon) <= 90 && ctx.locate(...toWgs84(lat, lon, crs))) {
      return { ok: false, reason: `坐标${given}超出经纬度范围：经纬度可能填反了（经度约 113，纬度约 36）` };
    }
    return { ok: false, reason: `坐标${given}超出经纬度范围（经度 ±180，纬度 ±90）` };
  }
  const [x, y] = toWgs84(lon, lat, crs);
  const county = ctx.locate(x, y);
  if (county) {
    const precision = precisionOf(decimals);
    return {
      ok: true,
      location: {
        county,
        lon: round6(x),
        lat: round6(y),
        precision,
        method: 'coordinates',
        matched: `${lon}, ${lat}`,
        note:
          (crs === 'wgs84' ? '' : `由 ${crs === 'gcj02' ? 'GCJ-02' : 'BD-09'} 转为 WGS84；`) +
          (precision === 'site' ? `坐标有 ${decimals} 位小数` : `坐标只有 ${decimals} 位小数（约 ${decimals === 2 ? '1 千米' : '10 千米'}），按${precision === 'village' ? '村级' : '乡镇级'}精度显示`),
      },
    };
  }
  // Outside 长治: find the likely mistake.
  const hints: string[] = [];
  if (ctx.locate(...toWgs84(lat, lon, crs))) hints.push('经纬度可能填反了（经度约 113，纬度约 36）');
  if (crs === 'wgs84') {
    if (ctx.locate(...toWgs84(lon, lat, 'gcj02'))) hints.push('坐标可能是 GCJ-02（高德、腾讯）坐标：请在导入时选择该坐标系');
    else if (ctx.locate(...toWgs84(lon, lat, 'bd09'))) hints.push('坐标可能是 BD-09（百度）坐标：请在导入时选择该坐标系');
  } else if (ctx.locate(lon, lat)) {
    hints.push('按 WGS84 读则在长治市内：请核对导入时选择的坐标系');
  }
  const km = kmFromBox(x, y, ctx.cityBox);
  const where = km < 1 ? '在长治市界外（靠近市界）' : `不在长治市内（约 ${Math.round(km)} 千米外）`;
  return { ok: false, reason: `坐标${given}${where}${hints.length > 0 ? `：${hints.join('；')}` : ''}` };
}

/** A township or village of `county` named in `text` that the built-in data knows; else the county itself. */
export function locateByPlace(ctx: ImportContext, county: string, text: string | null): ImportedLocation {
  const info = ctx.counties.get(county);
  if (!info) throw new Error(`unknown county ${county}`);
  if (text) {
    const parts = parseLocation(text).parts.filter((p) => !p.boundary);
    const town = parts.find((p) => p.kind === 'township' || p.kind === 'zone');
    const village = parts.find((p) => p.kind === 'village' || p.kind === 'community');
    const t = town ? placeStem(town.name) : '';
    if (village) {
      const v = placeStem(village.name);
      const hit = ctx.villages.get(county)?.get(`${t}|${v}`) ?? (t === '' ? ctx.villages.get(county)?.get(`|${v}`) : undefined);
      if (hit) {
        return { county, lon: hit.lon, lat: hit.lat, precision: 'village', method: 'gazetteer', matched: hit.name, note: `建设地点中的“${village.text}”` };
      }
    }
    if (town) {
      const hit = ctx.townships.get(county)?.get(t);
      if (hit) {
        return {
          county,
          lon: hit.lon,
          lat: hit.lat,
          precision: 'township',
          method: 'gazetteer',
          matched: hit.name,
          note: village ? `“${village.text}”无坐标，取所在乡镇` : `建设地点中的“${town.text}”`,
        };
      }
    }
  }
  const [lon, lat] = info.labelPoint;
  return {
    county,
    lon,
    lat,
    precision: 'county',
    method: 'county',
    matched: info.name,
    note: text ? '建设地点中没有本应用已知的乡镇或村，只定位到县区' : '只知道县区',
  };
}
