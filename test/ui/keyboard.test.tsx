import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp, repoProjects } from './renderApp.tsx';

vi.mock('../../src/map/MapView.tsx', async () => ({ MapView: (await import('./fakeMapView.tsx')).FakeMapView }));

const list = () => screen.getByRole('list', { name: '项目列表' });
const item = (id: string) => list().querySelector<HTMLElement>(`[data-project-id="${id}"]`)!;
const nameOf = (id: string) => repoProjects.find((p) => p.id === id)!.name;
const escape = () => fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });

/** What the Tab key visits, in order (no positive tabindex in the app: document order). */
function tabStops(): HTMLElement[] {
  const all = document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]');
  return [...all].filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.closest('[hidden]') === null);
}

describe('keyboard', () => {
  it('Enter on a list item opens the project and moves focus to its heading', async () => {
    await renderApp();
    const button = item('A1-07');
    button.focus();
    // What Enter on a focused button does.
    fireEvent.click(button);
    const heading = await screen.findByRole('heading', { level: 2, name: nameOf('A1-07') });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('返回列表 returns focus to the item the project was opened from, after links inside the detail', async () => {
    await renderApp();
    item('A2-03').focus();
    fireEvent.click(item('A2-03'));
    // A2-03 repeats A1-01: its detail links to it.
    fireEvent.click(await screen.findByRole('button', { name: `A1-01 ${nameOf('A1-01')}` }));
    await screen.findByRole('heading', { level: 2, name: nameOf('A1-01') });
    fireEvent.click(screen.getByRole('button', { name: '← 返回列表' }));
    await waitFor(() => expect(document.activeElement).toBe(item('A2-03')));
  });

  it('Esc closes the project, then the county card, and the URL follows; Esc in the search box does neither', async () => {
    await renderApp('/?county=140425&project=A1-07');
    fireEvent.keyDown(screen.getByRole('searchbox', { name: '搜索项目', hidden: true }), { key: 'Escape' });
    expect(screen.getByRole('heading', { level: 2, name: nameOf('A1-07') })).toBeInTheDocument();
    escape();
    await waitFor(() => expect(window.location.search).toBe('?county=140425'));
    expect(screen.getByTestId('area-card')).toBeInTheDocument();
    await waitFor(() => expect(document.activeElement).toBe(item('A1-07')));
    escape();
    await waitFor(() => expect(window.location.search).toBe(''));
    expect(screen.queryByTestId('area-card')).toBeNull();
  });

  it('the 导出 menu follows the menu button pattern: arrows, Home/End, Esc back to its button', async () => {
    await renderApp('/?county=140425');
    const button = screen.getByRole('button', { name: '导出' });
    button.focus();
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    const menu = await screen.findByRole('menu', { name: '导出' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((i) => i.tabIndex)).toEqual(items.map(() => -1));
    const press = (key: string) => fireEvent.keyDown(document.activeElement!, { key });
    await waitFor(() => expect(document.activeElement).toBe(items[0]));
    press('ArrowDown');
    expect(document.activeElement).toBe(items[1]);
    press('End');
    expect(document.activeElement).toBe(items.at(-1));
    press('ArrowDown');
    expect(document.activeElement).toBe(items[0]);
    press('ArrowUp');
    expect(document.activeElement).toBe(items.at(-1));
    press('Home');
    expect(document.activeElement).toBe(items[0]);
    press('Escape');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
    // The menu took that Esc: the card behind it is still open.
    expect(screen.getByTestId('area-card')).toBeInTheDocument();
    fireEvent.keyDown(button, { key: 'ArrowUp' });
    const again = within(await screen.findByRole('menu', { name: '导出' })).getAllByRole('menuitem');
    await waitFor(() => expect(document.activeElement).toBe(again.at(-1)));
  });

  it('a skip link, the first Tab stop, jumps to the project list', async () => {
    await renderApp();
    const skip = screen.getByRole('link', { name: '跳到项目列表' });
    expect(tabStops()[0]).toBe(skip);
    fireEvent.click(skip);
    expect(document.activeElement).toBe(list());
  });

  it('the header actions (演示模式, 导出, 导入数据) come before the legend in tab order', async () => {
    await renderApp();
    const stops = tabStops();
    const at = (el: HTMLElement) => stops.indexOf(el);
    const legend = screen.getByRole('complementary', { name: '图例' });
    const firstOfLegend = Math.min(...stops.filter((el) => legend.contains(el)).map(at));
    for (const name of ['演示模式', '导出', '导入数据']) expect(at(screen.getByRole('button', { name }))).toBeLessThan(firstOfLegend);
  });
});
