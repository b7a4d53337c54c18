import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { MapSpec } from './mapSpec.ts';
import type { RgbaImage } from './patterns.ts';
import type { SourceSpec } from './sources.ts';

/** The part of a MapLibre map that reconcile drives: a recording fake in tests, the real map in the app. */
export interface MapLike {
  addSource(id: string, source: object): unknown;
  removeSource(id: string): unknown;
  getSource(id: string):
    | { setData(data: FeatureCollection): Promise<void> | unknown; setClusterOptions(o: object): Promise<void> | unknown }
    | undefined;
  addLayer(layer: LayerSpecification, before?: string): unknown;
  removeLayer(id: string): unknown;
  moveLayer(id: string, before?: string): unknown;
  setPaintProperty(layer: string, name: string, value: unknown): unknown;
  setLayoutProperty(layer: string, name: string, value: unknown): unknown;
  setFilter(layer: string, filter: unknown): unknown;
  setLayerZoomRange(layer: string, min: number, max: number): unknown;
  setFeatureState(target: { source: string; id: string }, state: Record<string, unknown>): unknown;
  removeFeatureState(target: { source: string; id: string }, key?: string): unknown;
  hasImage(id: string): boolean;
  addImage(id: string, image: RgbaImage): unknown;
  fitBounds(box: [number, number, number, number], options: object): unknown;
}

export interface ReconcileOptions {
  /** Camera moves last this long (0: jump). */
  cameraDuration?: number;
}

export interface ReconcileReport {
  /** Sources given new data, each with the worker's answer. */
  sent: { source: string; done: Promise<void> }[];
  /** Sources whose data changed or that were added or removed. */
  changedSources: Set<string>;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Options that setClusterOptions can change in place; any other option change rebuilds the source. */
const CLUSTER_KEYS = ['cluster', 'clusterRadius', 'clusterMaxZoom'] as const;

function sourceRebuilt(a: SourceSpec, b: SourceSpec): boolean {
  const rest = (o: SourceSpec['options']) => Object.fromEntries(Object.entries(o).filter(([k]) => !(CLUSTER_KEYS as readonly string[]).includes(k)));
  return !same(rest(a.options), rest(b.options));
}

/** A layer is rebuilt (removed and added) when what it is changes: its type, source or meaning. */
function layerRebuilt(a: LayerSpecification, b: LayerSpecification): boolean {
  return a.type !== b.type || !same((a as { source?: unknown }).source, (b as { source?: unknown }).source) || !same(a.metadata, b.metadata);
}

function toMapSource(s: SourceSpec): object {
  return { type: 'geojson', data: s.data, ...s.options };
}

/** Paint, layout, filter and zoom range of a layer that stays. */
function restyleLayer(map: MapLike, a: LayerSpecification, b: LayerSpecification): void {
  for (const group of ['paint', 'layout'] as const) {
    const pa = ((a as Record<string, unknown>)[group] ?? {}) as Record<string, unknown>;
    const pb = ((b as Record<string, unknown>)[group] ?? {}) as Record<string, unknown>;
    for (const key of new Set([...Object.keys(pa), ...Object.keys(pb)])) {
      if (same(pa[key], pb[key])) continue;
      if (group === 'paint') map.setPaintProperty(b.id, key, pb[key]);
      else map.setLayoutProperty(b.id, key, pb[key]);
    }
  }
  const fa = (a as { filter?: unknown }).filter;
  const fb = (b as { filter?: unknown }).filter;
  if (!same(fa, fb)) map.setFilter(b.id, fb ?? null);
  if (a.minzoom !== b.minzoom || a.maxzoom !== b.maxzoom) map.setLayerZoomRange(b.id, b.minzoom ?? 0, b.maxzoom ?? 24);
}

/**
 * Feature-state that differs between two specs, as calls: one setFeatureState
 * per feature with its changed keys, removeFeatureState for keys that went.
 * Sources in `fresh` were (re)built, so they start with no state.
 */
export function featureStateDiff(
  prev: MapSpec['featureState'],
  next: MapSpec['featureState'],
  fresh: ReadonlySet<string> = new Set(),
): { set: [{ source: string; id: string }, Record<string, unknown>][]; remove: [{ source: string; id: string }, string][] } {
  const set: [{ source: string; id: string }, Record<string, unknown>][] = [];
  const remove: [{ source: string; id: string }, string][] = [];
  for (const [source, after] of Object.entries(next)) {
    const before = fresh.has(source) ? {} : (prev[source] ?? {});
    for (const id of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const a = before[id] ?? {};
      const b = after[id] ?? {};
      const changed: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(b)) if (a[k] !== v) changed[k] = v;
      if (Object.keys(changed).length > 0) set.push([{ source, id }, changed]);
      for (const k of Object.keys(a)) if (!(k in b)) remove.push([{ source, id }, k]);
    }
  }
  return { set, remove };
}

