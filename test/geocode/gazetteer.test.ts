import { booleanPointInPolygon, point } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import {
  GazetteerError,
  loadGazetteer,
  gazetteerDir,
  normaliseGazetteerName,
  sameTownship,
  sameVillage,
  townshipSpellings,
  type Gazetteer,
  type GazetteerPlace,
} from '../../scripts/geocode/gazetteer.ts';
import { HAS_GAZETTEER, NEEDS_GAZETTEER, ROOT, readCounties } from './support.ts';

describe('gazetteer names', () => {
  it('drops office suffixes', () => {
    expect(normaliseGazetteerName('五马街道办事处', 'town')).toEqual({ name: '五马街道', cls: 'street' });
    expect(normaliseGazetteerName('王陶乡', 'town')).toEqual({ name: '王陶乡', cls: 'town' });
    expect(normaliseGazetteerName('常平经济开发区', 'town')).toEqual({ name: '常平经济开发区', cls: 'zone' });
    expect(normaliseGazetteerName('社区管理服务中心', 'town')).toEqual({ name: '社区管理服务中心', cls: 'other' });
    expect(normaliseGazetteerName('崇岩村委会', 'village')).toEqual({ name: '崇岩村', cls: 'village' });
    expect(normaliseGazetteerName('西井村民委员会', 'village')).toEqual({ name: '西井村', cls: 'village' });
    expect(normaliseGazetteerName('南村委会', 'village')).toEqual({ name: '南村', cls: 'village' });
    expect(normaliseGazetteerName('东南山社区居委会', 'village')).toEqual({ name: '东南山社区', cls: 'community' });
    expect(normaliseGazetteerName('王庄居委会', 'village')).toEqual({ name: '王庄社区', cls: 'community' });
  });

  const place = (printed: string, level: 'town' | 'village'): GazetteerPlace => {
    const { name, cls } = normaliseGazetteerName(printed, level);
    return {
      code: '',
      parentCode: '',
      level,
      printed,
      name,
      stem: name.replace(/(街道|镇|乡|村|社区|经济开发区)$/, ''),
      cls,
      county2016: '',
      county: '',
      point: null,
      pointSource: null,
      derivedFrom: [],
      town: null,
      file: '',
    };
  };

  it('matches a 乡 that became a 镇, and 办事处 with 街道, but not a 镇 with a 街道', () => {
    expect(sameTownship('王陶镇', place('王陶乡', 'town'))).toBe(true);
    expect(sameTownship('五马办事处', place('五马街道办事处', 'town'))).toBe(true);
    expect(sameTownship('常平开发区', place('常平经济开发区', 'town'))).toBe(true);
    expect(sameTownship('五马镇', place('五马街道办事处', 'town'))).toBe(false);
    expect(sameVillage('崇岩村', place('崇岩村委会', 'village'))).toBe(true);
    expect(sameVillage('东南山社区', place('东南山社区居委会', 'village'))).toBe(true);
    expect(townshipSpellings(place('王陶乡', 'town'))).toEqual(['王陶镇', '王陶乡']);
  });
});

describe(`the gazetteer in ../shared${NEEDS_GAZETTEER}`, () => {
  const counties = readCounties();
  const g: Gazetteer | null = HAS_GAZETTEER ? loadGazetteer(gazetteerDir(ROOT), counties) : null;
  const town = (name: string, county: string) => g!.towns.find((t) => t.name === name && t.county === county);

  it.skipIf(!HAS_GAZETTEER)('holds the 154 townships and 3,582 villages its README counts', () => {
    expect(g!.towns).toHaveLength(154);
    expect(g!.villages).toHaveLength(3582);
    expect(g!.towns.filter((t) => t.pointSource === 'gazetteer')).toHaveLength(144);
    expect(g!.villages.filter((v) => v.point)).toHaveLength(140);
  });

  it.skipIf(!HAS_GAZETTEER)('assigns every point to the county polygon it falls in', () => {
    const byCode = new Map(counties.features.map((f) => [f.properties.adcode, f]));
    for (const p of [...g!.towns, ...g!.villages]) {
      expect(byCode.has(p.county), `${p.printed} ${p.county}`).toBe(true);
      if (p.point) expect(booleanPointInPolygon(point(p.point), byCode.get(p.county)!), p.printed).toBe(true);
    }
  });

  it.skipIf(!HAS_GAZETTEER)('puts the 2016 units under today’s counties', () => {
    // 郊区 and 城区 -> 潞州区; 长治县 -> 上党区; 屯留县 -> 屯留区; 潞城市 -> 潞城区.
    expect(town('老顶山镇', '140403')?.county2016).toBe('140411');
    expect(town('英雄中路街道', '140403')?.county2016).toBe('140402');
    expect(town('韩店镇', '140404')?.county2016).toBe('140421');
    expect(town('麟绛镇', '140405')?.county2016).toBe('140424');
    expect(town('微子镇', '140406')?.county2016).toBe('140481');
    // Two 店上镇: 潞城区's and 壶关县's stay apart.
    expect(g!.towns.filter((t) => t.name === '店上镇').map((t) => t.county).sort()).toEqual(['140406', '140427']);
  });

  it.skipIf(!HAS_GAZETTEER)('converts GCJ-02 to WGS84 (about 500 m west and south-ish here)', () => {
    // 青羊镇 in the file: 113.437922, 36.198467 (GCJ-02).
    const t = town('青羊镇', '140425')!;
    expect(t.point![0]).toBeLessThan(113.437922);
    expect(t.point![0]).toBeGreaterThan(113.437922 - 0.01);
    expect(Math.abs(t.point![1] - 36.198467)).toBeLessThan(0.005);
  });

  it.skipIf(!HAS_GAZETTEER)('derives a centre for a township without one from two or more member points, and says so', () => {
    const luhua = town('潞华街道', '140406')!;
    expect(luhua.pointSource).toBe('members');
    expect(luhua.derivedFrom).toContain('东南山社区');
    const wuma = town('五马街道', '140403')!;
    expect(wuma.pointSource).toBe('members');
    expect(wuma.derivedFrom).toEqual(['北山头村', '南山头村']);
    // 成家川街道 has no member points: no centre is invented.
    expect(town('成家川街道', '140406')!.point).toBeNull();
  });

  it('says clearly when the gazetteer is missing', () => {
    expect(() => loadGazetteer(`${ROOT}/no-such-gazetteer`, counties)).toThrow(GazetteerError);
    expect(() => loadGazetteer(`${ROOT}/no-such-gazetteer`, counties)).toThrow(/\.\.\/shared\/gazetteer/);
  });
});
