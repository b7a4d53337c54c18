import { CLASS_METHODS, type ClassMethod } from '../analysis/classify.ts';
import { EMPTY_FILTERS, type Range } from '../analysis/filters.ts';
import { CATEGORIES, PRECISIONS, SUBCATEGORIES, type Category, type Precision, type Subcategory } from '../data/project.ts';
import { hasInvisible, showInvisible } from '../security/invisibleText.ts';
import { DEFAULT_SHARED, METRICS, PANEL_TABS, type MapView, type Metric, type PanelTab, type SharedState } from './store.ts';

/** What a link may name: anything else is ignored with a notice. */
export interface KnownValues {
  counties: ReadonlySet<string>;
  zones: ReadonlySet<string>;
  projectIds: ReadonlySet<string>;
  /** Steps in the presenter's tour; `step` beyond it is refused. Unset: up to MAX_STEP. */
  tourSteps?: number;
}

const MAX_PARAM_LENGTH = 200;
const MAX_LIST_ITEMS = 20;
const MAX_STEP = 99;
export const MAX_QUERY_LENGTH = 60;
/** The map may only be opened around 长治 (with room for the neighbours). */
const VIEW_BOUNDS = { lon: [108, 118], lat: [33, 40], zoom: [5, 15] } as const;

const KEYS = ['county', 'zone', 'cat', 'sub', 'project', 'metric', 'classes', 'q', 'inv', 'year', 'noyear', 'asof', 'prec', 'zones', 'spread', 'tab', 'map', 'mode', 'step'] as const;

/** Plain decimal notation (never 1e-7) with at most `decimals` digits. */
function fixed(n: number, decimals: number): string {
  return String(Number(n.toFixed(decimals)));
}

/** Ranges keep 4 decimals: 0.0001 亿元 is 1 万元, the finest unit in the plan. */
function encodeRange(r: Range): string | null {
  if (r.min === null && r.max === null) return null;
  return `${r.min === null ? '' : fixed(r.min, 4)}~${r.max === null ? '' : fixed(r.max, 4)}`;
}

/** The shared state as query parameters, defaults left out, in a fixed order. */
export function encodeUrlState(s: SharedState): URLSearchParams {
  const p = new URLSearchParams();
  const f = s.filters;
  if (f.counties.length > 0) p.set('county', f.counties.join(','));
  if (f.zone !== null) p.set('zone', f.zone);
  if (f.categories.length > 0) p.set('cat', f.categories.join(','));
  if (f.subcategories.length > 0) p.set('sub', f.subcategories.join(','));
  if (s.selectedProject !== null) p.set('project', s.selectedProject);
  if (s.metric !== DEFAULT_SHARED.metric) p.set('metric', s.metric);
  if (s.classMethod !== DEFAULT_SHARED.classMethod) p.set('classes', s.classMethod);
  if (f.query.trim() !== '') p.set('q', f.query.trim());
  const inv = encodeRange(f.investment);
  if (inv) p.set('inv', inv);
  const year = encodeRange(f.startYear);
  if (year) p.set('year', year);
  if (f.unknownYear !== EMPTY_FILTERS.unknownYear) p.set('noyear', f.unknownYear);
  if (f.asOf !== null) p.set('asof', String(f.asOf));
  if (f.precisions.length > 0) p.set('prec', f.precisions.join(','));
  if (!s.showZones) p.set('zones', 'off');
  if (s.showSpread) p.set('spread', 'on');
  if (s.panelTab !== DEFAULT_SHARED.panelTab) p.set('tab', s.panelTab);
  if (s.view) p.set('map', `${fixed(s.view.zoom, 2)}/${fixed(s.view.center[1], 5)}/${fixed(s.view.center[0], 5)}`);
  // The step is written whenever presenting, so a copied link always names the slide it shows.
  if (s.presenting) {
    p.set('mode', 'present');
    p.set('step', String(s.step));
  }
  return p;
}

export interface DecodedUrl {
  state: SharedState;
  /** Parameters that were ignored, each as `key=value (reason)`. */
  problems: string[];
}

function parseRange(text: string, lo: number, hi: number): Range | null {
  const m = /^(-?\d+(?:\.\d+)?)?~(-?\d+(?:\.\d+)?)?$/.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const min = m[1] === undefined ? null : Number(m[1]);
  const max = m[2] === undefined ? null : Number(m[2]);
  for (const v of [min, max]) if (v !== null && (!Number.isFinite(v) || v < lo || v > hi)) return null;
  if (min !== null && max !== null && min > max) return null;
  return { min, max };
}

function parseView(text: string): MapView | null {
  const parts = text.split('/');
  if (parts.length !== 3 || parts.some((x) => !/^-?\d+(\.\d+)?$/.test(x))) return null;
  const [zoom, lat, lon] = parts.map(Number) as [number, number, number];
  const { lon: lonB, lat: latB, zoom: zB } = VIEW_BOUNDS;
  if (zoom < zB[0] || zoom > zB[1] || lat < latB[0] || lat > latB[1] || lon < lonB[0] || lon > lonB[1]) return null;
  return { zoom, center: [lon, lat] };
}

/**
 * Reads a link's query string into state, trusting nothing: every value is
 * checked against what exists, lengths are bounded, and whatever does not
 * fit is dropped and reported, so a malformed link opens the default view.
 */
