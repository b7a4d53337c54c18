import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { MapLike } from '../../src/map/reconcile.ts';

type Json = Record<string, unknown>;
interface FakeLayer {
  spec: LayerSpecification;
  paint: Json;
  layout: Json;
  filter: unknown;
  minzoom: number | undefined;
  maxzoom: number | undefined;
}

/**
 * A map that does what MapLibre would with each call reconcile makes, keeping
 * the resulting state (sources, layer order and properties, feature-state),
 * and records every call, so tests can check both what was called and where
 * the map ended up.
 */
export class RecordingMap implements MapLike {
  calls: [string, ...unknown[]][] = [];
  sources = new Map<string, { data: FeatureCollection; options: Json }>();
  layers: FakeLayer[] = [];
  state = new Map<string, Json>();
  images = new Set<string>();

  /** A map built from a style, as MapLibre builds it. */
  static fromStyle(style: { sources: Record<string, object>; layers: LayerSpecification[] }): RecordingMap {
    const m = new RecordingMap();
    for (const [id, s] of Object.entries(style.sources)) m.putSource(id, s);
    for (const l of style.layers) m.layers.push(m.toLayer(l));
    return m;
  }

  private putSource(id: string, source: object): void {
    const { type: _t, data, ...options } = source as Json;
    this.sources.set(id, { data: data as FeatureCollection, options });
  }

  private toLayer(l: LayerSpecification): FakeLayer {
    const j = l as unknown as Json;
    return { spec: l, paint: { ...((j.paint as Json) ?? {}) }, layout: { ...((j.layout as Json) ?? {}) }, filter: j.filter, minzoom: l.minzoom, maxzoom: l.maxzoom };
  }

  private layer(id: string): FakeLayer {
    const l = this.layers.find((x) => x.spec.id === id);
    if (!l) throw new Error(`no layer ${id}`);
    return l;
  }

  /** Calls of one method, with their arguments. */
  called(method: string): unknown[][] {
    return this.calls.filter((c) => c[0] === method).map((c) => c.slice(1));
  }

  clearCalls(): void {
    this.calls = [];
  }

  addSource(id: string, source: object) {
    this.calls.push(['addSource', id]);
    if (this.sources.has(id)) throw new Error(`source ${id} exists`);
    this.putSource(id, source);
  }
  removeSource(id: string) {
    this.calls.push(['removeSource', id]);
    if (this.layers.some((l) => (l.spec as { source?: string }).source === id)) throw new Error(`source ${id} still has layers`);
    this.sources.delete(id);
    for (const k of [...this.state.keys()]) if (k.startsWith(`${id}|`)) this.state.delete(k);
  }
  getSource(id: string) {
    const s = this.sources.get(id);
    if (!s) return undefined;
    return {
      setData: (data: FeatureCollection) => {
        this.calls.push(['setData', id]);
        s.data = data;
        return Promise.resolve();
      },
      setClusterOptions: (o: object) => {
        this.calls.push(['setClusterOptions', id, o]);
        Object.assign(s.options, o);
        return Promise.resolve();
      },
    };
  }
  addLayer(layer: LayerSpecification, before?: string) {
    this.calls.push(['addLayer', layer.id, before]);
    if (this.layers.some((l) => l.spec.id === layer.id)) throw new Error(`layer ${layer.id} exists`);
    const src = (layer as { source?: string }).source;
    if (src && !this.sources.has(src)) throw new Error(`layer ${layer.id}: no source ${src}`);
    const at = before === undefined ? this.layers.length : this.layers.findIndex((l) => l.spec.id === before);
    if (at < 0) throw new Error(`no layer ${before} to add ${layer.id} before`);
    this.layers.splice(at, 0, this.toLayer(layer));
  }
  removeLayer(id: string) {
    this.calls.push(['removeLayer', id]);
    const at = this.layers.findIndex((l) => l.spec.id === id);
    if (at < 0) throw new Error(`no layer ${id}`);
    this.layers.splice(at, 1);
  }
  moveLayer(id: string, before?: string) {
    this.calls.push(['moveLayer', id, before]);
    const l = this.layer(id);
    this.layers.splice(this.layers.indexOf(l), 1);
    const at = before === undefined ? this.layers.length : this.layers.findIndex((x) => x.spec.id === before);
    this.layers.splice(at, 0, l);
  }
  setPaintProperty(layer: string, name: string, value: unknown) {
    this.calls.push(['setPaintProperty', layer, name]);
    const l = this.layer(layer);
    if (value === undefined) delete l.paint[name];
    else l.paint[name] = value;
  }
  setLayoutProperty(layer: string, name: string, value: unknown) {
    this.calls.push(['setLayoutProperty', layer, name]);
    const l = this.layer(layer);
    if (value === undefined) delete l.layout[name];
    else l.layout[name] = value;
  }
  setFilter(layer: string, filter: unknown) {
    this.calls.push(['setFilter', layer]);
    this.layer(layer).filter = filter ?? undefined;
  }
  setLayerZoomRange(layer: string, min: number, max: number) {
    this.calls.push(['setLayerZoomRange', layer]);
    const l = this.layer(layer);
    l.minzoom = min === 0 ? undefined : min;
    l.maxzoom = max === 24 ? undefined : max;
  }
  setFeatureState(target: { source: string; id: string }, state: Json) {
    this.calls.push(['setFeatureState', target.source, target.id, state]);
    const key = `${target.source}|${target.id}`;
    this.state.set(key, { ...(this.state.get(key) ?? {}), ...state });
  }
  removeFeatureState(target: { source: string; id: string }, key?: string) {
    this.calls.push(['removeFeatureState', target.source, target.id, key]);
    const k = `${target.source}|${target.id}`;
    if (key === undefined) this.state.delete(k);
    else delete this.state.get(k)?.[key];
  }
  hasImage(id: string) {
    return this.images.has(id);
  }
  addImage(id: string) {
    this.calls.push(['addImage', id]);
    this.images.add(id);
  }
  fitBounds(box: [number, number, number, number], options: object) {
    this.calls.push(['fitBounds', box, options]);
  }

  /** What the map shows, in the shape of a spec's parts, to compare with the spec it should show. */
  snapshot() {
    return {
      sources: Object.fromEntries([...this.sources].map(([id, s]) => [id, { data: s.data, options: s.options }])),
      layers: this.layers.map((l) => ({ id: l.spec.id, paint: l.paint, layout: l.layout, filter: l.filter, minzoom: l.minzoom, maxzoom: l.maxzoom })),
      featureState: Object.fromEntries([...this.state].map(([k, v]) => [k, v])),
    };
  }
}
