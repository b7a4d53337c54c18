import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from './renderApp.tsx';

vi.mock('../../src/map/MapView.tsx', async () => ({ MapView: (await import('./fakeMapView.tsx')).FakeMapView }));

describe('keyboard', () => {
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
});
