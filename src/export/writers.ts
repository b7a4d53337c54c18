/**
 * What an export needs beyond the 导出 menu itself: the CSV writer (papaparse),
 * the GeoJSON writer, the PNG composition and the download. Loaded with a
 * dynamic import() on the first export, so the first load does not carry them.
 */
export { projectsCsv } from './csv.ts';
export { areasCsv, countiesGeoJson } from './areas.ts';
export { geoJsonText, projectsGeoJson } from './geojson.ts';
export { exportPng } from './exportPng.ts';
export { saveBlob } from './download.ts';
