import { describe, expect, it } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import { PNG_SIZES, pngLayout } from '../../src/export/pngLayout.ts';
import { LAYER, SOURCE, importedIds } from '../../src/map/ids.ts';
import { TEXT_FONT, hitMeta } from '../../src/map/layers.ts';
import { mapSpec } from '../../src/map/mapSpec.ts';
import { typeScale, type Medium } from '../../src/map/medium.ts';
import { requestMedium } from '../../src/map/offscreen.ts';
import { explorerState, importedLayer } from './mapState.ts';

const screen = (width = 1440): Medium => ({ kind: 'screen', width, height: 900, pixelRatio: 1 });
const presenter = (width: number): Medium => ({ kind: 'presenter', width, height: (width * 9) / 16, pixelRatio: 1 });
/** The map part of an exported PNG, as the export asks for it. */
function pngMedium(size: keyof typeof PNG_SIZES): Medium {
  const { width, height } = PNG_SIZES[size];
  const l = pngLayout(width, height);
  return requestMedium({ width: l.map.width, height: l.map.height, pixelRatio: l.scale, bounds: [0, 0, 1, 1], medium: 'png' });
}
const printMedium: Medium = requestMedium({ width: 1800, height: 1100, pixelRatio: 2, bounds: [0, 0, 1, 1], medium: 'print', printWidthMm: 150 });

/** The smallest size (CSS px, over every zoom) of each text section a symbol layer draws: a cluster label has two. */
function textSections(layer: LayerSpecification): { name: string; px: number }[] {
  const layout = (layer as { layout?: Record<string, unknown> }).layout ?? {};
  const size = layout['text-size'];
  const base = typeof size === 'number' ? size : Math.min(...(size as unknown[]).slice(3).filter((_, i) => i % 2 === 1).map(Number));
  const field = layout['text-field'] as unknown[];
  if (Array.isArray(field) && field[0] === 'format') {
    const out: { name: string; px: number }[] = [];
    for (let i = 1; i < field.length; i += 2) {
      const scale = (field[i + 1] as { 'font-scale'?: number })['font-scale'] ?? 1;
      out.push({ name: `${layer.id}[${(i - 1) / 2}]`, px: base * scale });
    }
    return out;
  }
  return [{ name: layer.id, px: base }];
}

const symbolLayers = (m: Medium) => mapSpec(explorerState({ imported: [importedLayer('a', 3)] }), m).layers.filter((l) => l.type === 'symbol');

function sizes(m: Medium): Record<string, number> {
  return Object.fromEntries(symbolLayers(m).flatMap(textSections).map((s) => [s.name, s.px * m.pixelRatio]));
}

describe('mapSpec: every size from the medium', () => {
  it('presenter mode draws every label at 24 px or more on a 1920 screen, and 48 px on a 3840 wall', () => {
    for (const [width, least] of [
      [1920, 24],
      [3840, 48],
    ] as const) {
      const all = sizes(presenter(width));
      // County, zone, context and place names, cluster amount and count, badges, the stack note, imported counts.
      expect(Object.keys(all)).toEqual(
        expect.arrayContaining([LAYER.countyLabel, LAYER.zoneLabel, LAYER.placeLabel, LAYER.contextLabel, `${LAYER.clusterLabel}[0]`, `${LAYER.clusterLabel}[2]`, LAYER.annotationLabel]),
      );
      for (const [name, px] of Object.entries(all)) expect(px, `${name} at ${width}`).toBeGreaterThanOrEqual(least);
    }
  });

  it('a 1920×1080 slide has county labels and cluster amounts of 24 px or more and counts of 18 px; 4K twice that', () => {
    for (const [size, k] of [
      ['1080p', 1],
      ['4k', 2],
    ] as const) {
      const all = sizes(pngMedium(size));
      expect(all[LAYER.countyLabel]).toBeGreaterThanOrEqual(24 * k);
      expect(all[LAYER.zoneLabel]).toBeGreaterThanOrEqual(24 * k);
      expect(all[`${LAYER.clusterLabel}[0]`]).toBeGreaterThanOrEqual(24 * k);
      expect(all[`${LAYER.clusterLabel}[2]`]).toBeGreaterThanOrEqual(18 * k);
      for (const [name, px] of Object.entries(all)) expect(px, name).toBeGreaterThanOrEqual(18 * k);
    }
  });

  it('the print picture has labels of at least 8 pt on paper, counts of at least 6.5 pt', () => {
    const mmPerCssPx = 150 / printMedium.width;
    const pt = (px: number) => (px / printMedium.pixelRatio) * mmPerCssPx * (72 / 25.4);
    const all = sizes(printMedium);
    expect(pt(all[LAYER.countyLabel]!)).toBeGreaterThanOrEqual(8);
    expect(pt(all[`${LAYER.clusterLabel}[0]`]!)).toBeGreaterThanOrEqual(8);
    for (const [name, px] of Object.entries(all)) expect(pt(px), name).toBeGreaterThanOrEqual(6.5);
  });

  it('the screen keeps the compact explorer sizes (12 px labels)', () => {
    const all = sizes(screen());
    expect(all[LAYER.countyLabel]).toBe(12);
    expect(all[`${LAYER.clusterLabel}[2]`]).toBeCloseTo(9.6);
  });

  it('lines, points, halos and the cluster distance grow with the type scale', () => {
    const line = (m: Medium) => mapSpec(explorerState(), m).layers.find((l) => l.id === LAYER.cityLine) as { paint: { 'line-width': number } };
    expect(line(presenter(3840)).paint['line-width']).toBe(2 * line(presenter(1920)).paint['line-width']);
    expect(line(presenter(1920)).paint['line-width']).toBeGreaterThan(line(screen()).paint['line-width']);
    const distance = (m: Medium) => mapSpec(explorerState(), m).sources[SOURCE.points]!.options.clusterRadius!;
    expect(distance(presenter(3840))).toBeGreaterThan(distance(presenter(1920)));
    expect(distance(presenter(1920))).toBeGreaterThan(distance(screen()));
    expect(typeScale(presenter(3840)).halo).toBeGreaterThan(typeScale(screen()).halo);
  });

  it('every label is drawn from local fonts (no glyph server) and every source is inline data', () => {
    const spec = mapSpec(explorerState(), screen());
    for (const l of spec.layers.filter((x) => x.type === 'symbol')) expect((l as { layout: Record<string, unknown> }).layout['text-font']).toEqual(TEXT_FONT);
    for (const s of Object.values(spec.sources)) expect(s.data.type).toBe('FeatureCollection');
  });
});

