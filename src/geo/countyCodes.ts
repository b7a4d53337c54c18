import { COUNTY_NAMES } from './placeNames.ts';

/**
 * The 12 county-level units of 长治市 since the 2018 reform, in the order of the
 * national code list, with every name they go by (src/geo/placeNames.ts). The
 * pipeline checks the boundary source against this list.
 */
export const COUNTIES = COUNTY_NAMES;

export type CountyAdcode = (typeof COUNTIES)[number]['adcode'];

export const CITY = { adcode: '140400', name: '长治市' } as const;

/** Official land area of 长治市 (长治市人民政府), km². */
export const OFFICIAL_CITY_AREA_KM2 = 13955;

export function isCountyAdcode(value: string): value is CountyAdcode {
  return COUNTIES.some((c) => c.adcode === value);
}