export function decodeUrlState(search: string, known: KnownValues): DecodedUrl {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const state: SharedState = { ...DEFAULT_SHARED, filters: { ...EMPTY_FILTERS } };
  // Keys and values are shown with any invisible character named (⟨U+202E⟩), so none acts on the notice.
  const reject = (key: string, value: string, reason: string) =>
    problems.push(`${showInvisible(key.slice(0, 40))}=${showInvisible(value.length > 40 ? `${value.slice(0, 40)}…` : value)}（${reason}）`);

  const list = <T extends string>(key: string, value: string, allowed: (x: string) => x is T, what: string): T[] => {
    const items = value.split(',').filter(Boolean);
    if (items.length > MAX_LIST_ITEMS) {
      reject(key, value, '项数过多');
      return [];
    }
    const good = [...new Set(items.filter(allowed))];
    const bad = items.filter((x) => !allowed(x));
    if (bad.length > 0) reject(key, bad.join(','), `未知的${what}`);
    return good;
  };

  const seen = new Set<string>();
  let step: string | null = null;
  for (const [key, value] of params) {
    if (seen.has(key)) {
      reject(key, value, '重复的参数');
      continue;
    }
    seen.add(key);
    if (!(KEYS as readonly string[]).includes(key)) {
      reject(key, value, '未知的参数');
      continue;
    }
    if (value.length > MAX_PARAM_LENGTH) {
      reject(key, value, '过长');
      continue;
    }
    switch (key) {
      case 'county':
        state.filters.counties = list(key, value, (x): x is string => known.counties.has(x), '县区代码');
        break;
      case 'zone':
        if (known.zones.has(value)) state.filters.zone = value;
        else reject(key, value, '未知的片区');
        break;
      case 'cat':
        state.filters.categories = list(key, value, (x): x is Category => (CATEGORIES as readonly string[]).includes(x), '类别');
        break;
      case 'sub':
        state.filters.subcategories = list(key, value, (x): x is Subcategory => (SUBCATEGORIES as readonly string[]).includes(x), '子类');
        break;
      case 'prec':
        state.filters.precisions = list(key, value, (x): x is Precision => (PRECISIONS as readonly string[]).includes(x), '精度');
        break;
      case 'project':
        if (known.projectIds.has(value)) state.selectedProject = value;
        else reject(key, value, '未知的项目编号');
        break;
      case 'metric':
        if ((METRICS as readonly string[]).includes(value)) state.metric = value as Metric;
        else reject(key, value, '未知的指标');
        break;
      case 'classes':
        if ((CLASS_METHODS as readonly string[]).includes(value)) state.classMethod = value as ClassMethod;
        else reject(key, value, '未知的分级方法');
        break;
      case 'tab':
        if ((PANEL_TABS as readonly string[]).includes(value)) state.panelTab = value as PanelTab;
        else reject(key, value, '未知的视图');
        break;
      case 'zones':
        if (value === 'off') state.showZones = false;
        else reject(key, value, '只能为 off');
        break;
      case 'spread':
        if (value === 'on') state.showSpread = true;
        else reject(key, value, '只能为 on');
        break;
      case 'q':
        if (value.length > MAX_QUERY_LENGTH) reject(key, value, `超过 ${MAX_QUERY_LENGTH} 字`);
        // A direction override or a zero-width character would also reach the search box and the export's file name.
        else if (hasInvisible(value)) reject(key, value, '含不可见字符或方向控制符');
        else state.filters.query = value;
        break;
      case 'inv': {
        const r = parseRange(value, 0, 100000);
        if (r) state.filters.investment = r;
        else reject(key, value, '应为 最小~最大（亿元）');
        break;
      }
      case 'year': {
        const r = parseRange(value, 1990, 2100);
        if (r && [r.min, r.max].every((y) => y === null || Number.isInteger(y))) state.filters.startYear = r;
        else reject(key, value, '应为 起始年~终止年');
        break;
      }
      case 'noyear':
        if (value === 'exclude') state.filters.unknownYear = 'exclude';
        else reject(key, value, '只能为 exclude');
        break;
      case 'asof':
        if (/^\d{4}$/.test(value) && Number(value) >= 1990 && Number(value) <= 2100) state.filters.asOf = Number(value);
        else reject(key, value, '应为年份');
        break;
      case 'map': {
        const v = parseView(value);
        if (v) state.view = v;
        else reject(key, value, '应为 缩放/纬度/经度，且在长治附近');
        break;
      }
      case 'mode':
        if (value === 'present') state.presenting = true;
        else reject(key, value, '只能为 present');
        break;
      case 'step':
        step = value;
        break;
    }
  }
  // Read after the loop: `step` may come before `mode`.
  if (step !== null) {
    const last = known.tourSteps ?? MAX_STEP;
    const n = /^[1-9]\d{0,1}$/.test(step) ? Number(step) : NaN;
    if (!state.presenting) reject('step', step, '只在 mode=present 时有效');
    else if (!(n >= 1 && n <= last)) reject('step', step, `应为 1–${last}`);
    else state.step = n;
  }
  return { state, problems };
}

/** True when two shared states would write the same URL. */
export function sameUrlState(a: SharedState, b: SharedState): boolean {
  return encodeUrlState(a).toString() === encodeUrlState(b).toString();
}
