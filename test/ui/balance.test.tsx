/** 人均投资, the sortable 表格 and the concentration of investment, as a planner reaches them. */
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { explore } from '../../src/analysis/explore.ts';
import { EMPTY_FILTERS } from '../../src/analysis/filters.ts';
import { formatPerCapita } from '../../src/analysis/format.ts';
import { repoData } from '../analysis/repoData.ts';
import { lastMapProps, lastMapState } from './fakeMapView.tsx';
import { renderApp } from './renderApp.tsx';

vi.mock('../../src/map/MapView.tsx', async () => ({ MapView: (await import('./fakeMapView.tsx')).FakeMapView }));
afterEach(() => vi.unstubAllGlobals());

const { projects, units } = repoData();
const perCapita = explore(projects, units, EMPTY_FILTERS, 'percapita', 'quantile');

const countyTable = () => screen.getByRole('table', { name: '县区投资表' });
const names = () =>
  within(countyTable())
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.querySelector('th')!.textContent);
const header = (name: RegExp) => within(countyTable()).getByRole('button', { name }).closest('th')!;

describe('人均投资 and the 表格', () => {
  it('?metric=percapita colours the map, labels the legend and ranks the table by 元/人', async () => {
    await renderApp('/?metric=percapita&tab=table&spread=on');
    expect(lastMapState().countyClass).toEqual(perCapita.countyClass);
    const legend = screen.getByRole('complementary', { name: '图例' });
    expect(legend).toHaveTextContent('单位：元/人');
    expect(legend).toHaveTextContent('2020年常住人口');
    // The tooltip leads with the chosen metric.
    const pingshun = perCapita.areaAggregation.counties.find((c) => c.key === '140425')!;
    expect(lastMapProps().describeCounty!('140425')!.lines[0]).toBe(`人均投资 ${formatPerCapita(pingshun.perCapita!)} 元/人`);

    expect(countyTable()).toHaveTextContent('12 个县区，按人均投资排名');
    expect(countyTable()).not.toHaveTextContent('按投资密度排名');
    const expected = [...perCapita.areaAggregation.counties].sort((a, b) => b.perCapita! - a.perCapita!).map((c) => c.name);
    expect(names()).toEqual(expected);
    expect(header(/排名（人均投资）/)).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByTestId('concentration')).toHaveTextContent(/前三个县区占 \d+ %；按人均计算的基尼系数 0\.\d\d/);
    expect(within(screen.getByTestId('concentration')).getByRole('img', { name: /洛伦兹曲线/ })).toBeInTheDocument();

    // ?spread=on: the legend's entry for the centre and ellipse is ticked and says what they are.
    expect(within(legend).getByTestId('spread-note')).toHaveTextContent(/所选项目：重心在市政府驻地.+ km；椭圆 \d+×\d+ km/);
    fireEvent.click(within(legend).getByRole('checkbox', { name: '投资重心与标准差椭圆' }));
    expect(window.location.search).toBe('?metric=percapita&tab=table');
  });

  it('sorts every column from its header, says so in the caption, and shows each county’s share', async () => {
    await renderApp('/?tab=table&cat=eldercare');
    expect(countyTable()).toHaveTextContent('按投资密度排名');
    fireEvent.click(within(countyTable()).getByRole('button', { name: /^县区/ }));
    expect(header(/^县区/)).toHaveAttribute('aria-sort', 'ascending');
    expect(header(/排名（投资密度）/)).toHaveAttribute('aria-sort', 'none');
    expect(names()).toEqual([...names()].sort(new Intl.Collator('zh-CN').compare));
    fireEvent.click(within(countyTable()).getByRole('button', { name: /^投资/ }));
    expect(header(/^投资/)).toHaveAttribute('aria-sort', 'descending');
    expect(countyTable()).toHaveTextContent('现按投资从高到低排列');
    // 康养: 潞城区 holds the most, and its share of the 12 is in the 占全市 column.
    const first = within(countyTable()).getAllByRole('row')[1]!;
    expect(first.querySelector('th')).toHaveTextContent('潞城区');
    const eldercare = explore(projects, units, { ...EMPTY_FILTERS, categories: ['eldercare'] }, 'density', 'quantile').areaAggregation.counties;
    const sum = eldercare.reduce((s, c) => s + c.total, 0);
    const lucheng = eldercare.find((c) => c.name === '潞城区')!;
    expect(first).toHaveTextContent(`${Math.round((lucheng.total / sum) * 100)}%`);
    fireEvent.click(within(countyTable()).getByRole('button', { name: /^投资/ }));
    expect(header(/^投资/)).toHaveAttribute('aria-sort', 'ascending');
    expect(names().at(-1)).toBe('潞城区');
  });

  it('a county’s list shows a line’s share beside the whole; a zone card shows its members’ concentration', async () => {
    await renderApp('/?county=140425');
    const list = await screen.findByRole('list', { name: '项目列表' });
    const rows = within(list).getAllByRole('listitem');
    const rail = rows.find((r) => r.textContent!.includes('长治—林州—安阳城际铁路'))!;
    expect(rail).toHaveTextContent('本县计 49.8 亿 / 全线 99.6 亿');
    const lines = projects.filter((p) => p.counties.includes('140425') && p.counties.length > 1 && (p.investment.inCity ?? p.investment.total) !== null);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(rows.find((r) => r.textContent!.includes(line.name))).toHaveTextContent(/本县计 [\d.]+ 亿 \/ /);
    // The printed sheet lists them the same way.
    expect(screen.getByTestId('print-sheet')).toHaveTextContent('本县计 49.8 亿 / 全线 99.6 亿');

    // A zone of one county says there is nothing to compare; a zone of five shows its curve.
    // With a card open the filters are folded into one line: open them first.
    const unfold = () => {
      const open = screen.queryByRole('button', { name: /展开/ });
      if (open) fireEvent.click(open);
    };
    unfold();
    fireEvent.click(within(screen.getByRole('group', { name: '县区' })).getByRole('button', { name: '平顺县' }));
    fireEvent.change(screen.getByRole('combobox', { name: '片区' }), { target: { value: '太岳生态康养片区' } });
    expect(await screen.findByTestId('zone-concentration')).toHaveTextContent('只有沁源县一个县区，无从比较集中程度。');
    unfold();
    fireEvent.change(screen.getByRole('combobox', { name: '片区' }), { target: { value: '城郊休闲乡村片区' } });
    const block = await screen.findByTestId('zone-concentration');
    expect(block).toHaveTextContent(/投资最多的.+占 \d+ %，前三个县区占 \d+ %；按人均计算的基尼系数/);
    expect(within(block).getByRole('img', { name: /洛伦兹曲线/ })).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: '项目列表' })).getAllByRole('listitem').some((r) => r.textContent!.includes('本片区计'))).toBe(true);
  });
});
