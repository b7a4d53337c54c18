import type { MapViewProps } from '../../src/map/MapView.tsx';

/** Every props object the fake map was rendered with, newest last. */
export const mapRenders: MapViewProps[] = [];

export function lastMapProps(): MapViewProps {
  const p = mapRenders.at(-1);
  if (!p) throw new Error('the map was never rendered');
  return p;
}

/** The state the fake map was last given. */
export function lastMapState(): MapViewProps['state'] {
  return lastMapProps().state;
}

/** For tests of a failing map: when `reason` returns a text, the fake map throws it while rendering. */
export const mapFault: { reason: ((props: MapViewProps) => string | null) | null } = { reason: null };

/** Stands in for src/map/MapView in jsdom, where MapLibre cannot run. */
export function FakeMapView(props: MapViewProps) {
  const fault = mapFault.reason?.(props);
  if (fault) throw new Error(fault);
  mapRenders.push(props);
  return <div data-testid="map" data-counties={props.state.geo.counties.features.length} data-points={props.state.points.data.features.length} />;
}
