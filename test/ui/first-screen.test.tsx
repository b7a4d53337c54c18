import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/ui/App.tsx';
import { resetAppState, useAppStore } from '../../src/state/store.ts';
import { mapRenders } from './fakeMapView.tsx';
import { serveRepoFiles } from './serveGeo.ts';

vi.mock('../../src/map/MapView.tsx', async () => ({ MapView: (await import('./fakeMapView.tsx')).FakeMapView }));

beforeEach(() => {
  resetAppState();
  mapRenders.length = 0;
});
afterEach(() => vi.unstubAllGlobals());

describe('first screen', () => {
  it('loads the geo files, hands them to the map and lists the four zones', async () => {
    serveRepoFiles();
    render(<App />);
    expect(screen.getByText('正在加载边界数据…')).toBeInTheDocument();
    expect(await screen.findByTestId('map')).toHaveAttribute('data-counties', '12');
    expect(mapRenders.at(-1)!.geo.zones.features).toHaveLength(4);

    const names = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(names).toContain('美丽乡村四片区');
    const taihang = screen.getByRole('list', { name: '太行山水风景片区所含县区' });
    expect(within(taihang).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['黎城县', '平顺县', '壶关县']);
    expect(screen.getByRole('list', { name: '太岳生态康养片区所含县区' })).toHaveTextContent('沁源县');
  });

  it('switches the zone overlay in the store', async () => {
    serveRepoFiles();
    render(<App />);
    const toggle = await screen.findByRole('checkbox', { name: '在地图上显示' });
    expect(toggle).toBeChecked();
    fireEvent.click(toggle);
    expect(useAppStore.getState().showZones).toBe(false);
  });

  it('highlights a county on the map when its chip is hovered', async () => {
    serveRepoFiles();
    render(<App />);
    const chip = await screen.findByText('平顺县');
    fireEvent.mouseEnter(chip);
    expect(useAppStore.getState().hoveredCounty).toBe('140425');
    expect(chip).toHaveClass('chip-active');
    fireEvent.mouseLeave(chip);
    expect(useAppStore.getState().hoveredCounty).toBeNull();
  });

  it('names the file and field when a geo file is broken, and draws no map', async () => {
    const counties = JSON.parse(readFileSync(join(import.meta.dirname, '../../geo/counties.geojson'), 'utf8'));
    counties.features[5].properties.areaKm2 = 'big';
    serveRepoFiles({ 'geo/counties.geojson': JSON.stringify(counties) });
    render(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('geo/counties.geojson feature 5: properties.areaKm2: expected a positive number');
    expect(screen.queryByTestId('map')).toBeNull();
  });

  it('says so when a geo file is missing', async () => {
    serveRepoFiles();
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (input: RequestInfo | URL) =>
      String(input).includes('zones') ? Promise.resolve(new Response('', { status: 404 })) : realFetch(input),
    );
    render(<App />);
    expect(await screen.findByRole('alert')).toHaveTextContent('geo/zones.geojson: answered HTTP 404');
  });
});
