/**
 * The benchmarks' baseline: the same GeoJSON drawn by MapLibre alone, with no
 * React, no validation, no analysis: counties, zones, city outline, context,
 * labels and one point per project location (the minimal style). It records
 * performance.mark('map-ready') when everything has drawn, as the app does.
 * The map is window.__bareMap, for the interaction and memory benchmarks,
 * which drive it with the same data changes as the app.
 *
 * With `?style=external` the page draws nothing until the benchmark calls
 * window.__startBare(style, images) with a style of its own: the interaction
 * benchmark's "same-style" baseline gives it the app's own style from mapSpec.
 */
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import cityUrl from '../../../geo/city.geojson?url';
import contextUrl from '../../../geo/context.geojson?url';
import countiesUrl from '../../../geo/counties.geojson?url';
import zonesUrl from '../../../geo/zones.geojson?url';
import locationsUrl from '../../../data/locations.json?url';

setWorkerUrl(workerUrl);

function whenDrawn(map: MapLibreMap): void {
  map.on('load', () => {
    const check = () => {
      if (map.loaded() && map.areTilesLoaded() && !map.isMoving()) performance.mark('map-ready');
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

type RgbaImage = { width: number; height: number; data: number[] };
(window as unknown as { __startBare: unknown }).__startBare = (
  style: import('maplibre-gl').StyleSpecification,
  images: Record<string, RgbaImage>,
  bounds: [number, number, number, number],
) => {
  const map = new MapLibreMap({
    container: 'map',
    style,
    bounds,
    fitBoundsOptions: { padding: { top: 40, bottom: 24, left: 24, right: 260 } },
    localIdeographFontFamily: '"Noto Sans CJK SC", sans-serif',
    // As the app's map: no label fade.
    fadeDuration: 0,
  });
  for (const [id, img] of Object.entries(images)) map.addImage(id, { width: img.width, height: img.height, data: Uint8Array.from(img.data) });
  (window as unknown as { __bareMap: MapLibreMap }).__bareMap = map;
  whenDrawn(map);
};
if (new URL(location.href).searchParams.get('style') !== 'external') await minimal();

/** The minimal style: the same GeoJSON with the least styling that draws it. */
async function minimal(): Promise<void> {
  const get = (url: string) => fetch(url).then((r) => r.json());
  const [counties, zones, city, context, locations] = await Promise.all([countiesUrl, zonesUrl, cityUrl, contextUrl, locationsUrl].map(get));
  const points: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: Object.values(locations as Record<string, { lon: number; lat: number }[]>)
      .flat()
      .map((l) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [l.lon, l.lat] } })),
  };
  const labels: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: counties.features.map((f: { properties: { name: string; labelPoint: number[] } }) => ({
      type: 'Feature',
      properties: { name: f.properties.name },
      geometry: { type: 'Point', coordinates: f.properties.labelPoint },
    })),
  };
  const font = ['Noto Sans CJK SC', 'sans-serif'];
  const map = new MapLibreMap({
    container: 'map',
    localIdeographFontFamily: '"Noto Sans CJK SC", sans-serif',
    bounds: [111.95, 35.7, 113.85, 37.15],
    style: {
      version: 8,
      sources: {
        context: { type: 'geojson', data: context },
        counties: { type: 'geojson', data: counties },
        zones: { type: 'geojson', data: zones },
        city: { type: 'geojson', data: city },
        points: { type: 'geojson', data: points, cluster: true, clusterMaxZoom: 9 },
        labels: { type: 'geojson', data: labels },
      },
      layers: [
        { id: 'bg', type: 'background', paint: { 'background-color': '#e9edf1' } },
        { id: 'context', type: 'fill', source: 'context', paint: { 'fill-color': '#f4f4f2', 'fill-outline-color': '#c3c7cc' } },
        { id: 'counties', type: 'fill', source: 'counties', paint: { 'fill-color': '#6baed6' } },
        { id: 'county-line', type: 'line', source: 'counties', paint: { 'line-color': '#5f6770' } },
        { id: 'zones', type: 'line', source: 'zones', paint: { 'line-color': '#333', 'line-width': 2.5, 'line-dasharray': [3, 2] } },
        { id: 'city', type: 'line', source: 'city', paint: { 'line-color': '#1f2328', 'line-width': 2 } },
        { id: 'points', type: 'circle', source: 'points', paint: { 'circle-radius': 6, 'circle-color': '#D55E00' } },
        { id: 'labels', type: 'symbol', source: 'labels', layout: { 'text-field': ['get', 'name'], 'text-font': font } },
      ],
    },
  });
  (window as unknown as { __bareMap: MapLibreMap }).__bareMap = map;
  whenDrawn(map);
}
