import { earthRadius, featureCollection, point, standardDeviationalEllipse } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { projectMatcher, EMPTY_FILTERS } from '../../src/analysis/filters.ts';
import { axisWord, directionWord, investmentSpread, spreadTooltip } from '../../src/analysis/spread.ts';
import type { LocatedProject, ProjectLocation } from '../../src/data/project.ts';
import { project } from './fixtures.ts';
import { repoData } from './repoData.ts';

const KM_PER_DEGREE = (earthRadius / 1000) * (Math.PI / 180);

/** A project with its points placed by hand. */
function placed(id: string, total: number | null, points: [number, number, ProjectLocation['precision']?][], extra: Parameters<typeof project>[1] = {}): LocatedProject {
  const p = project(id, { total, counties: ['A'], ...extra });
  return { ...p, locations: points.map(([lon, lat, precision]) => ({ ...p.locations[0]!, lon, lat, precision: precision ?? 'township' })) };
}

describe('投资重心 (investment-weighted mean centre)', () => {
  it('is the investment-weighted mean of the points, a project split evenly over its points, each real project once', () => {
    const projects = [
      placed('p1', 6, [[113.0, 36.0]]),
      placed('p2', 3, [
        [113.3, 36.3],
        [113.1, 36.1],
      ]),
      project('city', { total: 50, scope: 'citywide' }),
      placed('none', null, [[112.5, 36.5]]),
      placed('dup', 6, [[112.0, 37.0]], { duplicateOf: 'p1' }),
    ];
    const { groups, excluded } = investmentSpread(projects, [], null);
    expect(groups).toHaveLength(1);
    // (6·113.0 + 1.5·113.3 + 1.5·113.1) / 9 and (6·36.0 + 1.5·36.3 + 1.5·36.1) / 9.
    expect(groups[0]!.centre[0]).toBeCloseTo(1017.6 / 9, 10);
    expect(groups[0]!.centre[1]).toBeCloseTo(324.6 / 9, 10);
    expect(groups[0]).toMatchObject({ key: 'all', projects: 2, points: 3, investment: 9 });
    expect(excluded).toEqual({ citywide: 1, withoutInvestment: 1, imprecise: 0 });
    // The three points lie on one line: no ellipse, and it says so.
    expect(groups[0]!.ellipse).toBeNull();
    expect(groups[0]!.ellipseNote).toContain('一条直线');
  });

  it('on the plan: the centre of 教育 is the hand-weighted mean of its points', () => {
    const { projects, geo, units } = repoData();
    const education = projects.filter(projectMatcher({ ...EMPTY_FILTERS, categories: ['education'] }, units.zoneCounties));
    const seat = geo.city.features[0]!.properties.seat;
    const { groups } = investmentSpread(education, ['education'], seat);
    let w = 0;
    let lon = 0;
    let lat = 0;
    for (const p of education) {
      const amount = p.investment.inCity ?? p.investment.total;
      if (p.duplicateOf || p.partOf || amount === null || p.locations.length === 0) continue;
      for (const l of p.locations) {
        w += amount / p.locations.length;
        lon += (l.lon * amount) / p.locations.length;
        lat += (l.lat * amount) / p.locations.length;
      }
    }
    expect(groups[0]!.label).toBe('教育');
    expect(groups[0]!.centre[0]).toBeCloseTo(lon / w, 9);
    expect(groups[0]!.centre[1]).toBeCloseTo(lat / w, 9);
    expect(groups[0]!.investment).toBeCloseTo(w, 9);
    expect(groups[0]!.seatDistanceKm).toBeGreaterThan(0);
    expect(groups[0]!.ellipse).not.toBeNull();
  });

  it('gives one group per category when several are chosen', () => {
    const projects = [
      placed('h', 2, [[113, 36]], { category: 'health' }),
      placed('e', 4, [[113.2, 36.1]], { category: 'education' }),
      placed('t', 1, [[113.4, 36.4]], { category: 'transport' }),
    ];
    const { groups } = investmentSpread(projects, ['education', 'health'], null);
    expect(groups.map((g) => [g.key, g.label, g.centre])).toEqual([
      ['education', '教育', [113.2, 36.1]],
      ['health', '卫生健康', [113, 36]],
    ]);
  });

  it('leaves out points coarser than the county, and counts a project with no other point', () => {
    const projects = [placed('a', 2, [[113, 36]]), placed('b', 2, [[113.5, 36.5, 'city']])];
    const { groups, excluded } = investmentSpread(projects, [], null);
    expect(groups[0]!.centre).toEqual([113, 36]);
    expect(excluded.imprecise).toBe(1);
  });
});

