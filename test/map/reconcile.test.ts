import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LAYER, SOURCE, importedIds } from '../../src/map/ids.ts';
import { mapSpec, type MapState } from '../../src/map/mapSpec.ts';
import type { Medium } from '../../src/map/medium.ts';
import { featureStateDiff, reconcile, styleOf } from '../../src/map/reconcile.ts';
import { RecordingMap } from './recordingMap.ts';
import { expectedSnapshot, explorerState, importedLayer } from './mapState.ts';

const screen: Medium = { kind: 'screen', width: 1440, height: 900, pixelRatio: 1 };
const wall: Medium = { kind: 'presenter', width: 3840, height: 2160, pixelRatio: 1 };

/** A map built from the first state's spec and loaded, as the app's map is, with its calls cleared. */
function mapShowing(view: MapState, medium = screen) {
  const spec = mapSpec(view, medium);
  const map = RecordingMap.fromStyle(styleOf(spec, 'test'));
  reconcile(map, null, spec);
  map.clearCalls();
  return { map, spec };
}

function step(map: RecordingMap, prev: ReturnType<typeof mapSpec>, view: MapState, medium = screen) {
  const next = mapSpec(view, medium);
  const report = reconcile(map, prev, next);
  expect(map.snapshot()).toEqual(expectedSnapshot(next));
  return { next, report };
}

describe('reconcile', () => {
  it('builds the whole state on load: images, every feature-state, nothing sent twice', () => {
    const view = explorerState();
    const spec = mapSpec(view, screen);
    const map = RecordingMap.fromStyle(styleOf(spec, 'test'));
    reconcile(map, null, spec);
    expect(map.called('addImage')).toHaveLength(4);
    expect(map.called('setData')).toEqual([]);
    expect(map.called('addLayer')).toEqual([]);
    expect(map.snapshot()).toEqual(expectedSnapshot(spec));
  });

  it('a metric change sends no data: only the counties change colour', () => {
    const { map, spec } = mapShowing(explorerState({ metric: 'density' }));
    step(map, spec, explorerState({ metric: 'total', method: 'jenks' }));
    expect(map.called('setData')).toEqual([]);
    expect(map.called('setClusterOptions')).toEqual([]);
    expect(new Set(map.called('setFeatureState').map((c) => c[0]))).toEqual(new Set([SOURCE.counties]));
    for (const [, , state] of map.called('setFeatureState')) expect(Object.keys(state as object)).toEqual(['cls']);
  });

  it('a category change sends each source whose data changed once, and the fixed geography never', () => {
    const { map, spec } = mapShowing(explorerState());
    const { report } = step(map, spec, explorerState({ filters: { categories: ['education'] } }));
    expect(map.called('setData').map((c) => c[0]).sort()).toEqual([SOURCE.places, SOURCE.points].sort());
    expect(report.sent.map((s) => s.source).sort()).toEqual([SOURCE.places, SOURCE.points].sort());
    expect(map.called('addLayer')).toEqual([]);
    expect(map.called('removeLayer')).toEqual([]);
  });

  it('an equal rebuild of the points (a new object with the same key) is not sent', () => {
    const view = explorerState({ filters: { categories: ['health'] } });
    const { map, spec } = mapShowing(view);
    const rebuilt = explorerState({ filters: { categories: ['health'] } });
    expect(rebuilt.points).not.toBe(view.points);
    step(map, spec, rebuilt);
    expect(map.calls).toEqual([]);
  });

  it('adds an imported layer between the plan points and the centres and spread-out points above, and takes it away again', () => {
    const { map, spec } = mapShowing(explorerState());
    const ids = importedIds('L1');
    const { next } = step(map, spec, explorerState({ imported: [importedLayer('L1', 4)] }));
    expect(map.called('addSource')).toEqual([[ids.source]]);
    // Added top down, each below the one above it.
    expect(map.called('addLayer')).toEqual([
      [ids.clusterLabel, LAYER.spreadCentre],
      [ids.cluster, ids.clusterLabel],
      [ids.point, ids.cluster],
      [ids.halo, ids.point],
    ]);
    map.clearCalls();
    step(map, next, explorerState());
    expect(map.called('removeLayer')).toHaveLength(4);
    expect(map.called('removeSource')).toEqual([[ids.source]]);
  });

  it('presenter mode on a wall changes sizes per key and the cluster distance in place, and sends no data', () => {
    const view = explorerState();
    const { map, spec } = mapShowing(view);
    step(map, spec, view, wall);
    expect(map.called('setData')).toEqual([]);
    expect(map.called('addLayer')).toEqual([]);
    expect(map.called('setClusterOptions').map((c) => c[0])).toEqual([SOURCE.points]);
    const changed = map.called('setLayoutProperty').map(([l, k]) => `${l as string}.${k as string}`);
    expect(changed).toContain(`${LAYER.countyLabel}.text-size`);
    expect(changed).not.toContain(`${LAYER.countyLabel}.text-field`);
  });

  it('moves the camera once per framing asked for', () => {
    const view = explorerState();
    const { map, spec } = mapShowing(view);
    const framed = { ...view, camera: { key: 1, box: [112, 36, 113, 37] as [number, number, number, number] } };
    const { next } = step(map, spec, framed);
    expect(map.called('fitBounds')).toHaveLength(1);
    step(map, next, { ...framed, hoveredCounty: '140425' });
    expect(map.called('fitBounds')).toHaveLength(1);
  });

  it('any sequence of views leaves the map showing exactly the last spec', () => {
    const layers = ['a', 'b', 'c'];
    const viewArb = fc.record({
      cats: fc.subarray(['health', 'education', 'transport'] as const),
      metric: fc.constantFrom('density', 'total', 'count' as const),
      imported: fc.subarray(layers),
      color: fc.constantFrom('#112233', '#445566'),
      version: fc.integer({ min: 1, max: 2 }),
      zones: fc.boolean(),
      hovered: fc.constantFrom(null, '140425', '140431'),
      clustered: fc.boolean(),
      medium: fc.constantFrom(screen, wall),
    });
    fc.assert(
      fc.property(fc.array(viewArb, { minLength: 1, maxLength: 6 }), (views) => {
        const toState = (v: (typeof views)[number]): MapState => ({
          ...explorerState({ filters: { categories: [...v.cats] }, metric: v.metric, imported: v.imported.map((id) => importedLayer(id, 2 + v.version, v.color, v.version)) }),
          showZones: v.zones,
          hoveredCounty: v.hovered,
          clustered: v.clustered,
        });
        let { map, spec } = mapShowing(toState(views[0]!), views[0]!.medium);
        for (const v of views.slice(1)) spec = step(map, spec, toState(v), v.medium).next;
      }),
      { numRuns: 40 },
    );
  });
});

describe('featureStateDiff', () => {
  it('sets changed keys per feature, removes keys that went, and starts rebuilt sources empty', () => {
    const prev = { s: { a: { x: 1, y: true }, b: { x: 2 } } };
    const next = { s: { a: { x: 1, y: false }, b: {}, c: { x: 3 } } };
    expect(featureStateDiff(prev, next)).toEqual({
      set: [
        [{ source: 's', id: 'a' }, { y: false }],
        [{ source: 's', id: 'c' }, { x: 3 }],
      ],
      remove: [[{ source: 's', id: 'b' }, 'x']],
    });
    expect(featureStateDiff(prev, { s: { a: { x: 1 } } }, new Set(['s']))).toEqual({ set: [[{ source: 's', id: 'a' }, { x: 1 }]], remove: [] });
  });
});
