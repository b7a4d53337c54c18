import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { ProjectLocation } from '../../src/data/project.ts';
import { geocodeProject, GeocodeError, type GeocodeContext } from '../../scripts/geocode/engine.ts';
import { gazetteerDir, loadGazetteer } from '../../scripts/geocode/gazetteer.ts';
import type { GeocodeOverride } from '../../scripts/geocode/overrides.ts';
import { C, row } from './fixtures.ts';
import { HAS_GAZETTEER, NEEDS_GAZETTEER, ROOT, readCity, readCounties } from './support.ts';

const counties = readCounties();
const citySeat = readCity().features[0]!.properties.seat;
const gazetteer = HAS_GAZETTEER ? loadGazetteer(gazetteerDir(ROOT), counties) : null;

function ctx(overrides: GeocodeOverride[] = []): GeocodeContext {
  return {
    gazetteer: gazetteer!,
    counties: new Map(counties.features.map((f) => [f.properties.adcode, f])),
    citySeat,
    overrides,
    files: { projects: 'projects (fixture)', overrides: 'overrides (fixture)' },
  };
}

function one(id: string, name: string, loc: string | null, county: string, content?: string): ProjectLocation {
  const r = geocodeProject(row(id, name, loc, [county], content ? { content } : {}), ctx());
  expect(r.locations).toHaveLength(1);
  return r.locations[0]!;
}

function centreOf(name: string, county: string): [number, number] {
  const t = gazetteer!.towns.find((x) => x.name === name && x.county === county);
  if (!t?.point) throw new Error(`no centre for ${name}`);
  return t.point;
}

const seatOf = (county: string) => counties.features.find((f) => f.properties.adcode === county)!.properties.seat;
const labelOf = (county: string) => counties.features.find((f) => f.properties.adcode === county)!.properties.labelPoint;

