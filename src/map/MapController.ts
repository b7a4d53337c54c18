import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import type { MapLayerMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { bbox } from '@turf/turf';
import type { GeoBundle } from '../geo/types.ts';
import type { MapView } from '../state/store.ts';
import { FONT_STACK } from '../theme/palette.ts';
import { buildStyle, LAYER, SOURCE, ZONE_LAYERS } from './style.ts';

setWorkerUrl(workerUrl);

export interface MapCallbacks {
  onHoverCounty: (adcode: string | null) => void;
  onViewChange: (view: MapView) => void;
  onReady: () => void;
}

export interface MapTestHandle {
  map: MapLibreMap;
}

declare global {
  interface Window {
    /** Set only in `--mode e2e` builds, for browser tests. */
    __czMap?: MapLibreMap;
  }
}

/**
 * Owns the MapLibre map: builds it from the geo bundle, reconciles the state
 * it is given into sources, layers and feature-state, and reports user
 * gestures back through callbacks. Nothing else in the app touches MapLibre.
 */
export class MapController {
  private readonly map: MapLibreMap;
  private hovered: string | null = null;
  private zonesVisible = true;
  private loaded = false;

  constructor(container: HTMLElement, geo: GeoBundle, initialView: MapView | null, private readonly callbacks: MapCallbacks) {
    const [w, s, e, n] = bbox(geo.city);
    this.map = new MapLibreMap({
      container,
      style: buildStyle(geo),
      localIdeographFontFamily: FONT_STACK,
      attributionControl: false,
      ...(initialView
        ? { center: initialView.center, zoom: initialView.zoom }
        : { bounds: [w, s, e, n], fitBoundsOptions: { padding: 24 } }),
      minZoom: 6,
      maxZoom: 14,
      maxBounds: [w - 3, s - 2, e + 3, n + 2],
      dragRotate: false,
      pitchWithRotate: false,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    if (import.meta.env.MODE === 'e2e') window.__czMap = this.map;

    this.map.on('load', () => {
      this.loaded = true;
      this.applyZonesVisible();
      this.map.once('idle', () => {
        performance.mark('map-ready');
        this.callbacks.onReady();
      });
    });
    this.map.on('mousemove', LAYER.countyFill, this.onCountyMove);
    this.map.on('mouseleave', LAYER.countyFill, () => this.callbacks.onHoverCounty(null));
    this.map.on('moveend', () => {
      const c = this.map.getCenter();
      this.callbacks.onViewChange({
        center: [round(c.lng, 5), round(c.lat, 5)],
        zoom: round(this.map.getZoom(), 2),
      });
    });
  }

  private readonly onCountyMove = (e: MapLayerMouseEvent): void => {
    const adcode = e.features?.[0]?.properties?.adcode;
    this.callbacks.onHoverCounty(typeof adcode === 'string' ? adcode : null);
  };

  setHoveredCounty(adcode: string | null): void {
    if (adcode === this.hovered) return;
    if (this.hovered) this.map.setFeatureState({ source: SOURCE.counties, id: this.hovered }, { hover: false });
    if (adcode) this.map.setFeatureState({ source: SOURCE.counties, id: adcode }, { hover: true });
    this.hovered = adcode;
    this.map.getCanvas().style.cursor = adcode ? 'pointer' : '';
  }

  setZonesVisible(visible: boolean): void {
    this.zonesVisible = visible;
    this.applyZonesVisible();
  }

  private applyZonesVisible(): void {
    if (!this.loaded) return;
    for (const id of ZONE_LAYERS) {
      this.map.setLayoutProperty(id, 'visibility', this.zonesVisible ? 'visible' : 'none');
    }
  }

  destroy(): void {
    if (window.__czMap === this.map) delete window.__czMap;
    this.map.remove();
  }
}

function round(v: number, d: number): number {
  const f = 10 ** d;
  return Math.round(v * f) / f;
}
