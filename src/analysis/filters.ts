import { CATEGORY_LABEL, type Category, type LocatedProject, type Precision, type Subcategory } from '../data/project.ts';
import { projectCounties } from './allocate.ts';
import { cityInvestment } from '../data/totals.ts';
import { underConstruction } from './years.ts';

export interface Range {
  min: number | null;
  max: number | null;
}

export interface Filters {
  /** Empty: every category. */
  categories: Category[];
  /** Reviewed sub-categories (附件2, 附件4); empty: every project. A project without one does not match a set list. */
  subcategories: Subcategory[];
  /** County adcodes; empty: every county. A project matches if it touches any. */
  counties: string[];
  /** A zone name, or null. */
  zone: string | null;
  /** 亿元, inclusive. Projects without a figure drop out when a bound is set. */
  investment: Range;
  /** Start year, inclusive. Projects without one are kept or dropped as `unknownYear` says. */
  startYear: Range;
  /** Projects without a start year under a start-year range: kept (the default) or dropped; counted apart either way. */
  unknownYear: 'include' | 'exclude';
  /** Under construction in this year (its years include it); projects without years drop out and are counted. */
  asOf: number | null;
  /** Location precisions; a project matches if any of its points has one. */
  precisions: Precision[];
  /** 搜索项目: every space-separated term must occur in name, location or owner. */
  query: string;
}

export const EMPTY_FILTERS: Filters = {
  categories: [],
  subcategories: [],
  counties: [],
  zone: null,
  investment: { min: null, max: null },
  startYear: { min: null, max: null },
  unknownYear: 'include',
  asOf: null,
  precisions: [],
  query: '',
};

/** The filters with county and zone removed: what areas are compared and ranked under. */
export function withoutPlaceFilters(f: Filters): Filters {
  return { ...f, counties: [], zone: null };
}

export function hasPlaceFilter(f: Filters): boolean {
  return f.counties.length > 0 || f.zone !== null;
}

/** Every county the place filters name: the chosen counties and the chosen zone's, once each. */
export function placeCounties(counties: readonly string[], zone: string | null, zoneCounties: (zone: string) => readonly string[]): string[] {
  return [...new Set([...counties, ...(zone ? zoneCounties(zone) : [])])];
}

export function isRangeSet(r: Range): boolean {
  return r.min !== null || r.max !== null;
}

export function activeFilterCount(f: Filters): number {
  return (
    (f.categories.length > 0 ? 1 : 0) +
    (f.subcategories.length > 0 ? 1 : 0) +
    (f.counties.length > 0 ? 1 : 0) +
    (f.zone !== null ? 1 : 0) +
    (isRangeSet(f.investment) ? 1 : 0) +
    (isRangeSet(f.startYear) ? 1 : 0) +
    (f.asOf !== null ? 1 : 0) +
    (f.precisions.length > 0 ? 1 : 0) +
    (f.query.trim() !== '' ? 1 : 0)
  );
}

function inRange(value: number | null, r: Range): boolean {
  if (!isRangeSet(r)) return true;
  if (value === null) return false;
  return (r.min === null || value >= r.min) && (r.max === null || value <= r.max);
}

export function searchTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/u).filter(Boolean);
}

function haystack(p: LocatedProject): string {
  return [p.name, p.displayNameOurs ? p.displayName : null, p.locationText, p.owner, p.department, CATEGORY_LABEL[p.category]]
    .filter((s): s is string => !!s)
    .join('\n')
    .toLowerCase();
}

/**
 * A predicate for the filters, with the zone resolved to its counties.
 * Built once per filter change, then run over every project.
 */
export function projectMatcher(f: Filters, zoneCounties: (zone: string) => readonly string[]): (p: LocatedProject) => boolean {
  const categories = new Set(f.categories);
  const subcategories = new Set(f.subcategories);
  const counties = new Set(f.counties);
  const zone = f.zone === null ? null : new Set(zoneCounties(f.zone));
  const precisions = new Set(f.precisions);
  const terms = searchTerms(f.query);
  return (p) => {
    if (categories.size > 0 && !categories.has(p.category)) return false;
    if (subcategories.size > 0 && (p.subcategory === null || !subcategories.has(p.subcategory))) return false;
    if (counties.size > 0 || zone) {
      const pc = projectCounties(p);
      if (counties.size > 0 && !pc.some((c) => counties.has(c))) return false;
      if (zone && !pc.some((c) => zone.has(c))) return false;
    }
    if (!inRange(cityInvestment(p), f.investment)) return false;
    if (isRangeSet(f.startYear) && (p.startYear === null ? f.unknownYear === 'exclude' : !inRange(p.startYear, f.startYear))) return false;
    if (f.asOf !== null && !underConstruction(p, f.asOf)) return false;
    if (precisions.size > 0 && !p.locations.some((l) => precisions.has(l.precision))) return false;
    if (terms.length > 0) {
      const text = haystack(p);
      if (!terms.every((t) => text.includes(t))) return false;
    }
    return true;
  };
}

/** True when a year filter (a start-year range or 在建年份) is on. */
export function hasYearFilter(f: Filters): boolean {
  return isRangeSet(f.startYear) || f.asOf !== null;
}

/** The filters with the year filters removed: what the year chart shows and the unknown-year count is taken from. */
export function withoutYearFilters(f: Filters): Filters {
  return { ...f, startYear: { min: null, max: null }, asOf: null };
}
