import { describe, expect, it } from 'vitest';
import { countyMentions } from '../../scripts/projects/counties.ts';
import { COUNTY_NAMES, countyNamedBy, placeStem, successorOf2016Code, townshipClass, withoutOfficeWords } from '../../src/geo/placeNames.ts';
import { parseLocation } from '../../src/geocode/parseLocation.ts';
import { countyFromText } from '../../src/import/context.ts';

const parsedCounty = (text: string) => parseLocation(text).parts.find((p) => p.kind === 'county')?.adcode ?? null;

describe('one table of county names for the pipeline, the parser and the import', () => {
  it('every name, short name, former name and code of every county means that county to all three', () => {
    let walked = 0;
    for (const c of COUNTY_NAMES) {
      const inText = [c.name, ...c.former];
      for (const alias of inText) {
        expect(countyFromText(alias), alias).toBe(c.adcode);
        expect(countyMentions(alias).map((m) => m.adcode), alias).toEqual([c.adcode]);
        expect(parsedCounty(alias), alias).toBe(c.adcode);
        // …and inside a longer text, as the plan prints them.
        expect(countyMentions(`山西省${alias}人民医院`).map((m) => m.adcode), alias).toEqual([c.adcode]);
        expect(parsedCounty(`${alias}人民医院`), alias).toBe(c.adcode);
        walked++;
      }
      if (c.short) {
        expect(countyFromText(c.short), c.short).toBe(c.adcode);
        expect(countyMentions(c.short).map((m) => m.adcode), c.short).toEqual([c.adcode]);
        // The parser reads a short name only before a facility word (长子门村 is no county).
        expect(parsedCounty(`${c.short}中学`), c.short).toBe(c.adcode);
        walked++;
      }
      for (const bare of c.formerBare) {
        expect(countyFromText(bare), bare).toBe(c.adcode);
        expect(countyMentions(bare), `${bare} is no county inside a text`).toEqual([]);
        walked++;
      }
      for (const code of [c.adcode, ...c.formerCodes]) {
        expect(countyNamedBy(code), code).toBe(c.adcode);
        expect(countyFromText(code), code).toBe(c.adcode);
        walked++;
      }
      for (const code of c.formerCodes) expect(successorOf2016Code(code), code).toBe(c.adcode);
    }
    expect(walked).toBe(12 + 11 + 5 + 2 + 12 + 5);
  });

  it('长治市郊区 is 潞州区 for the import and the pipeline alike; 北城区 inside a town is no county', () => {
    expect(countyFromText('长治市郊区')).toBe('140403');
    expect(countyMentions('长治市郊区').map((m) => m.adcode)).toEqual(['140403']);
    expect(parsedCounty('长治市郊区老顶山镇')).toBe('140403');
    expect(countyMentions('黎城县黎侯镇北城区').map((m) => m.adcode)).toEqual(['140426']);
    expect(countyFromText('长治市')).toBeNull();
    expect(successorOf2016Code('140425')).toBeNull();
  });
});

describe('place words', () => {
  it('stems, classes and office words agree on one list', () => {
    expect(placeStem('五马街道办事处')).toBe('五马');
    expect(placeStem('崇岩村委会')).toBe('崇岩');
    expect(townshipClass('五马办事处')).toBe('street');
    expect(withoutOfficeWords('南村村民委员会', 'village')).toEqual({ name: '南村', cls: 'village' });
    expect(withoutOfficeWords('太行西街街道办事处', 'town')).toEqual({ name: '太行西街街道', cls: 'street' });
  });
});