/**
 * Makes `map`, which shows `prev` (null: a map built from `next`'s style),
 * show `next`, applying only what differs: sources added, removed or given
 * new data when their key changed (never because an equal object was
 * rebuilt), cluster options in place, layers added, removed and moved into
 * order, paint and layout per changed key, feature-state per changed value,
 * and the camera when a new framing is asked for.
 */
export function reconcile(map: MapLike, prev: MapSpec | null, next: MapSpec, options: ReconcileOptions = {}): ReconcileReport {
  const report: ReconcileReport = { sent: [], changedSources: new Set() };
  const before = prev ?? { sources: {}, layers: [], images: {}, featureState: {}, camera: null };

  for (const [id, image] of Object.entries(next.images)) if (!map.hasImage(id)) map.addImage(id, image);

  // Sources rebuilt or gone take their layers with them.
  const rebuiltSources = new Set<string>();
  for (const [id, a] of Object.entries(before.sources)) {
    const b = next.sources[id];
    if (!b || sourceRebuilt(a, b)) rebuiltSources.add(id);
  }
  const nextLayers = new Map(next.layers.map((l) => [l.id, l]));
  const order: string[] = [];
  for (const a of before.layers) {
    const b = nextLayers.get(a.id);
    const source = (a as { source?: string }).source;
    if (!b || layerRebuilt(a, b) || (source !== undefined && rebuiltSources.has(source))) map.removeLayer(a.id);
    else order.push(a.id);
  }
  for (const id of rebuiltSources) {
    map.removeSource(id);
    report.changedSources.add(id);
  }

  for (const [id, b] of Object.entries(next.sources)) {
    const a = rebuiltSources.has(id) ? undefined : before.sources[id];
    if (!a) {
      if (prev) {
        map.addSource(id, toMapSource(b));
        report.changedSources.add(id);
      }
      continue;
    }
    if (CLUSTER_KEYS.some((k) => !same(a.options[k], b.options[k]))) {
      const o = Object.fromEntries(CLUSTER_KEYS.map((k) => [k, b.options[k]]));
      void map.getSource(id)?.setClusterOptions(o);
      report.changedSources.add(id);
    }
    if (a.key !== b.key) {
      const done = map.getSource(id)?.setData(b.data);
      report.sent.push({ source: id, done: Promise.resolve(done).then(() => undefined) });
      report.changedSources.add(id);
    }
  }

  // Layers into order, top down: each must sit right below the one above it.
  const prevLayers = new Map(before.layers.map((l) => [l.id, l]));
  let above: string | undefined;
  const restyle: [LayerSpecification, LayerSpecification][] = [];
  for (let i = next.layers.length - 1; i >= 0; i--) {
    const b = next.layers[i]!;
    const at = order.indexOf(b.id);
    const wanted = above === undefined ? order.length - 1 : order.indexOf(above) - 1;
    if (at === -1) {
      if (prev) map.addLayer(b, above);
      order.splice(above === undefined ? order.length : order.indexOf(above), 0, b.id);
    } else {
      if (at !== wanted) {
        map.moveLayer(b.id, above);
        order.splice(at, 1);
        order.splice(above === undefined ? order.length : order.indexOf(above), 0, b.id);
      }
      restyle.push([prevLayers.get(b.id)!, b]);
    }
    above = b.id;
  }

  const fresh = new Set([...rebuiltSources, ...Object.keys(next.sources).filter((id) => !before.sources[id])]);
  const states = featureStateDiff(before.featureState, next.featureState, fresh);
  for (const [a, b] of restyle) restyleLayer(map, a, b);
  for (const [target, state] of states.set) map.setFeatureState(target, state);
  for (const [target, key] of states.remove) map.removeFeatureState(target, key);

  const cam = next.camera;
  if (cam && cam.key !== before.camera?.key) {
    map.fitBounds(cam.box, { padding: cam.padding, duration: options.cameraDuration ?? 0, ...(cam.maxZoom !== undefined ? { maxZoom: cam.maxZoom } : {}) });
  }
  return report;
}

/** The style MapLibre is built with for a spec: reconcile(map, null, spec) then adds the images, feature-state and camera. */
export function styleOf(spec: MapSpec, name: string): StyleSpecification {
  return {
    version: 8,
    name,
    sources: Object.fromEntries(Object.entries(spec.sources).map(([id, s]) => [id, toMapSource(s) as SourceSpecification])),
    layers: spec.layers,
  };
}