describe('standard deviational ellipse', () => {
  it('has semi-axes √2 × the weighted standard distance along each axis, in km (hand computation)', () => {
    // Four equal points 20 km east and west and 10 km north and south of (113, 36):
    // σx² = 20²/2, σy² = 10²/2, so the semi-axes are √(2·200) = 20 km and √(2·50) = 10 km, east–west.
    const kx = KM_PER_DEGREE * Math.cos((36 * Math.PI) / 180);
    const pts: [number, number][] = [
      [113 + 20 / kx, 36],
      [113 - 20 / kx, 36],
      [113, 36 + 10 / KM_PER_DEGREE],
      [113, 36 - 10 / KM_PER_DEGREE],
    ];
    const { groups } = investmentSpread([placed('x', 4, pts)], [], null);
    const e = groups[0]!.ellipse!;
    expect(groups[0]!.centre[0]).toBeCloseTo(113, 10);
    expect(e.semiMajorKm).toBeCloseTo(20, 6);
    expect(e.semiMinorKm).toBeCloseTo(10, 6);
    expect(e.bearing).toBeCloseTo(90, 6);
    expect(axisWord(e.bearing)).toBe('东西');
    expect(e.investmentInside).toBe(1);
    expect(e.ring[0]).toEqual(e.ring.at(-1));
    expect(e.ring[0]![0]).toBeCloseTo(113 + 20 / kx, 9);
  });

  it('agrees with Turf’s ellipse where degrees are equal distances (the equator), weights included', () => {
    const pts: [number, number, number][] = [
      [0.1, 0.05, 3],
      [-0.2, 0.1, 1],
      [0.05, -0.15, 2],
      [0.3, 0.25, 5],
      [-0.1, -0.3, 1],
    ];
    const projects = pts.map(([lon, lat, w], i) => placed(`p${i}`, w, [[lon, lat]]));
    const mine = investmentSpread(projects, [], null).groups[0]!.ellipse!;
    const turf = standardDeviationalEllipse(featureCollection(pts.map(([lon, lat, w]) => point([lon, lat], { w }))), { weight: 'w' }).properties!
      .standardDeviationalEllipse;
    const theirs = [turf.semiMajorAxis, turf.semiMinorAxis].map((d) => d * KM_PER_DEGREE).sort((a, b) => b - a);
    expect(mine.semiMajorKm).toBeCloseTo(theirs[0]!, 3);
    expect(mine.semiMinorKm).toBeCloseTo(theirs[1]!, 3);
  });
});

describe('the spread tooltip', () => {
  it('says where the centre is from the city seat, what the ellipse means and which projects it uses', () => {
    const kx = KM_PER_DEGREE * Math.cos((36 * Math.PI) / 180);
    const projects = [
      placed('a', 2, [[113 + 12 / kx, 36]]),
      placed('b', 2, [[113 + 12 / kx, 36.2, 'county']]),
      placed('c', 2, [[113.3, 35.9]]),
      project('city', { total: 1, scope: 'citywide' }),
    ];
    const { groups, excluded } = investmentSpread(projects, [], [113, 36]);
    const t = spreadTooltip(groups[0]!, excluded);
    expect(t.title).toBe('投资重心与标准差椭圆 · 所选项目');
    expect(t.lines[0]).toMatch(/^投资重心（按投资额加权的平均位置）在长治市人民政府驻地东 \d+ km$/);
    expect(t.lines[1]).toMatch(/^标准差椭圆：投资围绕重心分布的范围和方向（一个标准差），长轴 \d/);
    expect(t.lines).toContain('依据 3 个项目的 3 处点位，共 6.0 亿元；多点项目的投资在各点间平均分摊');
    expect(t.lines).toContain('其中 1 处只知所在县区，点位为县区内部示意');
    expect(t.lines.at(-1)).toBe('不计：全市性项目 1 个');
  });

  it('names directions and axes', () => {
    expect([0, 44, 90, 180, 225, 350].map(directionWord)).toEqual(['北', '东北', '东', '南', '西南', '北']);
    expect([0, 45, 95, 135, 179].map(axisWord)).toEqual(['南北', '东北—西南', '东西', '西北—东南', '南北']);
  });
});
