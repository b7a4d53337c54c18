import { describe, expect, it } from 'vitest';
import { normaliseText, parseLocation, type PartKind } from '../../src/geocode/parseLocation.ts';
import { placeStem, townshipClass } from '../../src/geo/placeNames.ts';

/** `kind:name` of each part, the compact form the expectations below use. */
function parts(raw: string): string[] {
  return parseLocation(raw).parts.map((p) => `${p.kind}:${p.name}`);
}

// Every string below is a 建设地点 cell, or a project name, as printed in the plan's annexes
// (../shared/seed/000_046cdabd86ae8aa2.txt, lines 483-670), line-wrap spaces included.
describe('parseLocation on the plan’s 建设地点', () => {
  it.each<[string, string[]]>([
    ['青羊镇崇岩村', ['township:青羊镇', 'village:崇岩村']],
    ['集店乡辛村', ['township:集店乡', 'village:辛村']],
    ['丹朱镇 草坊村', ['township:丹朱镇', 'village:草坊村']],
    ['潞城区 潞华街道 东南山社区', ['county:潞城区', 'township:潞华街道', 'community:东南山社区']],
    ['沁源县沁河镇韩洪沟村', ['county:沁源县', 'township:沁河镇', 'village:韩洪沟村']],
    ['壶关县黄山乡黄家川村', ['county:壶关县', 'township:黄山乡', 'village:黄家川村']],
    ['交口乡 长征村', ['township:交口乡', 'village:长征村']],
    ['韩洪乡仁道村', ['township:韩洪乡', 'village:仁道村']],
    ['山西省长治市黎城县西井镇西井村', ['province:山西省', 'city:长治市', 'county:黎城县', 'township:西井镇', 'village:西井村']],
    ['长治市潞城区店上镇', ['city:长治市', 'county:潞城区', 'township:店上镇']],
    ['平顺县虹梯关乡', ['county:平顺县', 'township:虹梯关乡']],
  ])('%s', (raw, expected) => {
    expect(parts(raw)).toEqual(expected);
  });

  it('reads 办事处 as a 街道 and keeps what was printed', () => {
    const r = parseLocation('长治市潞州区五马办事处南山头村');
    expect(r.parts.map((p) => `${p.kind}:${p.name}`)).toEqual(['city:长治市', 'county:潞州区', 'township:五马街道', 'village:南山头村']);
    expect(r.parts[2]).toMatchObject({ text: '五马办事处', stem: '五马', suffix: '办事处' });
  });

  it('does not read a one-character landmark suffix inside a name (灵空山镇 is a township)', () => {
    expect(parts('灵空山镇')).toEqual(['township:灵空山镇']);
    expect(parts('杏城镇')).toEqual(['township:杏城镇']);
  });

  it('splits a hamlet from its village and keeps run-together hamlets whole', () => {
    expect(parts('刘家沟村曹 家山自然村')).toEqual(['village:刘家沟村', 'hamlet:曹家山自然村']);
    expect(parts('王陶镇 土岭上池上 自然村')).toEqual(['township:王陶镇', 'hamlet:土岭上池上自然村']);
  });

  it('lets a bare name borrow the suffix of the next item (景凤乡社科、韩家窑村)', () => {
    const r = parseLocation('景凤乡社科、韩家窑村');
    expect(r.parts.map((p) => `${p.kind}:${p.name}`)).toEqual(['township:景凤乡', 'village:社科村', 'village:韩家窑村']);
    expect(r.parts[1]).toMatchObject({ text: '社科', inferred: true });
    expect(r.rest).toEqual([]);
  });

  it('reads lists of villages and of landmarks', () => {
    expect(parts('法中村、上湾村、董家村')).toEqual(['village:法中村', 'village:上湾村', 'village:董家村']);
    expect(parts('琴泉山、北园紫金山')).toEqual(['landmark:琴泉山', 'landmark:北园紫金山']);
    expect(parts('塔坡水库、南村水库、阳南河水库')).toEqual(['landmark:塔坡水库', 'landmark:南村水库', 'landmark:阳南河水库']);
  });

  it('reads a village name before a landmark word as the landmark’s name (南村水库 is no village)', () => {
    expect(parseLocation('南村水库').parts[0]).toMatchObject({ kind: 'landmark', name: '南村水库', stem: '南村' });
  });

  it('reads bracketed townships as asides', () => {
    const r = parseLocation('黎城县黎侯镇北城区（洪井乡、停河铺乡）');
    expect(r.parts.map((p) => `${p.kind}:${p.name}${p.aside ? '()' : ''}`)).toEqual([
      'county:黎城县',
      'township:黎侯镇',
      'area:北城区',
      'township:洪井乡()',
      'township:停河铺乡()',
    ]);
  });

  it('reads landmarks and scenic areas', () => {
    expect(parts('长治市太行山大峡谷')).toEqual(['city:长治市', 'landmark:太行山大峡谷']);
    expect(parts('山西省长治市黄崖洞景区四方山景区')).toEqual(['province:山西省', 'city:长治市', 'landmark:黄崖洞景区', 'landmark:四方山景区']);
    expect(parts('壶关县常平开发区')).toEqual(['county:壶关县', 'zone:常平开发区']);
    const near = parseLocation('沁源县永和水库附近');
    expect(near.parts.map((p) => `${p.kind}:${p.name}`)).toEqual(['county:沁源县', 'landmark:永和水库']);
    expect(near.flags.near).toBe(true);
  });

  it('reads 毗邻 as near, not as part of the name', () => {
    const r = parseLocation('潞华街道东南山社区。毗邻卢医山森林公园。');
    expect(r.parts.map((p) => `${p.kind}:${p.name}`)).toEqual(['township:潞华街道', 'community:东南山社区', 'landmark:卢医山森林公园']);
    expect(r.flags.near).toBe(true);
  });

  it('reads streets with their 段 and 号, and not 医院路 as a hospital', () => {
    const r = parseLocation('长治市西二环路北段279号，医院路东侧、兴北路西侧');
    expect(r.parts.map((p) => `${p.kind}:${p.text}`)).toEqual(['city:长治市', 'road:西二环路北段279号', 'road:医院路', 'road:兴北路']);
    expect(r.rest).toEqual(['东侧', '西侧']);
    expect(parts('太行西街289号')).toEqual(['road:太行西街289号']);
    expect(parts('翟店镇康国路旁，207国道东侧')).toEqual(['township:翟店镇', 'road:康国路', 'road:207国道']);
  });

  it('reads 县城 after a county name, including the 县 it shares (沁源县城内)', () => {
    expect(parts('沁县县城')).toEqual(['county:沁县', 'countyTown:县城']);
    expect(parts('沁源县城内滨河路以西，大岳路以东，规划E17街以南')).toEqual([
      'county:沁源县',
      'countyTown:县城',
      'road:滨河路',
      'road:大岳路',
      'road:规划E17街',
    ]);
  });

  it('reads facilities and whose they are', () => {
    const f = (raw: string) =>
      parseLocation(raw)
        .parts.filter((p) => p.kind === 'facility')
        .map((p) => `${p.name}@${p.level}`);
    expect(f('县人民医院')).toEqual(['人民医院@county']);
    expect(f('县原看守所地址')).toEqual(['原看守所@county']);
    expect(f('壶关县人民医院')).toEqual(['人民医院@county']);
    expect(f('沁源县第二人民医院')).toEqual(['第二人民医院@county']);
    expect(f('长治市中医医院南边')).toEqual(['中医医院@city']);
    expect(f('长子县交警队往南200米(新选址)')).toEqual(['交警队@county']);
    expect(f('襄垣县开元西街中医院院内南侧')).toEqual(['中医院@county']);
    expect(f('长治市潞城区社会福利服务中心院内')).toEqual(['社会福利服务中心@county']);
    expect(f('壶关县中心敬老院')).toEqual(['中心敬老院@county']);
    // The bracketed hospital is the city's, after its own 长治市.
    expect(f('建议：长治市潞州区天晚集南路(长治市第二人民医院西面空地)')).toEqual(['第二人民医院@city']);
  });

  it('marks places named as boundaries (北至…, 西至…)', () => {
    const r = parseLocation('长治市东南角,北至解放东街、南至德化门东街、东至东环路、西至市重点五中学校。');
    expect(r.parts.filter((p) => p.boundary).map((p) => `${p.kind}:${p.name}`)).toEqual([
      'road:解放东街',
      'road:德化门东街',
      'road:东环路',
      'facility:重点五中学校',
    ]);
    expect(r.rest).toEqual(['东南角']);
  });

  it('flags sites still to be chosen and dispersed sites', () => {
    expect(parseLocation('新选').flags).toEqual({ newSite: true, dispersed: false, near: false });
    expect(parseLocation('长子县交警队往南200米(新选址)').flags.newSite).toBe(true);
    expect(parseLocation('各乡镇卫生院').flags.dispersed).toBe(true);
    expect(parseLocation('各县区').flags.dispersed).toBe(true);
    expect(parseLocation('新选').parts).toEqual([]);
  });

  it('leaves a bare name it cannot classify in rest (上党区义堂)', () => {
    const r = parseLocation('上党区义堂');
    expect(r.parts.map((p) => `${p.kind}:${p.name}`)).toEqual(['county:上党区']);
    expect(r.rest).toEqual(['义堂']);
  });
});