describe(`geocoding the plan's rows${NEEDS_GAZETTEER}`, () => {
  const t = it.skipIf(!HAS_GAZETTEER);

  t('a village with a point: village precision (A2-33 沁源县沁河镇韩洪沟村)', () => {
    const l = one('A2-33', '乡颂·太岳记·韩洪沟红色小镇', '沁源县沁河镇韩洪沟村', C.沁源县);
    expect(l).toMatchObject({ precision: 'village', method: 'gazetteer', matched: '沁河镇韩洪沟村', county: C.沁源县, town: '沁河镇', village: '韩洪沟村', placeClass: 'village' });
  });

  t('a village without a point: its township, method parent (A1-07 青羊镇崇岩村)', () => {
    const l = one('A1-07', '平顺县中医院门诊综合楼建设项目(新建)', '青羊镇崇岩村', C.平顺县);
    expect(l).toMatchObject({ precision: 'township', method: 'parent', matched: '青羊镇 (崇岩村 无坐标)', town: '青羊镇', village: '崇岩村', placeClass: 'town' });
    expect([l.lon, l.lat]).toEqual(centreOf('青羊镇', C.平顺县));
    expect(l.note).toContain('崇岩村在地名表中无坐标');
  });

  t('a village not in the gazetteer: its township, method parent (A2-34 景凤乡社科、韩家窑村)', () => {
    const l = one('A2-34', '丹雀小镇康养项目', '景凤乡社科、韩家窑村', C.沁源县);
    expect(l).toMatchObject({ precision: 'township', method: 'parent', matched: '景凤乡 (社科、韩家窑村 不在地名表)', town: '景凤乡', village: null });
  });

  t('a township renamed since 2016 (王陶镇, 王陶乡 in the table) and a hamlet run into its village', () => {
    const l = one('A2-38', '沁源县“池上宿集”康养项目', '王陶镇 土岭上池上 自然村', C.沁源县);
    expect(l).toMatchObject({ precision: 'township', method: 'parent', matched: '王陶乡 (土岭上村 无坐标)' });
    expect(l.note).toContain('规划作“王陶镇”，地名表（2016）作“王陶乡”');
  });

  t('a township alone (A2-27 灵空山镇), and one whose name has a twin in another county (店上镇)', () => {
    expect(one('A2-27', '灵空山康养小镇', '灵空山镇', C.沁源县)).toMatchObject({ precision: 'township', method: 'gazetteer', matched: '灵空山镇', note: null });
    const l = one('A5-02', '浊漳河南源店上段人工湿地二期工程', '长治市潞城区店上镇', C.潞城区);
    expect([l.lon, l.lat]).toEqual(centreOf('店上镇', C.潞城区));
  });

  t('a township printed only in the name (A2-02 丹朱镇敬老院, 丹朱镇草坊村)', () => {
    expect(one('A2-02', '丹朱镇敬老院', '丹朱镇 草坊村', C.长子县)).toMatchObject({ method: 'parent', matched: '丹朱镇 (草坊村 无坐标)' });
    expect(one('A2-36', '赤石桥乡 刘家沟牡丹 文化生态 文旅庄园', '刘家沟村曹 家山自然村', C.沁源县)).toMatchObject({
      method: 'parent',
      matched: '赤石桥乡 (刘家沟村 无坐标)',
    });
  });

  t('a community of a 街道 without a centre (A2-01 潞华街道东南山社区)', () => {
    expect(one('A2-01', '长治市大健康公共服务中心基地', '潞城区 潞华街道 东南山社区', C.潞城区)).toMatchObject({
      precision: 'village',
      method: 'gazetteer',
      matched: '潞华街道东南山社区',
      town: '潞华街道',
      village: '东南山社区',
      placeClass: 'community',
    });
  });

  t('a bare village name after the county (上党区义堂 -> 苏店镇义堂村)', () => {
    expect(one('A4-高速公路-03', 'G55二广高速上党区义堂高速口', '上党区义堂', C.上党区)).toMatchObject({
      precision: 'township',
      method: 'parent',
      matched: '苏店镇 (义堂村 无坐标)',
    });
  });

  t('county facilities and the county town sit at the county seat (seat rule)', () => {
    for (const [loc, name, county] of [
      ['县人民医院', '平顺县人民医院医疗设备更新配置项目(更新)', C.平顺县],
      ['县原看守所地址', '平顺县人民医院住院部建设项目（新建）', C.平顺县],
      ['沁县县城', '沁县养护服务中心', C.沁县],
      ['沁源县城内滨河路以西，大岳路以东，规划E17街以南', '沁源县妇幼保健计划生育服务中心建设项目（新建）', C.沁源县],
      ['襄垣县开元西街中医院院内南侧', '襄垣县养老服务中心', C.襄垣县],
      ['长子县交警队往南200米(新选址)', '新建妇女儿童中心门诊住院综合楼建设项目(新建)', C.长子县],
      [null, '平顺中学足球场建设项目', C.平顺县],
      ['沁县中学', '沁县中学新建综合楼项目', C.沁县],
    ] as const) {
      const l = one('X', name, loc, county);
      expect(l, name).toMatchObject({ precision: 'township', method: 'seat', matched: expect.stringContaining('人民政府驻地'), placeClass: 'seat', town: null });
      expect([l.lon, l.lat]).toEqual(seatOf(county));
      expect(l.note).toContain('驻地规则');
    }
  });

  t('a county school with an ordinal or a name of its own is not put in the county town: county precision, saying why', () => {
    for (const [loc, name, county] of [
      ['平顺县第二中学校', '平顺县第二中学校学生宿舍楼建设项目', C.平顺县],
      ['平顺县第三初级中学', '平顺县第三初级中学教辅楼建设项目', C.平顺县],
      ['武乡县第五中学', '武乡县第五中学建设项目', C.武乡县],
      ['平顺县阳光幼儿园', '平顺县阳光幼儿园建设项目', C.平顺县],
      ['潞城区南华小学', '潞城区南华小学建设项目', C.潞城区],
    ] as const) {
      const l = one('X', name, loc, county);
      expect(l, name).toMatchObject({ precision: 'county', method: 'county', placeClass: 'county' });
      expect(l.note, name).toContain(`“${loc}”不按县城驻地定位（校名带序号或自有名称`);
    }
  });

  t('a facility that moves (迁址, 新校区) is not put at the seat: its new site is not given', () => {
    const city = one('A3-32', '长治市特殊教育学校迁址改扩建项目', '长治市特殊教育学校', C.潞州区);
    expect(city).toMatchObject({ precision: 'county', method: 'county', matched: '潞州区' });
    expect(city.note).toContain('项目名称称“迁址”，新址原文未给出');
    const county = one('X', '平顺中学新校区建设项目', '平顺中学', C.平顺县);
    expect(county).toMatchObject({ precision: 'county' });
    expect(county.note).toContain('“新校区”');
  });

  t('市直 schools and hospitals are somewhere in the central city: urban precision, drawn at the city seat', () => {
    for (const [loc, name] of [
      [null, '长治市第七中学校教学楼及操场改扩建项目'],
      ['长治市中医医院南边', '晋东南区域中医医疗中心（新建）'],
      ['建议：长治市潞州区天晚集南路(长治市第二人民医院西面空地)', '长治市第二人民医院结合康复护理院(新建)'],
    ] as const) {
      const l = one('X', name, loc, C.潞州区);
      expect(l, name).toMatchObject({ precision: 'urban', method: 'seat', matched: '长治市人民政府驻地', placeClass: 'seat' });
      expect([l.lon, l.lat]).toEqual(citySeat);
      expect(l.note).toContain('只示意中心城区');
    }
  });

  t('in the urban district a district facility or a street address is central city too, drawn at the district seat', () => {
    const hospital = one('A1-02', '长治市潞州区人民医院感染疾病科、医养中心及后勤服务中心建设项目', '长治市西二环路北段279号，医院路东侧、兴北路西侧', C.潞州区);
    const address = one('A2-14', '山西长怡老年公寓项目', '长治市东南角,北至解放东街、南至德化门东街、东至东环路、西至市重点五中学校。', C.潞州区);
    for (const l of [hospital, address]) {
      expect(l).toMatchObject({ precision: 'urban', method: 'seat', matched: '潞州区人民政府驻地' });
      expect([l.lon, l.lat]).toEqual(seatOf(C.潞州区));
    }
    expect(address.note).toContain('市区街道地址（解放东街、德化门东街、东环路）');
  });

  t('a street that names a 街道 places the project at that 街道, never at a made-up street point (A2-13 太行西街289号)', () => {
    const l = one('A2-13', '长治市潞州区太行西街社区卫生服务中心医养照护项目(改扩建)', '太行西街289号', C.潞州区);
    expect(l).toMatchObject({ method: 'gazetteer', precision: 'township', town: '太行西街街道', placeClass: 'street' });
    expect([l.lon, l.lat]).toEqual(centreOf('太行西街街道', C.潞州区));
    expect(l.note).toContain('取以该街命名的太行西街街道');
    // A street of another name stays an address: 开元西街 names no 街道 of 襄垣县.
    expect(one('X', '襄垣县养老服务中心', '襄垣县开元西街中医院院内南侧', C.襄垣县).method).toBe('seat');
  });

  t('a town’s own institution is no county facility (郭道中心敬老院), nor is a county’s second hospital', () => {
    expect(one('A2-21', '沁源县郭道康养养护院（郭道中心敬老院）', '长治市沁源县', C.沁源县)).toMatchObject({ precision: 'county', method: 'county' });
    const l = one('A1-13', '沁源县第二人民医院健康扶贫工程（新建）', '沁源县第二人民医院', C.沁源县);
    expect(l).toMatchObject({ precision: 'county', method: 'county' });
    expect(l.note).toContain('第二人民医院');
  });

  t('新选, 各乡镇, and a bare county fall back to the county label point, saying why', () => {
    const a = one('A1-05', '平顺县传染病医院建设项目(新建)', '新选', C.平顺县);
    expect(a).toMatchObject({ precision: 'county', method: 'county', matched: '平顺县' });
    expect([a.lon, a.lat]).toEqual(labelOf(C.平顺县));
    expect(a.note).toContain('新选');
    expect(one('A1-09', '12个乡镇卫生院医疗装备更新配置项目', '各乡镇卫生院', C.平顺县).note).toContain('分散');
    expect(one('A2-31', '平顺县东壹山健康旅游项目', '平顺县', C.平顺县).note).toContain('未给出县以下地名');
  });

  t('reports place names it could not resolve', () => {
    const r = geocodeProject(row('A2-08', '太行山大峡谷红豆峡景区基础设施新建改建项目', '长治市太行山大峡谷', [C.壶关县]), ctx());
    expect(r.unresolved).toEqual(['太行山大峡谷']);
    expect(r.locations[0]).toMatchObject({ precision: 'county' });
  });

  t('a reviewed county-precision override keeps the label point and says why no finer place is claimed (A2-08)', () => {
    const p = row('A2-08', '太行山大峡谷红豆峡景区基础设施新建改建项目', '长治市太行山大峡谷', [C.壶关县]);
    const r = geocodeProject(p, ctx([{ id: 'A2-08', place: '壶关县', precision: 'county', reason: '红豆峡所在乡镇无来源', source: 'test' }]));
    expect(r.locations).toEqual([
      expect.objectContaining({ precision: 'county', method: 'county', placeClass: 'county', note: '人工核定：红豆峡所在乡镇无来源（来源：test）' }),
    ]);
    expect([r.locations[0]!.lon, r.locations[0]!.lat]).toEqual(labelOf(C.壶关县));
    expect(() => geocodeProject(p, ctx([{ id: 'A2-08', place: '桥上乡', precision: 'county', reason: 'x', source: 'x' }]))).toThrow(/names its county/);
    expect(() => geocodeProject(p, ctx([{ id: 'A2-08', place: '桥上乡', precision: 'urban', reason: 'x', source: 'x' }]))).toThrow(/seat rules/);
  });

  t('a village named in the content only (长治市湛上村南)', () => {
    const l = one('A4-货运场站-01', '长治明信专用线物流园区', null, C.潞州区, '前期研究，长治市湛上村南规划明信专用线物流园');
    expect(l).toMatchObject({ precision: 'village', method: 'gazetteer', matched: '堠北庄镇湛上村' });
  });

  t('multi-county projects get one location per county: a named town where there is one, else the label point', () => {
    const p = row('A4-铁路-06x', '潞城区邯长线 微子镇站—瓦日线 铁路连接线', null, [C.潞城区, C.黎城县]);
    const r = geocodeProject(p, ctx());
    expect(r.locations.map((l) => [l.county, l.precision, l.method, l.matched])).toEqual([
      [C.潞城区, 'township', 'gazetteer', '微子镇'],
      [C.黎城县, 'county', 'county', '黎城县'],
    ]);
    expect(r.locations[0]!.note).toContain('跨县项目');
  });

  t('a line whose text names a place outside the city (交口 is 吕梁’s 交口县 here) keeps the label point', () => {
    const p = row('A4-高速公路-04', '长治至延安高速公路复线邯郸—武乡—沁县—介休—交口', null, [C.武乡县, C.沁县, C.沁源县], {
      content: '前期研究，接交口—石楼高速公路',
    });
    const r = geocodeProject(p, ctx());
    expect(r.locations.map((l) => l.precision)).toEqual(['county', 'county', 'county']);
  });

  t('citywide projects get no location', () => {
    expect(geocodeProject(row('A3-22', '长治智慧教育项目', null, []), ctx()).locations).toEqual([]);
  });

  t('every township-precision point is near its township centre or its seat town', () => {
    const cases = [
      one('A2-18', '长治市潞城区桃花源康养项目', '翟店镇康国路旁，207国道东侧', C.潞城区),
      one('A1-06', '平顺县人民医院医疗设备更新配置项目(更新)', '县人民医院', C.平顺县),
    ];
    expect(distance([cases[0]!.lon, cases[0]!.lat], centreOf('翟店镇', C.潞城区))).toBeLessThan(0.01);
    expect(distance([cases[1]!.lon, cases[1]!.lat], centreOf('青羊镇', C.平顺县))).toBeLessThan(3);
  });
});

