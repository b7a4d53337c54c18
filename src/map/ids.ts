/** Names of the map's sources, layers and images, shared by the spec, the hit-testing and the tests. */

/**
 * The fixed geography sits in three sources, each holding its areas and their
 * label points (and the context source the city outline too): every camera
 * move re-tiles every source on MapLibre's one worker, so fewer sources is a
 * shorter wait before the frame (about 40 ms a source on SwiftShader, 2 cores).
 */
export const SOURCE = {
  context: 'context',
  counties: 'counties',
  zones: 'zones',
  points: 'points',
  places: 'places',
  spider: 'spider',
  annotations: 'annotations',
  spread: 'spread',
} as const;

export const LAYER = {
  background: 'background',
  contextFill: 'context-fill',
  contextLine: 'context-line',
  contextLabel: 'context-label',
  countyFill: 'county-fill',
  zoneHatch: 'zone-hatch',
  countyLine: 'county-line',
  countyHover: 'county-hover',
  zoneLine: 'zone-line',
  cityLine: 'city-line',
  countyLabel: 'county-label',
  zoneLabel: 'zone-label',
  placeLabel: 'place-label',
  pointHalo: 'point-halo',
  point: 'point',
  pointHighlight: 'point-highlight',
  cluster: 'cluster',
  clusterLabel: 'cluster-label',
  spiderLeg: 'spider-leg',
  spiderPoint: 'spider-point',
  spiderImported: 'spider-imported',
  spiderNote: 'spider-note',
  spreadFill: 'spread-fill',
  spreadLine: 'spread-line',
  spreadCentre: 'spread-centre',
  spreadLabel: 'spread-label',
  annotationLine: 'annotation-line',
  annotation: 'annotation',
  annotationLabel: 'annotation-label',
} as const;

/** The source and layers of one imported layer. */
export function importedIds(id: string) {
  const base = `imported-${id}`;
  return { source: base, halo: `${base}-halo`, point: `${base}-point`, cluster: `${base}-cluster`, clusterLabel: `${base}-cluster-label` };
}

export function hatchImageId(zone: string): string {
  return `hatch-${zone}`;
}
