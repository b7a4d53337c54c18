import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, hasPlaceFilter, placeCounties, withoutPlaceFilters } from '../../src/analysis/filters.ts';

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
