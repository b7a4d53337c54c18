import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLASS_METHODS } from '../../src/analysis/classify.ts';
import { EMPTY_FILTERS } from '../../src/analysis/filters.ts';
import { CATEGORIES, SUBCATEGORIES, PRECISIONS } from '../../src/data/project.ts';
import { DEFAULT_SHARED, METRICS, PANEL_TABS, type SharedState } from '../../src/state/store.ts';
import { hasInvisible } from '../../src/security/invisibleText.ts';
import { decodeUrlState, encodeUrlState, MAX_QUERY_LENGTH, type KnownValues } from '../../src/state/url.ts';

const known: KnownValues = {
  counties: new Set(['140425', '140426', '140427']),
  zones: new Set(['太行山水风景片区', '文化传承片区']),
  projectIds: new Set(['A1-07', 'A4-铁路-03']),
};

describe('URL state', () => {
  it('writes nothing for the default view', () => {
    expect(encodeUrlState(DEFAULT_SHARED).toString()).toBe('');
  });

  it('writes only what differs from the defaults', () => {
    const s: SharedState = {
      ...DEFAULT_SHARED,
      filters: { ...EMPTY_FILTERS, counties: ['140425'], categories: ['health', 'education'], query: '医院' },
      metric: 'total',
      selectedProject: 'A4-铁路-03',
    };
    expect(decodeURIComponent(encodeUrlState(s).toString())).toBe(
      'county=140425&cat=health,education&project=A4-铁路-03&metric=total&q=医院',
    );
  });

  it('reads a deep link for one county', () => {
    const { state, problems } = decodeUrlState('?county=140425', known);
    expect(problems).toEqual([]);
    expect(state.filters.counties).toEqual(['140425']);
    expect(state.metric).toBe('density');
  });

  it('reads sub-categories and precisions, the central city included (?sub=elderly,rail&prec=urban)', () => {
    const { state, problems } = decodeUrlState('?sub=elderly,rail,casino&prec=urban', known);
    expect(state.filters.subcategories).toEqual(['elderly', 'rail']);
    expect(state.filters.precisions).toEqual(['urban']);
    expect(problems).toEqual(['sub=casino（未知的子类）']);
    expect(encodeUrlState(state).toString()).toBe('sub=elderly%2Crail&prec=urban');
  });

  it('drops unknown values and says which, keeping the good ones', () => {
    const { state, problems } = decodeUrlState(
      '?county=140425,999999&cat=health,weapons&metric=rainfall&project=%3Cscript%3E&foo=1&map=3/0/0&inv=5~1',
      known,
    );
    expect(state.filters.counties).toEqual(['140425']);
    expect(state.filters.categories).toEqual(['health']);
    expect(state.metric).toBe('density');
    expect(state.selectedProject).toBeNull();
    expect(state.view).toBeNull();
    expect(state.filters.investment).toEqual({ min: null, max: null });
    expect(problems).toEqual([
      'county=999999（未知的县区代码）',
      'cat=weapons（未知的类别）',
      'metric=rainfall（未知的指标）',
      'project=<script>（未知的项目编号）',
      'foo=1（未知的参数）',
      'map=3/0/0（应为 缩放/纬度/经度，且在长治附近）',
      'inv=5~1（应为 最小~最大（亿元））',
    ]);
  });

  it('reads 在建年份, the unknown-year choice and the spread layer, and refuses anything else', () => {
    const { state, problems } = decodeUrlState('?year=2021~2025&noyear=exclude&asof=2023&spread=on', known);
    expect(problems).toEqual([]);
    expect(state.filters).toMatchObject({ startYear: { min: 2021, max: 2025 }, unknownYear: 'exclude', asOf: 2023 });
    expect(state.showSpread).toBe(true);
    expect(decodeUrlState('?asof=20x3&noyear=drop&spread=1', known).problems).toEqual([
      'asof=20x3（应为年份）',
      'noyear=drop（只能为 exclude）',
      'spread=1（只能为 on）',
    ]);
  });

  it('drops a q with invisible or direction characters, naming each one in the notice', () => {
    for (const [q, shown] of [
      ['%E2%80%AE医院', '⟨U+202E⟩医院'],
      ['%E2%80%8B', '⟨U+200B⟩'],
      ['a%E2%81%A0b', 'a⟨U+2060⟩b'],
      ['%D8%9C', '⟨U+061C⟩'],
      ['%C2%AD', '⟨U+00AD⟩'],
    ]) {
      const { state, problems } = decodeUrlState(`?q=${q}`, known);
      expect(state.filters.query).toBe('');
      expect(problems).toEqual([`q=${shown}（含不可见字符或方向控制符）`]);
    }
    expect(decodeUrlState('?e%E2%80%AEvil=1', known).problems).toEqual(['e⟨U+202E⟩vil=1（未知的参数）']);
  });

  it('bounds lengths', () => {
    const long = 'x'.repeat(MAX_QUERY_LENGTH + 1);
    expect(decodeUrlState(`?q=${long}`, known).state.filters.query).toBe('');
    expect(decodeUrlState(`?zone=${'y'.repeat(500)}`, known).problems[0]).toMatch(/过长/);
    const many = Array.from({ length: 21 }, () => '140425').join(',');
    expect(decodeUrlState(`?county=${many}`, known).problems[0]).toMatch(/项数过多/);
  });

  it('reads presenter mode and its step, in either order', () => {
    const withSteps = { ...known, tourSteps: 7 };
    expect(decodeUrlState('?mode=present&step=3', withSteps)).toMatchObject({ state: { presenting: true, step: 3 }, problems: [] });
    expect(decodeUrlState('?step=7&mode=present', withSteps)).toMatchObject({ state: { presenting: true, step: 7 }, problems: [] });
    expect(decodeUrlState('?mode=present', withSteps)).toMatchObject({ state: { presenting: true, step: 1 }, problems: [] });
    expect(encodeUrlState({ ...DEFAULT_SHARED, presenting: true, step: 4 }).toString()).toBe('mode=present&step=4');
    expect(encodeUrlState({ ...DEFAULT_SHARED, presenting: false, step: 4 }).toString()).toBe('');
  });

  it('refuses a step outside the tour, a step without presenter mode, and unknown modes', () => {
    const withSteps = { ...known, tourSteps: 7 };
    const problems = (q: string) => decodeUrlState(q, withSteps).problems;
    expect(problems('?mode=present&step=8')).toEqual(['step=8（应为 1–7）']);
    expect(problems('?mode=present&step=0')).toEqual(['step=0（应为 1–7）']);
    expect(problems('?mode=present&step=2.5')).toEqual(['step=2.5（应为 1–7）']);
    expect(problems('?mode=present&step=%3Cb%3E')).toEqual(['step=<b>（应为 1–7）']);
    expect(problems('?step=2')).toEqual(['step=2（只在 mode=present 时有效）']);
    expect(problems('?mode=slides')).toEqual(['mode=slides（只能为 present）']);
    expect(decodeUrlState('?mode=present&step=8', withSteps).state.step).toBe(1);
  });

  it('property: any state round-trips through the URL', () => {
    const range = (lo: number, hi: number, int: boolean) =>
      fc
        .tuple(
          fc.option(int ? fc.integer({ min: lo, max: hi }) : fc.double({ min: lo, max: hi, noNaN: true }), { nil: null }),
          fc.option(int ? fc.integer({ min: lo, max: hi }) : fc.double({ min: lo, max: hi, noNaN: true }), { nil: null }),
        )
        .map(([a, b]) => (a !== null && b !== null && a > b ? { min: b, max: a } : { min: a, max: b }))
        .map((r) => ({ min: r.min === null ? null : Number(r.min.toFixed(4)), max: r.max === null ? null : Number(r.max.toFixed(4)) }));
    const state = fc.record<SharedState>({
      view: fc.option(
        fc.record({
          zoom: fc.double({ min: 5, max: 15, noNaN: true }).map((z) => Math.round(z * 100) / 100),
          center: fc.tuple(
            fc.double({ min: 108, max: 118, noNaN: true }).map((x) => Math.round(x * 1e5) / 1e5),
            fc.double({ min: 33, max: 40, noNaN: true }).map((x) => Math.round(x * 1e5) / 1e5),
          ),
        }),
        { nil: null },
      ),
      showZones: fc.boolean(),
      showSpread: fc.boolean(),
      filters: fc.record({
        categories: fc.uniqueArray(fc.constantFrom(...CATEGORIES)),
        subcategories: fc.uniqueArray(fc.constantFrom(...SUBCATEGORIES)),
        counties: fc.uniqueArray(fc.constantFrom(...known.counties)),
        zone: fc.option(fc.constantFrom(...known.zones), { nil: null }),
        investment: range(0, 1000, false),
        startYear: range(2000, 2030, true),
        unknownYear: fc.constantFrom('include' as const, 'exclude' as const),
        asOf: fc.option(fc.integer({ min: 1990, max: 2100 }), { nil: null }),
        precisions: fc.uniqueArray(fc.constantFrom(...PRECISIONS)),
        query: fc.string({ maxLength: MAX_QUERY_LENGTH }).map((q) => q.trim()).filter((q) => !/\s/.test(q) && !hasInvisible(q)),
      }),
      metric: fc.constantFrom(...METRICS),
      classMethod: fc.constantFrom(...CLASS_METHODS),
      selectedProject: fc.option(fc.constantFrom(...known.projectIds), { nil: null }),
      panelTab: fc.constantFrom(...PANEL_TABS),
      presenting: fc.boolean(),
      step: fc.integer({ min: 1, max: 9 }),
    })
      // Outside presenter mode the step is not written (it starts at 1 when presenting begins).
      .map((s) => (s.presenting ? s : { ...s, step: 1 }));
    fc.assert(
      fc.property(state, (s) => {
        const { state: back, problems } = decodeUrlState(`?${encodeUrlState(s).toString()}`, known);
        expect(problems).toEqual([]);
        expect(back).toEqual(s);
      }),
    );
  });
});
