import { MapView, type MapViewProps } from '../map/MapView.tsx';
import { RegionBoundary } from './RegionBoundary.tsx';
import { HIDE_IMPORTED, RESET_VIEW } from './recovery.ts';

/** The map as a region of its own: if it fails, the panel and the list keep working, and the map offers ways out. */
export function GuardedMapView(props: MapViewProps) {
  return (
    <RegionBoundary region="地图" actions={[HIDE_IMPORTED, RESET_VIEW]}>
      <MapView {...props} />
    </RegionBoundary>
  );
}