describe('mapSpec: what the view shows', () => {
  it('is pure: the same view and medium give equal specs, and the medium changes no data', () => {
    const view = explorerState({ filters: { categories: ['education'] } });
    expect(mapSpec(view, screen())).toEqual(mapSpec(view, screen()));
    const a = mapSpec(view, screen());
    const b = mapSpec(view, presenter(3840));
    for (const id of Object.keys(a.sources)) expect(b.sources[id]!.key).toBe(a.sources[id]!.key);
  });

  it('puts the classes, the selection and the fading in feature-state, hover only where there is a pointer', () => {
    const view = { ...explorerState({ filters: { counties: ['140425'] } }), hoveredCounty: '140426' };
    const spec = mapSpec(view, screen());
    const counties = spec.featureState[SOURCE.counties]!;
    expect(Object.keys(counties)).toHaveLength(12);
    expect(counties['140425']).toMatchObject({ selected: true, dim: false });
    expect(counties['140426']).toMatchObject({ selected: false, dim: true, hover: true });
    for (const [a, st] of Object.entries(counties)) expect(st.cls).toBe(view.countyClass[a] ?? -1);
    expect(mapSpec(view, pngMedium('1080p')).featureState[SOURCE.counties]!['140426']!.hover).toBe(false);
  });

  it('draws imported layers above the plan points and below the spread-out points, newest on top', () => {
    const spec = mapSpec(explorerState({ imported: [importedLayer('a', 3), importedLayer('b', 2)] }), screen());
    const ids = spec.layers.map((l) => l.id);
    const a = importedIds('a');
    const b = importedIds('b');
    expect(ids.indexOf(a.point)).toBeGreaterThan(ids.indexOf(LAYER.pointHighlight));
    expect(ids.indexOf(b.point)).toBeGreaterThan(ids.indexOf(a.clusterLabel));
    expect(ids.indexOf(LAYER.spiderLeg)).toBeGreaterThan(ids.indexOf(b.clusterLabel));
    expect(spec.sources[a.source]!.data.features).toHaveLength(3);
    expect(hitMeta(spec.layers.find((l) => l.id === b.cluster)!)).toEqual({ role: 'cluster', owner: 'imported', layer: 'b', color: '#123456' });
  });

  it('hides the zone layers when zones are off, rings the highlighted projects, unclusters on request', () => {
    const view = { ...explorerState(), showZones: false, highlightedProjects: ['A1-01'], clustered: false };
    const spec = mapSpec(view, screen());
    for (const id of [LAYER.zoneHatch, LAYER.zoneLine, LAYER.zoneLabel]) {
      expect((spec.layers.find((l) => l.id === id) as { layout: { visibility: string } }).layout.visibility).toBe('none');
    }
    expect((spec.layers.find((l) => l.id === LAYER.pointHighlight) as { filter: unknown }).filter).toEqual(['in', ['get', 'pid'], ['literal', ['A1-01']]]);
    expect(spec.sources[SOURCE.points]!.options.cluster).toBe(false);
  });

  it('frames a project closer than a county, inside the room the legend leaves', () => {
    const view = { ...explorerState(), camera: { key: 3, points: [[113.1, 36.2] as [number, number], [113.2, 36.3] as [number, number]] } };
    const cam = mapSpec(view, screen(1440)).camera!;
    expect(cam).toMatchObject({ key: 3, box: [113.1, 36.2, 113.2, 36.3], maxZoom: 11 });
    expect(cam.padding.right).toBe(260);
    expect(mapSpec(view, screen(390)).camera!.padding.right).toBe(24);
    expect(mapSpec({ ...view, camera: { key: 4, box: [1, 2, 3, 4] } }, pngMedium('4k')).camera).toEqual({ key: 4, box: [1, 2, 3, 4], padding: { top: 0, bottom: 0, left: 0, right: 0 } });
  });
});
