import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Project } from '../../src/data/project.ts';
import { foreignRequests, openBrowser, screenshotPath, waitForMap, type Session } from './browser.ts';

const projects = JSON.parse(readFileSync('data/projects.json', 'utf8')) as Project[];

describe('explorer', () => {
  const baseUrl = inject('baseUrl');
  let s: Session;

  beforeAll(async () => {
    s = await openBrowser();
  });
  afterAll(async () => s?.close());

  const listItems = () => s.page.getByRole('list', { name: '项目列表' }).getByRole('listitem');
  const renderedPoints = () =>
    s.page.evaluate(() => {
      const m = window.__czMap!;
      const pts = m.querySourceFeatures('points').filter((f) => !f.properties.cluster);
      const clusters = m.querySourceFeatures('points').filter((f) => f.properties.cluster);
      return { points: pts.length, clusters: clusters.length, pointCount: clusters.reduce((n, c) => n + Number(c.properties.point_count), 0) + pts.length };
    });

  it('opens on the density map with every project listed and points drawn', async () => {
    await s.page.goto(baseUrl);
    await waitForMap(s.page);
    await expect.poll(() => listItems().count()).toBe(projects.length);
    const drawn = await s.page.evaluate(() => {
      const m = window.__czMap!;
      return {
        counties: m.queryRenderedFeatures({ layers: ['county-fill'] }).length > 0,
        classes: new Set(
          ['140403', '140425', '140431'].map((id) => JSON.stringify(m.getFeatureState({ source: 'counties', id }).cls)),
        ).size,
        onScreen: m.queryRenderedFeatures({ layers: ['point', 'cluster'] }).length,
      };
    });
    expect(drawn.counties).toBe(true);
    expect(drawn.classes).toBeGreaterThan(1);
    expect(drawn.onScreen).toBeGreaterThan(5);
    await s.page.screenshot({ path: screenshotPath('explorer') });
  });

  it('filters the list, the figures and the map together', async () => {
    const before = await renderedPoints();
    await s.page.getByRole('group', { name: '类别' }).getByText('教育').click();
    const education = projects.filter((p) => p.category === 'education');
    await expect.poll(() => listItems().count()).toBe(education.length);
    await expect(s.page.getByTestId('summary-count').textContent()).resolves.toBe(String(education.length));
    await waitForMap(s.page);
    const after = await renderedPoints();
    expect(after.pointCount).toBeLessThan(before.pointCount);
    await s.page.getByRole('button', { name: /清除筛选/ }).click();
    await expect.poll(() => listItems().count()).toBe(projects.length);
  });

  it('searches by name, place and owner', async () => {
    await s.page.getByLabel('搜索项目').fill('平顺县人民医院');
    const expected = projects.filter((p) => [p.name, p.locationText, p.owner, p.department].some((t) => t?.includes('平顺县人民医院')));
    await expect.poll(() => listItems().count()).toBe(expected.length);
    await s.page.getByLabel('搜索项目').fill('');
  });

  it('?county=140425 shows 平顺县 only', async () => {
    await s.page.goto(`${baseUrl}/?county=140425`);
    await waitForMap(s.page);
    const pingshun = projects.filter((p) => p.counties.includes('140425'));
    await expect.poll(() => listItems().count()).toBe(pingshun.length);
    const texts = await listItems().allTextContents();
    for (const t of texts) expect(t).toContain('平顺县');
    const state = await s.page.evaluate(() => window.__czMap!.getFeatureState({ source: 'counties', id: '140403' }));
    expect(state.dim).toBe(true);
    await s.page.screenshot({ path: screenshotPath('county-140425') });
  });

  it('?project=<id> opens that project with its source row', async () => {
    const p = projects.find((x) => x.source.repaired) ?? projects[0]!;
    await s.page.goto(`${baseUrl}/?project=${encodeURIComponent(p.id)}`);
    await waitForMap(s.page);
    await expect(s.page.getByRole('heading', { level: 2, name: p.name }).count()).resolves.toBe(1);
    await expect(s.page.getByLabel('原文').textContent()).resolves.toBe(p.source.raw);
    await s.page.screenshot({ path: screenshotPath('project-detail') });
  });

  it('keeps the URL in step and ignores a bad parameter with a notice', async () => {
    await s.page.goto(`${baseUrl}/?county=999999&metric=total`);
    await waitForMap(s.page);
    await expect(s.page.getByRole('status').textContent()).resolves.toContain('county=999999');
    await expect.poll(() => s.page.evaluate(() => location.search)).toBe('?metric=total');
  });

  it('shows the county table without the map', async () => {
    await s.page.getByRole('tab', { name: '表格' }).click();
    const rows = s.page.getByRole('table', { name: '县区投资表' }).locator('tbody tr');
    await expect(rows.count()).resolves.toBe(12);
  });

  it('made no request outside its origin', () => {
    expect(foreignRequests(s.requests, baseUrl)).toEqual([]);
  });
});
