import { describe, expect, it } from 'vitest';
import { loadPlan, measureAggregation } from '../../scripts/bench/aggregation.ts';
import { syntheticProjects } from '../../scripts/bench/synthetic.ts';

/**
 * A cheap guard in CI: at 10,000 projects our aggregation must stay at least
 * 5x faster than the naive Turf baseline measured in this same test (a ratio,
 * so a slow or busy machine does not fail it; `npm run bench` holds the full
 * 10x target). measureAggregation also asserts both give identical figures.
 */
describe('aggregation speed guard', () => {
  it('stays at least 5x faster than pointsWithinPolygon per county, with identical figures', () => {
    const plan = loadPlan();
    const projects = syntheticProjects(10_000, plan.counties, { seed: 7 });
    const figure = measureAggregation(projects, plan.counties, plan.zones, 7);
    expect(figure.speedup, `ours ${figure.oursMs.toFixed(2)} ms vs baseline ${figure.baselineMs.toFixed(1)} ms`).toBeGreaterThanOrEqual(5);
  }, 60_000);
});
