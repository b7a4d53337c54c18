/**
 * The names of places in 长治市 that every reader of place text shares: the
 * pipeline (scripts/projects, scripts/geocode), the location parser
 * (src/geocode) and the import (src/import). One table of county names and
 * one set of place words, so that all of them read “长治市郊区” or “五马办事处”
 * the same way.
 */

export interface CountyNames {
  /** Today's adcode (since the 2018 reform). */
  adcode: string;
  /** Today's full name (平顺县). */
  name: string;
  /**
   * The name without 县/区 (平顺); null when that would leave one character (沁县).
   * Short names occur inside other names (长子门村 is a community of 潞州区), so
   * the parser reads one as a county only before a facility word (平顺中学).
   */
  short: string | null;
  /** Full names before the 2018 reform, unambiguous inside a text (长治县, 长治市郊区). */
  former: readonly string[];
  /** Former names that mean this county only as a whole cell (城区, 郊区: every city has one). */
  formerBare: readonly string[];
  /** The 2016 county codes it succeeds (the gazetteer's files are by these). */
  formerCodes: readonly string[];
}

/**
 * The 12 county-level units of 长治市, in the order of the national code list.
 * 2018: 城区 and 郊区 became 潞州区 (a few towns of 郊区 went to neighbours,
 * which the gazetteer's points decide), 长治县 -> 上党区, 屯留县 -> 屯留区,
 * 潞城市 -> 潞城区.
 */
export const COUNTY_NAMES = [
  { adcode: '140403', name: '潞州区', short: '潞州', former: ['长治市城区', '长治市郊区'], formerBare: ['城区', '郊区'], formerCodes: ['140402', '140411'] },
  { adcode: '140404', name: '上党区', short: '上党', former: ['长治县'], formerBare: [], formerCodes: ['140421'] },
  { adcode: '140405', name: '屯留区', short: '屯留', former: ['屯留县'], formerBare: [], formerCodes: ['140424'] },
  { adcode: '140406', name: '潞城区', short: '潞城', former: ['潞城市'], formerBare: [], formerCodes: ['140481'] },
  { adcode: '140423', name: '襄垣县', short: '襄垣', former: [], formerBare: [], formerCodes: [] },
  { adcode: '140425', name: '平顺县', short: '平顺', former: [], formerBare: [], formerCodes: [] },
  { adcode: '140426', name: '黎城县', short: '黎城', former: [], formerBare: [], formerCodes: [] },
  { adcode: '140427', name: '壶关县', short: '壶关', former: [], formerBare: [], formerCodes: [] },
  { adcode: '140428', name: '长子县', short: '长子', former: [], formerBare: [], formerCodes: [] },
  { adcode: '140429', name: '武乡县', short: '武乡', former: [], formerBare: [], formerCodes: [] },
  { adcode: '140430', name: '沁县', short: null, former: [], formerBare: [], formerCodes: [] },
  { adcode: '140431', name: '沁源县', short: '沁源', former: [], formerBare: [], formerCodes: [] },
] as const satisfies readonly CountyNames[];

/**
 * The county a whole cell names: today's adcode, full name, short name, a
 * former name (长治县, 长治市郊区, 郊区) or a 2016 code (140411). Null otherwise.
 */
export function countyNamedBy(cell: string): string | null {
  for (const c of COUNTY_NAMES as readonly CountyNames[]) {
    if (cell === c.adcode || cell === c.name || cell === c.short) return c.adcode;
    if (c.former.includes(cell) || c.formerBare.includes(cell) || c.formerCodes.includes(cell)) return c.adcode;
  }
  return null;
}

/** Names that mean a county wherever they stand in a text: full, short and former names, longest first. */
export function countyMentionNames(): { text: string; adcode: string; kind: 'name' | 'short' | 'former' }[] {
  return (COUNTY_NAMES as readonly CountyNames[])
    .flatMap((c) => [
      { text: c.name, adcode: c.adcode, kind: 'name' as const },
      ...(c.short ? [{ text: c.short, adcode: c.adcode, kind: 'short' as const }] : []),
      ...c.former.map((text) => ({ text, adcode: c.adcode, kind: 'former' as const })),
    ])
    .sort((a, b) => b.text.length - a.text.length);
}

/** Today's county for a 2016 county code, or null when the code is still in use. */
export function successorOf2016Code(code: string): string | null {
  return (COUNTY_NAMES as readonly CountyNames[]).find((c) => c.formerCodes.includes(code))?.adcode ?? null;
}

// ---------------------------------------------------------------- place words

