import { Fragment, useId } from 'react';
import { activeFilterCount, type Range } from '../analysis/filters.ts';
import { CATEGORIES, CATEGORY_LABEL, type LocatedProject } from '../data/project.ts';
import type { GeoBundle } from '../geo/types.ts';
import { useAppStore } from '../state/store.ts';
import { MAX_QUERY_LENGTH } from '../state/url.ts';
import { CATEGORY_COLORS } from '../theme/palette.ts';
import { PrecisionFilter } from './PrecisionFilter.tsx';
import { SubcategoryFilter } from './SubcategoryFilter.tsx';
import { stripInvisible } from '../security/invisibleText.ts';

function toggled<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

function parseBound(text: string): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

function RangeInputs({
  label,
  unit,
  value,
  onChange,
  step,
}: {
  label: string;
  unit: string;
  value: Range;
  onChange: (r: Range) => void;
  step: string;
}) {
  const id = useId();
  return (
    <fieldset className="filter-range">
      <legend>
        {label}
        <span className="muted">（{unit}）</span>
      </legend>
      {(['min', 'max'] as const).map((bound) => (
        <Fragment key={bound}>
          {bound === 'max' && <span aria-hidden="true">–</span>}
          <label htmlFor={`${id}-${bound}`} className="sr-only">
            {label}
            {bound === 'min' ? '最小' : '最大'}
          </label>
          <input
            id={`${id}-${bound}`}
            type="number"
            min="0"
            step={step}
            inputMode="decimal"
            placeholder="不限"
            value={value[bound] ?? ''}
            onChange={(e) => onChange({ ...value, [bound]: parseBound(e.target.value) })}
          />
        </Fragment>
      ))}
    </fieldset>
  );
}

/**
 * Every filter, each reflected at once on the map, the list and the figures.
 * `unknownYears`: with a year filter on, how many selected projects have no year.
 */
export function FilterPanel({ geo, projects, unknownYears = null }: { geo: GeoBundle; projects: readonly LocatedProject[]; unknownYears?: number | null }) {
  const filters = useAppStore((s) => s.filters);
  const setFilters = useAppStore((s) => s.setFilters);
  const clearFilters = useAppStore((s) => s.clearFilters);
  const hoverCounty = useAppStore((s) => s.hoverCounty);
  const active = activeFilterCount(filters);
  const categoryCount = (c: string) => projects.filter((p) => p.category === c).length;

  return (
    <section className="filters" aria-label="筛选">
      <div className="filter-search">
        <label htmlFor="project-search" className="sr-only">
          搜索项目
        </label>
        <input
          id="project-search"
          type="search"
          placeholder="搜索项目：名称、地点、建设单位"
          maxLength={MAX_QUERY_LENGTH}
          value={filters.query}
          onChange={(e) => setFilters({ query: stripInvisible(e.target.value) })}
        />
        <button type="button" className="link-button" onClick={clearFilters} disabled={active === 0}>
          清除筛选{active > 0 ? `（${active}）` : ''}
        </button>
      </div>

      <fieldset className="filter-group">
        <legend>类别</legend>
        <div className="chips">
          {CATEGORIES.map((c) => (
            <label key={c} className={filters.categories.includes(c) ? 'chip chip-on' : 'chip'}>
              <input
                type="checkbox"
                checked={filters.categories.includes(c)}
                onChange={() => setFilters({ categories: toggled(filters.categories, c) })}
              />
              <span className="dot" style={{ background: CATEGORY_COLORS[c] }} aria-hidden="true" />
              {CATEGORY_LABEL[c]}
              <span className="muted">{categoryCount(c)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <SubcategoryFilter projects={projects} />

      <fieldset className="filter-group">
        <legend>县区</legend>
        <div className="chips">
          {geo.counties.features.map(({ properties: c }) => (
            <button
              key={c.adcode}
              type="button"
              className={filters.counties.includes(c.adcode) ? 'chip chip-on' : 'chip'}
              aria-pressed={filters.counties.includes(c.adcode)}
              onClick={() => setFilters({ counties: toggled(filters.counties, c.adcode) })}
              onMouseEnter={() => hoverCounty(c.adcode)}
              onMouseLeave={() => hoverCounty(null)}
            >
              {c.name}
            </button>
          ))}
        </div>
      </fieldset>

      <div className="filter-row">
        <label className="filter-select">
          片区
          <select value={filters.zone ?? ''} onChange={(e) => setFilters({ zone: e.target.value || null })}>
            <option value="">全部片区</option>
            {geo.zones.features.map((z) => (
              <option key={z.properties.name} value={z.properties.name}>
                {z.properties.name}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="filter-row">
        <RangeInputs
          label="投资额"
          unit="亿元"
          step="0.1"
          value={filters.investment}
          onChange={(investment) => setFilters({ investment })}
        />
        <RangeInputs
          label="开工年份"
          unit="年"
          step="1"
          value={filters.startYear}
          onChange={(startYear) => setFilters({ startYear })}
        />
      </div>

      {unknownYears !== null && (filters.startYear.min !== null || filters.startYear.max !== null) && (
        <fieldset className="filter-unknown-year">
          <legend>所选项目中 {unknownYears} 项未列开工年份：</legend>
          {(['include', 'exclude'] as const).map((v) => (
            <label key={v}>
              <input type="radio" name="unknown-year" checked={filters.unknownYear === v} onChange={() => setFilters({ unknownYear: v })} />
              {v === 'include' ? '包括' : '排除'}
            </label>
          ))}
        </fieldset>
      )}
      {filters.asOf !== null && (
        <p className="filter-asof">
          <button type="button" className="chip chip-on" onClick={() => setFilters({ asOf: null })} aria-label={`清除在建年份 ${filters.asOf} 年`}>
            {filters.asOf} 年在建 ×
          </button>
          {unknownYears !== null && unknownYears > 0 && <span className="muted">未列年份的 {unknownYears} 项不在其中</span>}
        </p>
      )}

      <PrecisionFilter projects={projects} />
      {(filters.investment.min !== null || filters.investment.max !== null) && <p className="hint">设定投资额范围时，未列投资额的项目不在结果中。</p>}
    </section>
  );
}
