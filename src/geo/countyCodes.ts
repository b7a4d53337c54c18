/**
 * The 12 county-level units of 长治市 since the 2018 reform, in the order of the
 * national code list. The pipeline checks the boundary source against this list.
 */
export const COUNTIES = [
  { adcode: '140403', name: '潞州区' },
  { adcode: '140404', name: '上党区' },
  { adcode: '140405', name: '屯留区' },
  { adcode: '140406', name: '潞城区' },
  { adcode: '140423', name: '襄垣县' },
  { adcode: '140425', name: '平顺县' },
  { adcode: '140426', name: '黎城县' },
  { adcode: '140427', name: '壶关县' },
  { adcode: '140428', name: '长子县' },
  { adcode: '140429', name: '武乡县' },
  { adcode: '140430', name: '沁县' },
  { adcode: '140431', name: '沁源县' },
] as const;

export type CountyAdcode = (typeof COUNTIES)[number]['adcode'];

export const CITY = { adcode: '140400', name: '长治市' } as const;

/** Official land area of 长治市 (长治市人民政府), km². */
export const OFFICIAL_CITY_AREA_KM2 = 13955;

export function isCountyAdcode(value: string): value is CountyAdcode {
  return COUNTIES.some((c) => c.adcode === value);
}