/** What a place word makes of the name before it. */
export type SuffixKind = 'township' | 'village' | 'community' | 'hamlet' | 'zone' | 'area' | 'landmark' | 'road';

export interface SuffixRule {
  suffix: string;
  kind: SuffixKind;
  /** What the suffix normalises to in a name (五马办事处 -> 五马街道, 崇岩村委会 -> 崇岩村). */
  canonical: string;
  /** One-character landmark words that only count at the end of a segment (灵空山镇 is a township). */
  endOnly?: boolean;
}

/** Every place word, longest first, so that at one position 街道办事处 beats 街道 beats 街. */
export const PLACE_SUFFIXES: readonly SuffixRule[] = (
  [
    { suffix: '街道办事处', kind: 'township', canonical: '街道' },
    { suffix: '街道办', kind: 'township', canonical: '街道' },
    { suffix: '街道', kind: 'township', canonical: '街道' },
    { suffix: '办事处', kind: 'township', canonical: '街道' },
    { suffix: '镇', kind: 'township', canonical: '镇' },
    { suffix: '乡', kind: 'township', canonical: '乡' },
    { suffix: '村民委员会', kind: 'village', canonical: '村' },
    { suffix: '村委会', kind: 'village', canonical: '村' },
    { suffix: '自然村', kind: 'hamlet', canonical: '自然村' },
    { suffix: '村', kind: 'village', canonical: '村' },
    { suffix: '社区居委会', kind: 'community', canonical: '社区' },
    { suffix: '居民委员会', kind: 'community', canonical: '社区' },
    { suffix: '居委会', kind: 'community', canonical: '社区' },
    { suffix: '社区', kind: 'community', canonical: '社区' },
    { suffix: '经济技术开发区', kind: 'zone', canonical: '经济技术开发区' },
    { suffix: '经济开发区', kind: 'zone', canonical: '经济开发区' },
    { suffix: '开发区', kind: 'zone', canonical: '开发区' },
    { suffix: '工业园区', kind: 'zone', canonical: '工业园区' },
    { suffix: '园区', kind: 'zone', canonical: '园区' },
    { suffix: '新区', kind: 'zone', canonical: '新区' },
    { suffix: '城区', kind: 'area', canonical: '城区' },
    { suffix: '风景名胜区', kind: 'landmark', canonical: '风景名胜区' },
    { suffix: '风景区', kind: 'landmark', canonical: '风景区' },
    { suffix: '旅游区', kind: 'landmark', canonical: '旅游区' },
    { suffix: '度假区', kind: 'landmark', canonical: '度假区' },
    { suffix: '景区', kind: 'landmark', canonical: '景区' },
    { suffix: '森林公园', kind: 'landmark', canonical: '森林公园' },
    { suffix: '湿地公园', kind: 'landmark', canonical: '湿地公园' },
    { suffix: '公园', kind: 'landmark', canonical: '公园' },
    { suffix: '水库', kind: 'landmark', canonical: '水库' },
    { suffix: '大峡谷', kind: 'landmark', canonical: '大峡谷' },
    { suffix: '峡谷', kind: 'landmark', canonical: '峡谷' },
    { suffix: '湿地', kind: 'landmark', canonical: '湿地' },
    { suffix: '山', kind: 'landmark', canonical: '山', endOnly: true },
    { suffix: '峡', kind: 'landmark', canonical: '峡', endOnly: true },
    { suffix: '湖', kind: 'landmark', canonical: '湖', endOnly: true },
    { suffix: '国道', kind: 'road', canonical: '国道' },
    { suffix: '省道', kind: 'road', canonical: '省道' },
    { suffix: '大道', kind: 'road', canonical: '大道' },
    { suffix: '大街', kind: 'road', canonical: '大街' },
    { suffix: '路', kind: 'road', canonical: '路' },
    { suffix: '街', kind: 'road', canonical: '街' },
    { suffix: '巷', kind: 'road', canonical: '巷' },
    // Railway lines (邯长线, 瓦日线) are linear features like roads.
    { suffix: '线', kind: 'road', canonical: '线' },
  ] satisfies SuffixRule[]
)
  .slice()
  .sort((a, b) => b.suffix.length - a.suffix.length);

const suffixesOf = (kinds: readonly SuffixKind[]) => PLACE_SUFFIXES.filter((r) => kinds.includes(r.kind)).map((r) => r.suffix);
const endingIn = (words: readonly string[]) => new RegExp(`(${words.join('|')})$`);

