import { describe, expect, it } from 'vitest';
import { aggregate } from '../../src/analysis/aggregate.ts';
import { selectionFigures } from '../../src/analysis/selection.ts';
import { COUNTIES, ZONES, project } from './fixtures.ts';

describe('selectionFigures', () => {
  const a = aggregate(
    [project('p1', { total: 2, counties: ['A'] }), project('p2', { total: 6, counties: ['A', 'B', 'C'] }), project('p3', { total: 5, scope: 'citywide' })],
    COUNTIES,
    ZONES,
  );

  it('is the whole city, citywide projects included, when no place is chosen', () => {
    expect(selectionFigures(a, [])).toEqual({ areaKm2: 80, allocated: 13, density: (13 * 1e4) / 80 });
  });

  it('is what is allocated to the chosen counties, not whole projects', () => {
    // A gets p1 (2) and a third of p2 (2); B gets a third of p2 (2)
    expect(selectionFigures(a, ['A', 'B'])).toEqual({ areaKm2: 30, allocated: 6, density: (6 * 1e4) / 30 });
  });
});
