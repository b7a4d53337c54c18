/**
 * The project dataset's types: one Project per row of the plan's five annexes
 * (data/projects.json, written by scripts/extract-projects.ts), and the
 * locations the geocoder derives for each (data/locations.json, written by
 * scripts/geocode.ts). Shared by the pipeline and the app.
 */

export const CATEGORIES = ['health', 'eldercare', 'education', 'transport', 'ecology'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The annex each category comes from (附件1..5). */
export const CATEGORY_ANNEX: Record<Category, 1 | 2 | 3 | 4 | 5> = {
  health: 1,
  eldercare: 2,
  education: 3,
  transport: 4,
  ecology: 5,
};

export const CATEGORY_LABEL: Record<Category, string> = {
  health: '卫生健康',
  eldercare: '康养',
  education: '教育',
  transport: '交通',
  ecology: '生态环境',
};

/**
 * Reviewed sub-categories: 附件2 康养 by what a project is (rules and their
 * reviewed exceptions in data/PROJECTS.md), 附件4 交通 by its printed section.
 */
export const SUBCATEGORIES = [
  'elderly',
  'medical',
  'tourism',
  'sports',
  'other',
  'aviation',
  'rail',
  'expressway',
  'road',
  'freight',
  'water',
] as const;
export type Subcategory = (typeof SUBCATEGORIES)[number];

export const SUBCATEGORY_LABEL: Record<Subcategory, string> = {
  elderly: '养老服务',
  medical: '医养结合',
  tourism: '康养旅游与度假',
  sports: '体育健身',
  other: '其他',
  aviation: '航空',
  rail: '铁路',
  expressway: '高速公路',
  road: '地方重要公路',
  freight: '货运场站',
  water: '水运',
};

/** The category each sub-category divides. */
export const SUBCATEGORY_CATEGORY: Record<Subcategory, Category> = {
  elderly: 'eldercare',
  medical: 'eldercare',
  tourism: 'eldercare',
  sports: 'eldercare',
  other: 'eldercare',
  aviation: 'transport',
  rail: 'transport',
  expressway: 'transport',
  road: 'transport',
  freight: 'transport',
  water: 'transport',
};

/** `local`: one county; `multi`: several (lines, corridors); `citywide`: 各县区 or 市级平台. */
export type Scope = 'local' | 'multi' | 'citywide';

export interface Investment {
  /** 预计总投资 in 亿元 (附件3's 万元 converted); null when the source gives none. */
  total: number | null;
  /** “十四五”时期投资 in 亿元; null when the source gives none. */
  plan: number | null;
  /**
   * The share inside 长治市 in 亿元 when the row's text states one
   * (长治境内…投资约为64亿元); `total` then keeps the whole-line figure.
   */
  inCity: number | null;
  /** `column`: from the annex's amount columns; `text`: stated inside the row's text (附件4). */
  basis: 'column' | 'text' | 'none';
  /** The cells or phrase the figures were read from, as printed (units included). */
  raw: { total: string | null; plan: string | null; inCity: string | null };
}

export interface ProjectSource {
  /** The row's raw text in the seed, line-wrap spaces and all. */
  raw: string;
  /** 1-based line number(s) of the row in the seed file. */
  lines: number[];
  /**
   * True when the row's printed cells were corrected: by data/repairs.json
   * (merged or missing cells), or by the extractor's one systematic rule (a
   * repeated investment cell that shifts the columns after it). The note says which.
   */
  repaired: boolean;
  /** What was inferred or repaired, and how sure it is; null when the row is clean. */
  note: string | null;
  /** Other readings of an ambiguous row (e.g. swapped columns), in words. */
  alternatives: string[];
}

export interface Project {
  /** Stable id from annex/section/seq: `A1-07`, `A4-铁路-03`. */
  id: string;
  annex: 1 | 2 | 3 | 4 | 5;
  /** 附件4's sub-section as printed (航空, 铁路, …); null elsewhere. */
  section: string | null;
  /** The row number as printed. */
  seq: number;
  /** 项目名称 as printed. */
  name: string;
  /**
   * The name for lists and maps: `name`, or ours where the printed name does
   * not say what the project is (附件4 水运 prints only “黎城县”).
   */
  displayName: string;
  /** True when `displayName` is ours, not the plan's: the UI says so. */
  displayNameOurs: boolean;
  category: Category;
  /** Reviewed sub-category (附件2 and 附件4); null in the other annexes. */
  subcategory: Subcategory | null;
  /** The rule or the review that gave `subcategory`; null when it is null. */
  subcategoryBasis: string | null;
  /** 建设性质 / 属性 as printed, or null. */
  nature: string | null;
  /** 主要建设内容 / 实施内容, or null. */
  content: string | null;
  /** 建设起止年限 as printed, or null. */
  period: string | null;
  /** First year of construction read from `period`, or null. */
  startYear: number | null;
  /** Last year read from `period`, or null. */
  endYear: number | null;
  investment: Investment;
  /** 资金来源 / 政府投资或社会投资, or null. */
  funding: string | null;
  /** 项目法人(筹建)单位, or null. */
  owner: string | null;
  /** 项目主管(责任)部门, or null. */
  department: string | null;
  /** 项目牵头部门 (附件1 only, which prints it beside 主管部门), or null. */
  leadDepartment: string | null;
  /** 是否纳入国家和省“十四五”规划 as printed (是/否), or null. */
  inNationalPlan: string | null;
  /** 是否为“十三五”规划延续项目 as printed (附件5 only), or null. */
  from13thPlan: string | null;
  /** 备注, or null. */
  remarks: string | null;
  /** Today's county adcodes; [] when `scope` is citywide. */
  counties: string[];
  scope: Scope;
  countyBasis: {
    kind: 'explicit' | 'inferred';
    /** Why these counties (the words matched, or the rule applied). */
    reason: string;
  };
  /** The printed 建设地点, or the place named in the row, or null. */
  locationText: string | null;
  /** Id of the first listing of the same real project in another annex, else null. */
  duplicateOf: string | null;
  /**
   * Id of a larger project this row says it is part of (附件2 #39 “为灵空山镇康养小镇一部分”),
   * else null. Its money is inside the parent's, so totals count it once, like duplicates.
   */
  partOf: string | null;
  source: ProjectSource;
}

/**
 * How exactly a location is known, finest first (after the AidData precision
 * codes). `urban`: somewhere in 长治's central city (中心城区), coarser than a
 * township and finer than a county: a 市直 facility or an urban street address
 * whose 街道 is not known, drawn at the city or district government.
 */
export const PRECISIONS = ['site', 'village', 'township', 'urban', 'county', 'city'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const PRECISION_LABEL: Record<Precision, string> = {
  site: '地点级',
  village: '村级',
  township: '乡镇级',
  urban: '中心城区',
  county: '县级',
  city: '市级',
};

/** Finer than `b`: a lower index in PRECISIONS. */
export function finerThan(a: Precision, b: Precision): boolean {
  return PRECISIONS.indexOf(a) < PRECISIONS.indexOf(b);
}

/** The finest of some precisions (`null` for none). */
export function finestOf(precisions: Iterable<Precision>): Precision | null {
  let best: Precision | null = null;
  for (const p of precisions) if (best === null || finerThan(p, best)) best = p;
  return best;
}

export const LOCATION_METHODS = ['gazetteer', 'seat', 'parent', 'manual', 'county'] as const;
export type LocationMethod = (typeof LOCATION_METHODS)[number];

/**
 * What a location's point is the centre of: a gazetteer village or 社区, a
 * gazetteer township (镇/乡, 街道, or a development zone), a government seat,
 * the county's label point, or a site with its own coordinates.
 */
export const PLACE_CLASSES = ['village', 'community', 'town', 'street', 'zone', 'seat', 'county', 'site'] as const;
export type PlaceClass = (typeof PLACE_CLASSES)[number];

export interface ProjectLocation {
  /** Today's county adcode; the point lies inside that county. */
  county: string;
  lon: number;
  lat: number;
  precision: Precision;
  method: LocationMethod;
  /** The place used, for display: 青羊镇 (崇岩村 无坐标), 平顺县人民政府驻地. Read `town`, `village`, `placeClass` instead of parsing it. */
  matched: string;
  /** The gazetteer township (镇, 乡, 街道 or zone) the point is the centre of or lies in, as the gazetteer names it (王陶乡); null for seats, counties, sites. */
  town: string | null;
  /** The gazetteer village or 社区 the text names (崇岩村), whether or not the point is its own; null when none. */
  village: string | null;
  placeClass: PlaceClass;
  /** Why, for `manual` and rule-based locations; null otherwise. */
  note: string | null;
}

/** data/locations.json: project id -> its locations ([] for citywide projects). */
export type LocationsById = Record<string, ProjectLocation[]>;

/** A project joined with its locations, as the app uses it. */
export interface LocatedProject extends Project {
  locations: ProjectLocation[];
}
