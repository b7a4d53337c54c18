/** 人均投资 and 在建年份 in the built app: ?metric=percapita and ?asof=2023. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { explore } from '../../src/analysis/explore.ts';
import { EMPTY_FILTERS } from '../../src/analysis/filters.ts';
import { countOnce } from '../../src/data/totals.ts';
import { repoData } from '../analysis/repoData.ts';
import { foreignRequests, lonLatToPage, openBrowser, screenshotPath, waitForMap, type Session } from './browser.ts';

const { projects, units } = repoData();

describe('balance and time', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser({ width: 1440, height: 1200 });
  });
  afterAll(async () => s?.close());

  it('?metric=percapita colours the counties by 元/人, says so in the legend and ranks the 表格 by it', async () => {
    await s.page.goto(`${baseUrl}/?metric=percapita&tab=table&cat=eldercare`);
    await waitForMap(s.page);
    const e = explore(projects, units, { ...EMPTY_FILTERS, categories: ['eldercare'] }, 'percapita', 'quantile');
    const legend = s.page.getByRole('complementary', { name: '图例' });
    await expect(legend.textContent()).resolves.toContain('单位：元/人；分母：2020年常住人口');
    // The map's classes are the per-person classes (the map writes -1 for “no data”).
    const classes = await s.page.evaluate(
      (ids) => ids.map((id) => window.__czMap!.getFeatureState({ source: 'counties', id }).cls as number),
      Object.keys(e.countyClass),
    );
    expect(classes).toEqual(Object.values(e.countyClass).map((c) => c ?? -1));
    const table = s.page.getByRole('table', { name: '县区投资表' });
    await expect(table.locator('caption').textContent()).resolves.toMatch(/^12 个县区，按人均投资排名/);
    const first = [...e.areaAggregation.counties].sort((a, b) => b.perCapita! - a.perCapita!)[0]!;
    await expect(table.locator('tbody tr').first().locator('th').textContent()).resolves.toBe(first.name);
    await expect(s.page.getByTestId('concentration').textContent()).resolves.toMatch(/前三个县区占 \d+ %；按人均计算的基尼系数 0\.\d\d/);
    // Sorting from the keyboard: Tab to a header, Enter.
    const header = table.getByRole('button', { name: /^项目/ });
    await header.focus();
    await s.page.keyboard.press('Enter');
    await expect(table.locator('th[aria-sort="descending"]').textContent()).resolves.toContain('项目');
    await s.page.keyboard.press('Space');
    await expect(table.locator('th[aria-sort="ascending"]').textContent()).resolves.toContain('项目');
    // Names stay on one line in the 420 px panel.
    const heights = await table.locator('tbody th').evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(1.6 * Math.min(...heights));
    await s.page.keyboard.press('Enter'); // back to descending by count, then to the rank order for the picture
    await table.getByRole('button', { name: /^排名/ }).click();
    // Tall enough for the table and the Lorenz curve below it.
    await s.page.setViewportSize({ width: 1440, height: 1380 });
    await waitForMap(s.page);
    await s.page.screenshot({ path: screenshotPath('table-percapita') });
    await s.page.setViewportSize({ width: 1440, height: 1200 });
  });

  it('?spread=on draws each chosen category\'s investment centre and ellipse, with a tooltip that says what they mean', async () => {
    await s.page.goto(`${baseUrl}/?cat=education,eldercare&spread=on`);
    await waitForMap(s.page);
    const e = explore(projects, units, { ...EMPTY_FILTERS, categories: ['education', 'eldercare'] }, 'density', 'quantile');
    expect(e.spread.groups.map((g) => g.key).sort()).toEqual(['education', 'eldercare']);
    const drawn = await s.page.evaluate(() => {
      const m = window.__czMap!;
      const centres = m.querySourceFeatures('spread').filter((f) => f.geometry.type === 'Point');
      const seen = new Map(centres.map((f) => [f.properties.group as number, (f.geometry as GeoJSON.Point).coordinates]));
      return { centres: [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c), ellipses: m.queryRenderedFeatures({ layers: ['spread-line'] }).length };
    });
    // Where the analysis puts each group's centre (vector tiles round coordinates to a few tens of metres).
    drawn.centres.forEach((c, i) => {
      expect(c[0]).toBeCloseTo(e.spread.groups[i]!.centre[0], 3);
      expect(c[1]).toBeCloseTo(e.spread.groups[i]!.centre[1], 3);
    });
    expect(drawn.centres).toHaveLength(2);
    expect(drawn.ellipses).toBeGreaterThan(0);
    const at = await lonLatToPage(s.page, e.spread.groups[0]!.centre);
    await s.page.mouse.move(at.x, at.y);
    await expect.poll(() => s.page.locator('.map-tooltip').textContent()).toContain('投资重心（按投资额加权的平均位置）');
    await expect(s.page.locator('.map-tooltip').textContent()).resolves.toContain('标准差椭圆');
    await s.page.screenshot({ path: screenshotPath('spread') });
  });

  it('?asof=2023 shows only the projects under construction in 2023, and how many have no year', async () => {
    await s.page.goto(`${baseUrl}/?asof=2023&tab=years`);
    await waitForMap(s.page);
    const building = countOnce(projects).filter((p) => p.startYear !== null && p.startYear <= 2023 && 2023 <= (p.endYear ?? p.startYear));
    const noYear = countOnce(projects).filter((p) => p.startYear === null).length;
    await expect(s.page.getByTestId('summary-count').textContent()).resolves.toBe(String(building.length));
    await expect(s.page.getByTestId('summary-year').textContent()).resolves.toContain(`另有 ${noYear} 项未列建设年份`);
    const expectedPoints = projects
      .filter((p) => p.startYear !== null && p.startYear <= 2023 && 2023 <= (p.endYear ?? p.startYear))
      .reduce((n, p) => n + p.locations.length, 0);
    const drawn = await s.page.evaluate(() => {
      const features = window.__czMap!.querySourceFeatures('points');
      // A feature may come back once per tile it touches: count clusters and points by their ids.
      const clusters = new Map(features.filter((f) => f.properties.cluster).map((f) => [f.properties.cluster_id, Number(f.properties.point_count)]));
      const points = new Set(features.filter((f) => !f.properties.cluster).map((f) => f.id));
      return [...clusters.values()].reduce((a, b) => a + b, 0) + points.size;
    });
    expect(drawn).toBe(expectedPoints);
    await expect(s.page.getByRole('slider', { name: '在建年份' }).inputValue()).resolves.toBe('2023');
    await expect(s.page.getByRole('img', { name: /^按年度的投资/ }).count()).resolves.toBe(1);
    await s.page.screenshot({ path: screenshotPath('year-view') });
  });

  it('made no request outside its origin', () => {
    expect(foreignRequests(s.requests, baseUrl)).toEqual([]);
  });
});
