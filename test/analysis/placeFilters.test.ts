import { describe, expect, it } from 'vitest';
import { activeFilterCount, EMPTY_FILTERS, hasPlaceFilter, placeCounties, projectMatcher, withoutPlaceFilters, type Filters } from '../../src/analysis/filters.ts';
import { blankProject } from '../../src/data/blankProject.ts';
import type { LocatedProject } from '../../src/data/project.ts';

const ZONES: Record<string, string[]> = { 太行山水风景片区: ['140425', '140426', '140427'] };
const zoneCounties = (z: string) => ZONES[z] ?? [];

describe('place filters', () => {
  it('names the chosen counties and the chosen zone’s, each once, counties first', () => {
    expect(placeCounties([], null, zoneCounties)).toEqual([]);
    expect(placeCounties(['140431'], null, zoneCounties)).toEqual(['140431']);
    expect(placeCounties(['140426', '140431'], '太行山水风景片区', zoneCounties)).toEqual(['140426', '140431', '140425', '140427']);
  });

  it('drops county and zone and keeps every other filter', () => {
    const f = { ...EMPTY_FILTERS, counties: ['140425'], zone: '太行山水风景片区', query: '卫生院' };
    expect(hasPlaceFilter(f)).toBe(true);
    const rest = withoutPlaceFilters(f);
    expect(rest).toEqual({ ...EMPTY_FILTERS, query: '卫生院' });
    expect(hasPlaceFilter(rest)).toBe(false);
  });
});

describe('the sub-category filter', () => {
  const p = (id: string, subcategory: LocatedProject['subcategory'], extra: Partial<LocatedProject> = {}): LocatedProject => ({
    ...blankProject(id, { category: subcategory === 'rail' ? 'transport' : subcategory ? 'eldercare' : 'health', subcategory, ...extra }),
    locations: [],
  });
  const rows = [p('A2-02', 'elderly'), p('A2-27', 'tourism'), p('A4-铁路-01', 'rail'), p('A1-01', null)];
  const ids = (f: Partial<Filters>) => rows.filter(projectMatcher({ ...EMPTY_FILTERS, ...f }, zoneCounties)).map((x) => x.id);

  it('keeps the projects of the chosen sub-categories; a project without one never matches a set list', () => {
    expect(ids({})).toEqual(['A2-02', 'A2-27', 'A4-铁路-01', 'A1-01']);
    expect(ids({ subcategories: ['elderly', 'rail'] })).toEqual(['A2-02', 'A4-铁路-01']);
    expect(ids({ subcategories: ['elderly'], categories: ['eldercare', 'health'] })).toEqual(['A2-02']);
    expect(activeFilterCount({ ...EMPTY_FILTERS, subcategories: ['elderly'] })).toBe(1);
  });

  it('finds a project by the name we gave it as well as by the printed one', () => {
    const water = p('A4-水运-03', null, { name: '黎城县', displayName: '黎城县水库码头前期研究（塔坡、南村、阳南河）', displayNameOurs: true });
    expect(projectMatcher({ ...EMPTY_FILTERS, query: '码头' }, zoneCounties)(water)).toBe(true);
    expect(projectMatcher({ ...EMPTY_FILTERS, query: '黎城县' }, zoneCounties)(water)).toBe(true);
  });
});
