import { describe, expect, it } from 'vitest';
import { parseLocations } from '../../src/data/validateLocations.ts';

const good = {
  county: '140425',
  lon: 113.43,
  lat: 36.2,
  precision: 'township',
  method: 'parent',
  matched: '青羊镇 (崇岩村 无坐标)',
  town: '青羊镇',
  village: '崇岩村',
  placeClass: 'town',
  note: '崇岩村在地名表中无坐标，取所属青羊镇中心',
};
const parse = (l: Record<string, unknown>) => parseLocations({ 'A1-07': [l] }, ['A1-07'], 'locations.json');

describe('parseLocations', () => {
  it('accepts a location whose town, village and place class agree', () => {
    expect(parse(good)['A1-07']![0]).toEqual(good);
    expect(parse({ ...good, method: 'seat', matched: '平顺县人民政府驻地', town: null, village: null, placeClass: 'seat' })['A1-07']).toHaveLength(1);
  });

  it('names file, project, location and field when the structured place is missing or contradicts itself', () => {
    expect(() => parse({ ...good, placeClass: undefined })).toThrow('locations.json project A1-07 location 0: field placeClass: expected one of village, community, town');
    expect(() => parse({ ...good, town: null })).toThrow('field town: expected the township of a gazetteer place');
    expect(() => parse({ ...good, placeClass: 'seat' })).toThrow('field town: expected null for a seat point');
    expect(() => parse({ ...good, placeClass: 'village', village: null })).toThrow('field village: expected the village of a village point');
  });
});
