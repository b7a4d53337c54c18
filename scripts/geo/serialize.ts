import type { FeatureCollection } from 'geojson';

/**
 * GeoJSON text with one feature per line: compact, yet diffs show which
 * feature changed. Key order follows the objects as built, so output is
 * byte-for-byte reproducible.
 */
export function featureCollectionText(fc: FeatureCollection): string {
  const lines = fc.features.map((f) => JSON.stringify(f));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}
