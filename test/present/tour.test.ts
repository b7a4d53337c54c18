import { describe, expect, it } from 'vitest';
import { aggregate } from '../../src/analysis/aggregate.ts';
import { EMPTY_FILTERS, projectMatcher } from '../../src/analysis/filters.ts';
import { formatDensity, formatPerCapita, formatYi } from '../../src/analysis/format.ts';
import { cityInvestment, countOnce } from '../../src/data/totals.ts';
import { atLeast, withMargin, buildTour, clampStep, LARGEST, tourStepCount } from '../../src/present/tour.ts';
import { repoData } from '../analysis/repoData.ts';

const { projects, geo, units } = repoData();

describe('the presenter tour', () => {
  const steps = buildTour(projects, geo, units, EMPTY_FILTERS);
  const agg = aggregate(projects, units.counties, units.zones);

  it('runs overview → each zone → counties by density → largest projects → a year’s construction', () => {
    expect(steps.map((s) => s.kind)).toEqual(['overview', 'zone', 'zone', 'zone', 'zone', 'ranking', 'largest', 'construction']);
    expect(steps).toHaveLength(tourStepCount(geo.zones.features.length));
    expect(steps.filter((s) => s.kind === 'zone').map((s) => s.zone)).toEqual(geo.zones.features.map((z) => z.properties.name));
  });

  it('captions the overview with the city figures', () => {
    const figure = (label: string) => steps[0]!.figures.find((f) => f.label === label)?.value;
    expect(figure('项目')).toBe(String(agg.projectCount));
    expect(figure('总投资')).toBe(formatYi(agg.total));
    expect(figure('投资密度')).toBe(formatDensity(agg.cityDensity));
    expect(figure('未列投资额')).toBe(String(agg.unknown.count));
    expect(steps[0]!.focusCounties).toEqual([]);
  });

  it('frames each zone on its members, with the zone row of the table', () => {
    for (const step of steps.filter((s) => s.kind === 'zone')) {
      const z = geo.zones.features.find((f) => f.properties.name === step.zone)!;
      const row = agg.zones.find((r) => r.key === step.zone)!;
      expect(step.focusCounties).toEqual(z.properties.counties);
      expect(step.figures.find((f) => f.label === '投资')!.value).toBe(formatYi(row.total));
      expect(step.figures.find((f) => f.label === '项目')!.value).toBe(String(row.count));
      const [w, s, e, n] = step.box;
      for (const c of z.properties.counties) {
        const [lon, lat] = geo.counties.features.find((f) => f.properties.adcode === c)!.properties.labelPoint;
        expect(lon > w && lon < e && lat > s && lat < n).toBe(true);
      }
    }
  });

  it('ranks the 12 counties by density, highest first, each with a badge', () => {
    const ranking = steps.find((s) => s.kind === 'ranking')!;
    expect(ranking.rows).toHaveLength(12);
    const byName = new Map(agg.counties.map((c) => [c.name, c.density]));
    const densities = ranking.rows.map((r) => byName.get(r.name)!);
    expect(densities).toEqual([...densities].sort((a, b) => b - a));
    expect(ranking.rows[0]!.rank).toBe(1);
    // Each county's rank is written with its name; no badge sits beside it.
    expect(ranking.annotations).toEqual([]);
    const nameOf = new Map(geo.counties.features.map((f) => [f.properties.adcode, f.properties.name]));
    expect(Object.entries(ranking.countyRanks!).map(([a, r]) => `${r} ${nameOf.get(a)}`).sort()).toEqual(ranking.rows.map((r) => `${r.rank} ${r.name}`).sort());
  });

  it('ranks by the chosen metric: 人均投资 in 元/人, highest first, and captions with it', () => {
    const tour = buildTour(projects, geo, units, EMPTY_FILTERS, 'percapita');
    const ranking = tour.find((s) => s.kind === 'ranking')!;
    expect(ranking.title).toBe('12 个县区按人均投资排名');
    expect(ranking.subtitle).toContain('2020年常住人口');
    const byName = new Map(agg.counties.map((c) => [c.name, c.perCapita!]));
    const values = ranking.rows.map((r) => byName.get(r.name)!);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(ranking.rows[0]).toMatchObject({ rank: 1, value: formatPerCapita(values[0]!), unit: '元/人' });
    expect(tour[0]!.title).toBe('长治市 · 人均投资');
    expect(tour[0]!.figures.find((f) => f.label === '人均投资')!.value).toBe(formatPerCapita(agg.cityPerCapita!));
    const zone = tour.find((s) => s.kind === 'zone')!;
    expect(zone.figures.map((f) => f.label)).toEqual(['项目', '投资', '人均投资', '人均投资排名']);
  });

  it('shows the ten largest real projects, each once, by their investment in the city', () => {
    const largest = steps.find((s) => s.kind === 'largest')!;
    const expected = countOnce(projects)
      .filter((p) => cityInvestment(p) !== null)
      .sort((a, b) => cityInvestment(b)! - cityInvestment(a)!)
      .slice(0, LARGEST);
    expect(largest.projects).toEqual(expected.map((p) => p.id));
    expect(new Set(largest.projects).size).toBe(LARGEST);
    expect(largest.rows.map((r) => r.value)).toEqual(expected.map((p) => formatYi(cityInvestment(p)!)));
    // A repeated listing never takes a place of its own.
    const repeats = projects.filter((p) => p.duplicateOf !== null || p.partOf !== null).map((p) => p.id);
    expect(largest.projects.filter((id) => repeats.includes(id))).toEqual([]);
    // One badge per located project: a line gets one, at a point of its own, with its line.
    const labels = largest.annotations.flatMap((a) => a.label.split('·')).flatMap((l) => {
      const [a, b] = l.split('–').map(Number);
      return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, i) => a! + i);
    });
    expect(labels.sort((a, b) => a - b)).toEqual(expected.flatMap((p, i) => (p.locations.length > 0 ? [i + 1] : [])));
    for (const p of expected) {
      if (p.locations.length < 2) continue;
      const badge = largest.annotations.find((a) => a.lines?.some((line) => line.length === p.locations.length && p.locations.every((l) => line.some(([x, y]) => x === l.lon && y === l.lat))))!;
      expect(p.locations.some((l) => l.lon === badge.lon && l.lat === badge.lat)).toBe(true);
    }
  });

  it('shows the projects under construction in 在建年份, or in the busiest year, and counts those without a year', () => {
    const built = (year: number) => countOnce(projects).filter((p) => p.startYear !== null && p.startYear <= year && year <= (p.endYear ?? p.startYear));
    const noYear = countOnce(projects).filter((p) => p.startYear === null).length;
    const step = buildTour(projects, geo, units, { ...EMPTY_FILTERS, asOf: 2023 }).at(-1)!;
    expect(step.kind).toBe('construction');
    expect(step.title).toBe('2023 年在建项目');
    expect(step.projects).toEqual(built(2023).map((p) => p.id));
    expect(step.figures.find((f) => f.label === '未列年份')!.value).toBe(String(noYear));
    expect(step.subtitle).toContain(`未列年份的 ${noYear} 项不在其中`);
    // Without a year chosen: the year of 2020–2027 with the most investment spread over construction years (2021 here).
    const peak = steps.at(-1)!;
    expect(peak.title).toBe('2021 年在建项目');
    expect(peak.subtitle).toContain('按均摊投资最多的一年');
    expect(peak.projects).toEqual(built(2021).map((p) => p.id));
  });

  it('follows the category filter but walks the areas itself', () => {
    const f = { ...EMPTY_FILTERS, categories: ['education' as const], counties: ['140425'] };
    const tour = buildTour(projects, geo, units, f);
    const education = projects.filter(projectMatcher({ ...EMPTY_FILTERS, categories: ['education'] }, units.zoneCounties));
    expect(tour[0]!.figures[0]!.value).toBe(String(countOnce(education).length));
    expect(tour[0]!.subtitle).toContain('类别：教育');
    expect(tour[0]!.subtitle).not.toContain('平顺县');
    expect(tour.find((s) => s.kind === 'largest')!.projects.every((id) => projects.find((p) => p.id === id)!.category === 'education')).toBe(true);
  });
});

describe('tour helpers', () => {
  it('keeps steps within the tour', () => {
    expect(clampStep(0, 7)).toBe(1);
    expect(clampStep(9, 7)).toBe(7);
    expect(clampStep(3, 7)).toBe(3);
  });

  it('never frames a single point at street level', () => {
    const [w, s, e, n] = atLeast([113, 36, 113, 36]);
    expect(e - w).toBeCloseTo(0.3);
    expect(n - s).toBeCloseTo(0.3);
    expect(atLeast([112, 35, 114, 37])).toEqual([112, 35, 114, 37]);
    expect(withMargin([112, 35, 114, 36], 0.1)).toEqual([111.8, 34.9, 114.2, 36.1]);
  });

});