describe('parseLocation on project names', () => {
  it.each<[string, string[]]>([
    ['丹朱镇敬老院', ['township:丹朱镇', 'facility:敬老院']],
    ['长治市第七中学校教学楼 及操场改扩建项目', ['city:长治市', 'facility:第七中学校']],
    ['长治市实验中学场地及道路硬化绿化工程', ['city:长治市', 'facility:实验中学']],
    ['武乡县第五中学建设项目', ['county:武乡县', 'facility:第五中学']],
    ['平顺中学足球场建设项目', ['county:平顺县', 'facility:中学']],
    ['潞城区南华小学建设项目', ['county:潞城区', 'facility:南华小学']],
    ['屯留区沙家庄机场', ['county:屯留区', 'facility:沙家庄机场']],
    ['沁源县县城紫泉山和紫金山环城森林公园建设项目', ['county:沁源县', 'countyTown:县城', 'landmark:紫泉山和紫金山环城森林公园']],
    ['潞城区邯长线 微子镇站—瓦日线 铁路连接线', ['county:潞城区', 'road:邯长线', 'township:微子镇', 'facility:站', 'road:瓦日线', 'road:铁路连接线']],
  ])('%s', (raw, expected) => {
    expect(parts(raw)).toEqual(expected);
  });

  it('reads a short county name only before a facility (长子门村 is not 长子县)', () => {
    expect(parts('平顺中学')[0]).toBe('county:平顺县');
    expect(parts('长子门村')).toEqual(['village:长子门村']);
  });

  it('maps pre-2018 county names to today’s', () => {
    const r = parseLocation('长治县荫城镇');
    expect(r.parts[0]).toMatchObject({ kind: 'county', name: '上党区', text: '长治县', adcode: '140404' });
    expect(parseLocation('潞城市店上镇').parts[0]).toMatchObject({ name: '潞城区', adcode: '140406' });
  });
});