/** 街道办事处, 街道办, 街道, 办事处: the office words of a 街道. */
const STREET_WORDS = PLACE_SUFFIXES.filter((r) => r.kind === 'township' && r.canonical === '街道').map((r) => r.suffix);
const TOWN_WORDS = ['镇', '乡'];
const ZONE_WORDS = suffixesOf(['zone']);
/** 村民委员会, 村委会: a village's office words. */
const VILLAGE_OFFICE = PLACE_SUFFIXES.filter((r) => r.kind === 'village' && r.suffix !== '村').map((r) => r.suffix);
/** 社区居委会, 居民委员会, 居委会: a community's office words. */
const COMMUNITY_OFFICE = PLACE_SUFFIXES.filter((r) => r.kind === 'community' && r.suffix !== '社区').map((r) => r.suffix);

/** The class of a township-level name: a 镇 or 乡 (which may since have become a 镇), a 街道, or a zone. */
export function townshipClass(name: string): 'town' | 'street' | 'zone' | null {
  if (endingIn(TOWN_WORDS).test(name)) return 'town';
  if (endingIn(STREET_WORDS).test(name)) return 'street';
  if (/(开发区|园区|新区)$/.test(name)) return 'zone';
  return null;
}

/** The stem of a township, village or zone name: 青羊镇 -> 青羊, 五马街道办事处 -> 五马, 崇岩村委会 -> 崇岩. */
export function placeStem(name: string): string {
  const offices = [...VILLAGE_OFFICE, ...COMMUNITY_OFFICE].sort((a, b) => b.length - a.length);
  const stripped = name
    .replace(endingIn(STREET_WORDS), '')
    .replace(endingIn(offices), '')
    .replace(endingIn(ZONE_WORDS), '')
    .replace(/(社区|自然村|村|镇|乡)$/, '');
  return stripped.length >= 2 ? stripped : name.replace(/(村民委员会|村委会|居委会)$/, '');
}

/**
 * A gazetteer name without its office words, and its class: 五马街道办事处 ->
 * 五马街道 (street), 崇岩村委会 -> 崇岩村, 南村村民委员会 -> 南村, 东南山社区居委会 -> 东南山社区.
 */
export function withoutOfficeWords(printed: string, level: 'town' | 'village'): { name: string; cls: 'town' | 'street' | 'zone' | 'village' | 'community' | 'other' } {
  if (level === 'town') {
    const name = printed.replace(/(街道办事处|办事处)$/, '街道');
    return { name, cls: townshipClass(name) ?? 'other' };
  }
  if (endingIn(VILLAGE_OFFICE).test(printed)) {
    return { name: printed.replace(endingIn(VILLAGE_OFFICE), '村').replace(/村村$/, '村'), cls: 'village' };
  }
  if (endingIn(COMMUNITY_OFFICE).test(printed)) {
    return { name: `${printed.replace(endingIn(COMMUNITY_OFFICE), '')}社区`, cls: 'community' };
  }
  return { name: printed, cls: 'other' };
}

/**
 * Facility words, longest first. A piece of place text holding one is a
 * facility named up to the word (第二人民医院西面空地 -> 第二人民医院).
 */
export const FACILITY_KEYWORDS: readonly string[] = [
  '妇幼保健计划生育服务中心',
  '社会福利服务中心',
  '卫生服务中心',
  '妇幼保健院',
  '人民医院',
  '中医医院',
  '传染病医院',
  '中医院',
  '卫生院',
  '医院',
  '中心敬老院',
  '敬老院',
  '养老院',
  '养护院',
  '护理院',
  '老年公寓',
  '中学校',
  '初级中学',
  '中学',
  '小学',
  '幼儿园',
  '学校',
  '看守所',
  '交警队',
  '机场',
  '火车站',
  '站',
]
  .slice()
  .sort((a, b) => b.length - a.length);

/**
 * Institutions a county or the city keeps in its seat town, when printed with
 * no other name before the word: 县人民医院, 长治市中医医院, 壶关县中心敬老院,
 * but not 郭道中心敬老院 (a town's).
 */
export const SEAT_INSTITUTION_KEYWORDS: ReadonlySet<string> = new Set([
  '人民医院',
  '中医院',
  '中医医院',
  '妇幼保健院',
  '妇幼保健计划生育服务中心',
  '看守所',
  '交警队',
  '社会福利服务中心',
  '中心敬老院',
]);

/** School words, longest first: 中学校 before 中学. */
export const SCHOOL_KEYWORDS: readonly string[] = ['中学校', '初级中学', '中学', '小学', '幼儿园', '学校'];

/** Words that make a row the whole city's, not one county's. */
export const CITYWIDE_WORDS: readonly string[] = ['各县区', '全市'];
