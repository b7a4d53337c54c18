import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Project } from '../../src/data/project.ts';
import { foreignRequests, lonLatToPage, openBrowser, screenshotPath, waitForMap, type Session } from './browser.ts';

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

describe('map interaction', () => {
  const baseUrl = inject('baseUrl');
  const citySeat = (JSON.parse(readFileSync('geo/city.geojson', 'utf8')) as { features: { properties: { seat: [number, number] } }[] })
    .features[0]!.properties.seat;
  let s: Session;
  beforeAll(async () => {
    s = await openBrowser();
    await s.page.goto(baseUrl);
    await waitForMap(s.page);
  });
  afterAll(async () => s?.close());

  const toScreen = (lonLat: [number, number]) => lonLatToPage(s.page, lonLat);
  /** Rendered features of a layer with their screen position, those well inside the canvas only. */
  const rendered = (layer: string) =>
    s.page.evaluate((layer) => {
      const m = window.__czMap!;
      const r = m.getCanvas().getBoundingClientRect();
      return m
        .queryRenderedFeatures({ layers: [layer] })
        .map((f) => {
          const p = m.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
          return { x: r.left + p.x, y: r.top + p.y, pid: f.properties.pid as string, lonLat: (f.geometry as GeoJSON.Point).coordinates };
        })
        .filter((f) => f.x > r.left + 80 && f.x < r.left + r.width - 300 && f.y > r.top + 80 && f.y < r.top + r.height - 80);
    }, layer);
  const openedProject = () => s.page.evaluate(() => new URLSearchParams(location.search).get('project'));

  it('shows a text tooltip for a county', async () => {
    const at = await toScreen([112.28, 36.78]); // inside 沁源县, away from points
    await s.page.mouse.move(at.x, at.y);
    await expect.poll(() => s.page.locator('.map-tooltip').textContent()).toContain('沁源县');
  });

  it('spreads out the projects stacked on the city seat, and opens one', async () => {
    await s.page.evaluate((c) => window.__czMap!.jumpTo({ center: c, zoom: 11 }), citySeat);
    await waitForMap(s.page);
    const at = await toScreen(citySeat);
    await s.page.mouse.click(at.x, at.y);
    await waitForMap(s.page);
    const legs = await rendered('spider-point');
    expect(legs.length).toBeGreaterThan(5);
    await s.page.screenshot({ path: screenshotPath('spiderfy') });
    const leg = legs[0]!;
    await s.page.mouse.move(leg.x, leg.y);
    await expect.poll(() => s.page.locator('.map-tooltip').textContent()).toContain('位置精度');
    await s.page.mouse.click(leg.x, leg.y);
    await expect.poll(openedProject).toBe(leg.pid);
  });

  it('opens a project from a point of its own', async () => {
    await s.page.evaluate(() => window.__czMap!.jumpTo({ center: [113.4, 36.45], zoom: 10 }));
    await waitForMap(s.page);
    const points = await rendered('point');
    const single = points.find((p) => points.filter((q) => Math.hypot(q.x - p.x, q.y - p.y) < 30).length === 1);
    expect(single).toBeDefined();
    await s.page.mouse.click(single!.x, single!.y);
    await expect.poll(openedProject).toBe(single!.pid);
    await s.page.screenshot({ path: screenshotPath('tooltip') });
  });
});
