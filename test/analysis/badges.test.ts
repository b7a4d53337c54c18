import { describe, expect, it } from 'vitest';
import { badgeSpot, numberLabel, numberedBadges } from '../../src/analysis/badges.ts';

const at = (lon: number, lat: number) => ({ lon, lat });

describe('numbered badges', () => {
  it('writes numbers short: runs of three or more as ranges', () => {
    expect(numberLabel([3])).toBe('3');
    expect(numberLabel([4, 1])).toBe('1·4');
    expect(numberLabel([9, 2, 3, 4, 5, 12, 13])).toBe('2–5·9·12·13');
    expect(numberLabel([1, 1, 2])).toBe('1·2');
  });

  it('puts a line project at the point nearest its middle, with its points in order along the line', () => {
    expect(badgeSpot([at(113.5, 36.1), at(112.9, 36.2), at(113.1, 36.15)])).toEqual({
      lon: 113.1,
      lat: 36.15,
      line: [
        [112.9, 36.2],
        [113.1, 36.15],
        [113.5, 36.1],
      ],
    });
    expect(badgeSpot([at(113, 36.9), at(113.02, 36.1)])?.line).toEqual([
      [113.02, 36.1],
      [113, 36.9],
    ]);
    expect(badgeSpot([at(113, 36)])).toEqual({ lon: 113, lat: 36 });
    expect(badgeSpot([])).toBeNull();
  });

  it('gives each project one badge, shares a badge on one spot, skips projects without a point', () => {
    const badges = numberedBadges([
      { number: 1, locations: [at(113.1, 36.2)] },
      { number: 2, locations: [] },
      { number: 3, locations: [at(113.1, 36.2)] },
      { number: 4, locations: [at(113.1, 36.2)] },
      { number: 5, locations: [at(113.5, 36.2), at(112.7, 36.2), at(113.1, 36.2)] },
      { number: 6, locations: [at(112.5, 36.4)] },
    ]);
    expect(badges).toEqual([
      { label: '1·3–5', lon: 113.1, lat: 36.2, lines: [[[112.7, 36.2], [113.1, 36.2], [113.5, 36.2]]] },
      { label: '6', lon: 112.5, lat: 36.4 },
    ]);
  });
});