describe(`overrides${NEEDS_GAZETTEER}`, () => {
  const t = it.skipIf(!HAS_GAZETTEER);
  const base = { reason: 'test', source: 'test' };

  t('name a gazetteer place: a township, or a village standing for its township', () => {
    const p = row('A2-09', '太行山大峡谷八泉峡景区基础设施新建项目', null, [C.壶关县]);
    const r = geocodeProject(p, ctx([{ id: 'A2-09', place: '桥上乡', precision: 'township', ...base }]));
    expect(r.locations).toEqual([
      {
        county: C.壶关县,
        lon: centreOf('桥上乡', C.壶关县)[0],
        lat: centreOf('桥上乡', C.壶关县)[1],
        precision: 'township',
        method: 'manual',
        matched: '桥上乡',
        town: '桥上乡',
        village: null,
        placeClass: 'town',
        note: '人工核定：test（来源：test）',
      },
    ]);
    const v = geocodeProject(
      row('A2-26', '四方山高老庄窑洞康养度假基地(二期)', '山西省长治市黄崖洞景区四方山景区', [C.黎城县]),
      ctx([{ id: 'A2-26', place: '四方山村', precision: 'township', ...base }]),
    );
    expect(v.locations[0]).toMatchObject({ matched: '黄崖洞镇 (四方山村 无坐标)', method: 'manual', town: '黄崖洞镇', village: '四方山村', placeClass: 'town' });
    // A4-水运-03: 南村水库 -> 黎城县's only 南村, of 黎侯镇, without a point.
    const dock = geocodeProject(row('A4-水运-03', '黎城县', '塔坡水库、南村水库、阳南河水库', [C.黎城县]), ctx([{ id: 'A4-水运-03', place: '南村', precision: 'township', ...base }]));
    expect(dock.locations).toEqual([expect.objectContaining({ matched: '黎侯镇 (南村 无坐标)', precision: 'township', town: '黎侯镇', village: '南村' })]);
  });

  t('may give two places for one project', () => {
    const r = geocodeProject(
      row('A4-水运-01', '沁源县', '永和水库、李家庄水库', [C.沁源县]),
      ctx([
        { id: 'A4-水运-01', place: '永和村', precision: 'township', ...base },
        { id: 'A4-水运-01', place: '李家庄村', precision: 'township', ...base },
      ]),
    );
    expect(r.locations.map((l) => l.matched)).toEqual(['郭道镇 (永和村 无坐标)', '沁河镇 (李家庄村 无坐标)']);
  });

  t('are refused when they claim the wrong precision, name nothing, or put a point outside the county', () => {
    const p = row('A2-09', '太行山大峡谷八泉峡景区基础设施新建项目', null, [C.壶关县]);
    expect(() => geocodeProject(p, ctx([{ id: 'A2-09', place: '桥上乡', precision: 'village', ...base }]))).toThrow(/claims precision village/);
    expect(() => geocodeProject(p, ctx([{ id: 'A2-09', place: '红豆峡', precision: 'township', ...base }]))).toThrow(GeocodeError);
    expect(() =>
      geocodeProject(p, ctx([{ id: 'A2-09', place: '某处', lon: 112.3, lat: 36.5, precision: 'site', ...base }])),
    ).toThrow(/not inside 壶关县/);
    expect(() => geocodeProject(row('A3-22', '长治智慧教育项目', null, []), ctx([{ id: 'A3-22', place: '桥上乡', precision: 'township', ...base }]))).toThrow(
      /citywide/,
    );
  });

  t('for a multi-county project must name their county', () => {
    const p = row('M', '鹤壁—壶关—长子高速公路', null, [C.壶关县, C.长子县]);
    expect(() => geocodeProject(p, ctx([{ id: 'M', place: '桥上乡', precision: 'township', ...base }]))).toThrow(/must name its county/);
    const r = geocodeProject(p, ctx([{ id: 'M', county: C.壶关县, place: '桥上乡', precision: 'township', ...base }]));
    expect(r.locations.map((l) => [l.county, l.method])).toEqual([
      [C.壶关县, 'manual'],
      [C.长子县, 'county'],
    ]);
    // A4-铁路-04: the line's 潞州区 part is at 长治北站, in the former 郊区's 长北街道.
    const line = geocodeProject(
      row('A4-铁路-04', '邯长铁路复线（长治北至悬钟）改造项目', null, [C.潞州区, C.潞城区, C.黎城县]),
      ctx([{ id: 'A4-铁路-04', county: C.潞州区, place: '长北街道', precision: 'township', ...base }]),
    );
    expect(line.locations.map((l) => [l.county, l.precision, l.town])).toEqual([
      [C.潞州区, 'township', '长北街道'],
      [C.潞城区, 'county', null],
      [C.黎城县, 'county', null],
    ]);
  });
});