describe('text helpers', () => {
  it('removes line-wrap spaces between CJK characters only', () => {
    expect(normaliseText('沁源县“隐 居乡里、宜居沁源” 西良民 宿旅游项目')).toBe('沁源县“隐居乡里、宜居沁源”西良民宿旅游项目');
    expect(normaliseText('长治市西二环路北段 279 号')).toBe('长治市西二环路北段279号');
    expect(normaliseText('（新选址）')).toBe('(新选址)');
  });

  it('stems township and village names so 乡 and 镇, 办事处 and 街道 meet', () => {
    expect(placeStem('王陶乡')).toBe(placeStem('王陶镇'));
    expect(placeStem('五马街道办事处')).toBe('五马');
    expect(placeStem('五马办事处')).toBe('五马');
    expect(placeStem('崇岩村委会')).toBe('崇岩');
    expect(placeStem('东南山社区居委会')).toBe('东南山');
    expect(placeStem('常平经济开发区')).toBe(placeStem('常平开发区'));
    expect(placeStem('南村')).toBe('南村');
    expect(townshipClass('王陶乡')).toBe('town');
    expect(townshipClass('五马办事处')).toBe('street');
    expect(townshipClass('崇岩村')).toBe(null);
  });

  it('never throws and always returns the raw text', () => {
    const kinds = new Set<PartKind>();
    for (const raw of ['', '   ', '()', '、、', '各', '县', '市', '镇', '123号', '（（新选']) {
      const r = parseLocation(raw);
      expect(r.raw).toBe(raw);
      r.parts.forEach((p) => kinds.add(p.kind));
    }
    expect(kinds.size).toBeLessThan(3);
  });
});
