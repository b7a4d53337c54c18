import { LngLatBounds, Map as MapLibreMap, NavigationControl, Popup, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import type { GeoJSONSource, MapGeoJSONFeature, MapLayerMouseEvent, MapMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { bbox } from '@turf/turf';
import type { PointProperties } from '../analysis/points.ts';
import type { ImportedPointProperties } from '../import/points.ts';
import type { GeoBundle } from '../geo/types.ts';
import type { MapView } from '../state/store.ts';
import { FONT_STACK, zoneColor } from '../theme/palette.ts';
import { ImportedOnMap, type ImportedMapLayer } from './importedLayers.ts';
import { hatchPattern } from './patterns.ts';
import { spiderOffsets } from './spiderfy.ts';
import { CLUSTER_MAX_ZOOM, LAYER, POINT_LAYERS, SOURCE, ZONE_LAYERS, buildStyle, choroplethFill, hatchImageId } from './style.ts';
import { PRESENTATION } from './presentation.ts';

setWorkerUrl(workerUrl);

/** Lines of a tooltip, as plain text: the controller renders them with textContent only. */
export interface TooltipContent {
  title: string;
  lines: string[];
}

export interface MapCallbacks {
  onHoverCounty: (adcode: string | null) => void;
  onClickCounty: (adcode: string) => void;
  onHoverProject: (id: string | null) => void;
  onClickProject: (id: string) => void;
  onViewChange: (view: MapView) => void;
  onReady: () => void;
  describeCounty: (adcode: string) => TooltipContent | null;
  describePoint: (p: PointProperties) => TooltipContent | null;
  /** A point of an imported layer: its tooltip, and a click on it. */
  describeImported?: (p: ImportedPointProperties) => TooltipContent | null;
  onClickImported?: (layer: string, row: number) => void;
}

declare global {
  interface Window {
    /** Set only in `--mode e2e` builds, for browser tests. */
    __czMap?: MapLibreMap;
  }
}

type PointFeature = Feature<Point, PointProperties>;

export type Padding = { top: number; bottom: number; left: number; right: number };

/** For a map drawn off screen to be captured (exports, print): no controls, no events, a readable buffer. */
export interface ControllerOptions {
  offscreen?: boolean;
  /** Device pixels per CSS pixel of the canvas. */
  pixelRatio?: number;
  /** Frame exactly this box on creation (overrides the initial view). */
  bounds?: [number, number, number, number];
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Room around framed areas; on wide screens the legend takes the right edge. */
function framePadding(container: HTMLElement): { top: number; bottom: number; left: number; right: number } {
  const wide = container.clientWidth > 800;
  return { top: 40, bottom: 24, left: 24, right: wide ? 260 : 24 };
}

function round(v: number, d: number): number {
  const f = 10 ** d;
  return Math.round(v * f) / f;
}

function tooltipNode(content: TooltipContent): HTMLElement {
  const root = document.createElement('div');
  root.className = 'map-tooltip';
  const title = document.createElement('strong');
  title.textContent = content.title;
  root.append(title);
  for (const line of content.lines) {
    const div = document.createElement('div');
    div.textContent = line;
    root.append(div);
  }
  return root;
}

/**
 * Owns the MapLibre map: builds it from the geo bundle, reconciles the state
 * it is given into sources, paint and feature-state, and reports gestures
 * back through callbacks. Nothing else in the app touches MapLibre.
 */
export class MapController {
  private readonly map: MapLibreMap;
  private readonly tooltip = new Popup({
    closeButton: false,
    closeOnClick: false,
    maxWidth: '320px',
    offset: 14,
    className: 'map-tooltip-popup',
  });
  private loaded = false;
  /** Calls made before the style loaded, replayed on load. */
  private pending: (() => void)[] = [];
  private hoveredCounty: string | null = null;
  private hoveredZone: string | null = null;
  private selectedCounties: string[] = [];
  private dimmed: string[] = [];
  private points: FeatureCollection<Point, PointProperties> | null = null;
  private places: FeatureCollection | null = null;
  private countyClass: Record<string, number | null> = {};
  /** Whose points are spread out now, if any. */
  private spiderShows: 'plan' | 'imported' | null = null;
  /** Paint and layout values replaced by presenter mode, to put back when it ends. */
  private presentationSaved: Map<string, unknown> | null = null;
  private imported: ImportedOnMap | null = null;
  /** setData calls the worker has not answered yet. */
  private dataInFlight = 0;
  /** Sources given new data since the held styling was last applied. */
  private dataSources = new Set<string>();
  /** Area styling (colours, selection, fading) held back until the new data is drawable, oldest first. */
  private heldStyling: (() => void)[] = [];

  constructor(
    container: HTMLElement,
    geo: GeoBundle,
    initialView: MapView | null,
    private readonly callbacks: MapCallbacks,
    options: ControllerOptions = {},
  ) {
    const [w, s, e, n] = bbox(geo.city);
    const offscreen = options.offscreen === true;
    this.map = new MapLibreMap({
      container,
      style: buildStyle(geo),
      localIdeographFontFamily: FONT_STACK,
      attributionControl: false,
      // Labels appear at once instead of fading in over 300 ms: without a GPU (SwiftShader)
      // every fade frame costs 100–200 ms and delays the next change the user asks for.
      fadeDuration: 0,
      ...(options.bounds
        ? { bounds: options.bounds, fitBoundsOptions: { padding: 0 } }
        : initialView
        ? { center: initialView.center, zoom: initialView.zoom }
        : { bounds: [w, s, e, n], fitBoundsOptions: { padding: framePadding(container) } }),
      ...(offscreen
        ? { interactive: false, canvasContextAttributes: { preserveDrawingBuffer: true }, maxCanvasSize: [8192, 8192] as [number, number] }
        : {}),
      ...(options.pixelRatio ? { pixelRatio: options.pixelRatio } : {}),
      minZoom: 6,
      maxZoom: 14,
      maxBounds: [w - 3, s - 2, e + 3, n + 2],
      dragRotate: false,
      pitchWithRotate: false,
    });
    this.map.touchZoomRotate.disableRotation();
    if (!offscreen) {
      this.map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
      this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
      if (import.meta.env.MODE === 'e2e') window.__czMap = this.map;
    }

    for (const z of geo.zones.features) {
      this.map.addImage(hatchImageId(z.properties.name), hatchPattern(zoneColor(z.properties.name)));
    }

    this.map.on('load', () => {
      // Imported layers sit above the plan's points, below spiderfied points and labels.
      this.imported = new ImportedOnMap(this.map, LAYER.spiderLeg);
      this.loaded = true;
      for (const run of this.pending.splice(0)) run();
      this.whenIdle(() => {
        performance.mark('map-ready');
        this.callbacks.onReady();
      });
    });
    // Each tile that arrives may be the last one the held styling waits for.
    this.map.on('sourcedata', () => this.releaseStyling());
    this.map.on('idle', () => this.releaseStyling());
    this.map.on('mousemove', this.onMouseMove);
    this.map.on('mouseout', () => this.clearHover());
    this.map.on('click', this.onClick);
    this.map.on('zoomstart', () => this.clearSpider());
    this.map.on('moveend', (e) => {
      // Only the user's own gestures change the shared view: programmatic framing
      // follows from state that the link already carries (county, project…).
      if (!e.originalEvent) return;
      const c = this.map.getCenter();
      this.callbacks.onViewChange({ center: [round(c.lng, 5), round(c.lat, 5)], zoom: round(this.map.getZoom(), 2) });
    });
  }

  /** Runs `fn` now if the style is loaded, else once it is. */
  private ready(fn: () => void): void {
    if (this.loaded) fn();
    else this.pending.push(fn);
  }

  /** Polls rather than waiting for 'idle', which never comes if the map is idle already. */
  private whenIdle(fn: () => void): void {
    const check = () => {
      if (this.map.loaded() && this.map.areTilesLoaded() && !this.map.isMoving()) fn();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }

  private readonly onMouseMove = (e: MapMouseEvent): void => {
    if (!this.loaded) return;
    const imported = this.importedAt(e);
    if (imported) {
      this.map.getCanvas().style.cursor = 'pointer';
      this.callbacks.onHoverProject(null);
      this.callbacks.onHoverCounty(null);
      this.showTooltip(e, imported.kind === 'point' ? (this.callbacks.describeImported?.(imported.properties) ?? null) : imported.tooltip);
      return;
    }
    const hit = this.map.queryRenderedFeatures(e.point, { layers: [...POINT_LAYERS, LAYER.cluster, LAYER.countyFill] });
    const point = hit.find((f) => POINT_LAYERS.includes(f.layer.id as (typeof POINT_LAYERS)[number]));
    const cluster = hit.find((f) => f.layer.id === LAYER.cluster);
    const county = hit.find((f) => f.layer.id === LAYER.countyFill);
    this.map.getCanvas().style.cursor = point || cluster || county ? 'pointer' : '';
    if (point) {
      const p = point.properties as PointProperties;
      this.callbacks.onHoverProject(p.pid);
      this.callbacks.onHoverCounty(null);
      this.showTooltip(e, this.callbacks.describePoint(p));
      return;
    }
    this.callbacks.onHoverProject(null);
    if (cluster) {
      const { sum, point_count: count, unknown } = cluster.properties as { sum: number; point_count: number; unknown: number };
      this.showTooltip(e, {
        title: `${count} 个项目点`,
        lines: [`合计 ${round(sum, 2)} 亿元`, ...(unknown > 0 ? [`其中 ${unknown} 个未列投资额`] : []), '点击放大'],
      });
      this.callbacks.onHoverCounty(null);
      return;
    }
    const adcode = county?.properties?.adcode;
    if (typeof adcode === 'string') {
      this.callbacks.onHoverCounty(adcode);
      this.showTooltip(e, this.callbacks.describeCounty(adcode));
    } else {
      this.clearHover();
    }
  };

  /** The imported point or cluster under the pointer, on top of everything else. */
  private importedAt(
    e: MapMouseEvent,
  ):
    | { kind: 'point'; feature: MapGeoJSONFeature; properties: ImportedPointProperties }
    | { kind: 'cluster'; feature: MapGeoJSONFeature; tooltip: TooltipContent }
    | null {
    if (!this.imported) return null;
    const layers = [...this.imported.pointLayers(), ...this.imported.clusterLayers()];
    if (layers.length === 0) return null;
    const hit = this.map.queryRenderedFeatures(e.point, { layers: [LAYER.spiderImported, ...layers] })[0];
    if (!hit) return null;
    if (!hit.properties.cluster) return { kind: 'point', feature: hit, properties: hit.properties as ImportedPointProperties };
    const { sum, point_count: count, unknown } = hit.properties as { sum: number; point_count: number; unknown: number };
    const layer = this.imported.layerOf(hit);
    return {
      kind: 'cluster',
      feature: hit,
      tooltip: {
        title: `导入的图层“${layer?.name ?? ''}”：${count} 个点`,
        lines: [`合计 ${round(sum, 2)} 亿元`, ...(unknown > 0 ? [`其中 ${unknown} 个未列投资额`] : []), '点击放大'],
      },
    };
  }

  private clearHover(): void {
    this.tooltip.remove();
    this.callbacks.onHoverCounty(null);
    this.callbacks.onHoverProject(null);
  }

  private showTooltip(e: MapMouseEvent, content: TooltipContent | null): void {
    if (!content) {
      this.tooltip.remove();
      return;
    }
    this.tooltip.setLngLat(e.lngLat).setDOMContent(tooltipNode(content));
    if (!this.tooltip.isOpen()) this.tooltip.addTo(this.map);
  }

  private readonly onClick = (e: MapLayerMouseEvent | MapMouseEvent): void => {
    if (!this.loaded) return;
    const imported = this.importedAt(e);
    if (imported?.kind === 'point') {
      const { feature, properties } = imported;
      // Rows placed on one spot (a township's centre, say) are spread out first, as the plan's are.
      const here =
        feature.layer.id === LAYER.spiderImported
          ? [feature]
          : uniqueById(this.map.queryRenderedFeatures(e.point, { layers: [feature.layer.id] }).filter((f) => sameSpot(f, feature)));
      if (here.length > 1) {
        const color = this.imported?.layerOf(feature)?.color ?? '#555555';
        this.spiderfy((feature.geometry as Point).coordinates as [number, number], here.map(asPointFeature), { kind: 'imported', color });
      } else {
        this.callbacks.onClickImported?.(properties.layer, properties.row);
      }
      return;
    }
    if (imported?.kind === 'cluster') {
      void this.imported?.openCluster(imported.feature, prefersReducedMotion() ? 0 : 500);
      return;
    }
    const hit = this.map.queryRenderedFeatures(e.point, { layers: [...POINT_LAYERS, LAYER.cluster, LAYER.countyFill] });
    const points = hit.filter((f) => POINT_LAYERS.includes(f.layer.id as (typeof POINT_LAYERS)[number]));
    const cluster = hit.find((f) => f.layer.id === LAYER.cluster);
    if (points.length > 0) {
      const top = points[0]!;
      // Every project drawn on the same spot as the one on top: several of them get spread out.
      const here = uniqueById(points.filter((f) => f.layer.id === top.layer.id && sameSpot(f, top)));
      const projects = new Set(here.map((f) => (f.properties as PointProperties).pid));
      if (projects.size > 1 && top.layer.id === LAYER.point) {
        this.spiderfy((top.geometry as Point).coordinates as [number, number], here.map(asPointFeature));
      } else {
        this.callbacks.onClickProject((top.properties as PointProperties).pid);
      }
      return;
    }
    if (cluster) {
      void this.openCluster(cluster);
      return;
    }
    this.clearSpider();
    const adcode = hit.find((f) => f.layer.id === LAYER.countyFill)?.properties?.adcode;
    if (typeof adcode === 'string') this.callbacks.onClickCounty(adcode);
  };

  /** Zooms into a cluster, or spreads its points out when they sit on one spot. */
  private async openCluster(cluster: MapGeoJSONFeature): Promise<void> {
    const source = this.map.getSource<GeoJSONSource>(SOURCE.points);
    if (!source) return;
    const id = cluster.properties.cluster_id as number;
    const centre = (cluster.geometry as Point).coordinates as [number, number];
    const leaves = (await source.getClusterLeaves(id, 200, 0)) as PointFeature[];
    const allSameSpot = leaves.every((l) => sameSpot(l, leaves[0]!));
    const zoom = await source.getClusterExpansionZoom(id);
    if (allSameSpot || zoom > CLUSTER_MAX_ZOOM + 1) {
      if (allSameSpot) this.map.jumpTo({ center: centre });
      this.spiderfy(allSameSpot ? ((leaves[0]!.geometry.coordinates as [number, number])) : centre, leaves);
    } else {
      this.map.easeTo({ center: centre, zoom, duration: prefersReducedMotion() ? 0 : 500 });
    }
  }

  /**
   * Spreads points that share a spot around it, with legs back to it: the
   * plan's points, or an imported layer's rows (in its colour). More than
   * SPIDER_MAX are cut, and a note at the spot says how many are shown.
   */
  private spiderfy(
    centre: [number, number],
    all: Feature<Point, object>[],
    as: { kind: 'plan' } | { kind: 'imported'; color: string } = { kind: 'plan' },
  ): void {
    const leaves = all.slice(0, SPIDER_MAX);
    const origin = this.map.project(centre);
    const offsets = spiderOffsets(leaves.length);
    const features: Feature[] = [];
    const extra = as.kind === 'imported' ? { kind: 'imported', color: as.color } : { kind: 'plan' };
    leaves.forEach((leaf, i) => {
      const [dx, dy] = offsets[i]!;
      const at = this.map.unproject([origin.x + dx, origin.y + dy]);
      features.push({ type: 'Feature', properties: { kind: 'leg' }, geometry: { type: 'LineString', coordinates: [centre, [at.lng, at.lat]] } });
      features.push({ type: 'Feature', properties: { ...leaf.properties, ...extra }, geometry: { type: 'Point', coordinates: [at.lng, at.lat] } });
    });
    if (all.length > leaves.length) {
      features.push({
        type: 'Feature',
        properties: { kind: 'note', text: `此处 ${all.length} 个点，展开前 ${leaves.length} 个` },
        geometry: { type: 'Point', coordinates: centre },
      });
    }
    this.spiderShows = as.kind;
    this.map.getSource<GeoJSONSource>(SOURCE.spider)?.setData({ type: 'FeatureCollection', features });
  }

  private clearSpider(): void {
    if (!this.spiderShows) return;
    this.spiderShows = null;
    this.map.getSource<GeoJSONSource>(SOURCE.spider)?.setData({ type: 'FeatureCollection', features: [] });
  }

  setZonesVisible(visible: boolean): void {
    this.ready(() => {
      for (const id of ZONE_LAYERS) this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    });
  }

  setHoveredCounty(adcode: string | null): void {
    this.ready(() => {
      if (adcode === this.hoveredCounty) return;
      if (this.hoveredCounty) this.map.setFeatureState({ source: SOURCE.counties, id: this.hoveredCounty }, { hover: false });
      if (adcode) this.map.setFeatureState({ source: SOURCE.counties, id: adcode }, { hover: true });
      this.hoveredCounty = adcode;
    });
  }

  setHoveredZone(name: string | null): void {
    this.ready(() => {
      if (name === this.hoveredZone) return;
      if (this.hoveredZone) this.map.setFeatureState({ source: SOURCE.zones, id: this.hoveredZone }, { hover: false });
      if (name) this.map.setFeatureState({ source: SOURCE.zones, id: name }, { hover: true });
      this.hoveredZone = name;
    });
  }

  /**
   * New data for a source: counted until the worker has answered, and the
   * source remembered until its tiles are rebuilt, for the styling held back meanwhile.
   */
  private sendData(source: string, sent: Promise<void> | undefined): void {
    if (!sent) return;
    this.dataInFlight++;
    this.dataSources.add(source);
    const answered = () => {
      this.dataInFlight--;
      this.releaseStyling();
    };
    sent.then(answered, answered);
  }

  /**
   * Area styling that goes with a filter change (county colours, selection,
   * fading): applied at once when no new data is on its way, else held back
   * until the data sent with it is drawable, so a change is drawn in one
   * frame with its new points instead of one frame of colours and another
   * of points (each frame costs 100–200 ms without a GPU).
   */
  private styleWithData(fn: () => void): void {
    this.heldStyling.push(fn);
    this.releaseStyling();
  }

  private releaseStyling(): void {
    if (this.dataInFlight > 0) return;
    for (const id of this.dataSources) if (this.map.getSource(id) && !this.map.isSourceLoaded(id)) return;
    this.dataSources.clear();
    for (const fn of this.heldStyling.splice(0)) fn();
  }

  /** Thick outline on the counties in the county filter. */
  setSelectedCounties(adcodes: readonly string[]): void {
    this.ready(() =>
      this.styleWithData(() => {
        for (const a of this.selectedCounties) if (!adcodes.includes(a)) this.map.setFeatureState({ source: SOURCE.counties, id: a }, { selected: false });
        for (const a of adcodes) if (!this.selectedCounties.includes(a)) this.map.setFeatureState({ source: SOURCE.counties, id: a }, { selected: true });
        this.selectedCounties = [...adcodes];
      }),
    );
  }

  /** Fades every county but these (empty: none faded). */
  setDimmedExcept(keep: readonly string[], all: readonly string[]): void {
    this.ready(() =>
      this.styleWithData(() => {
        const dim = keep.length === 0 ? [] : all.filter((a) => !keep.includes(a));
        for (const a of this.dimmed) if (!dim.includes(a)) this.map.setFeatureState({ source: SOURCE.counties, id: a }, { dim: false });
        for (const a of dim) if (!this.dimmed.includes(a)) this.map.setFeatureState({ source: SOURCE.counties, id: a }, { dim: true });
        this.dimmed = dim;
      }),
    );
  }

  /** Colours the counties: class index per adcode (null: nothing to show) on a ramp of `classes`. */
  setChoropleth(countyClass: Record<string, number | null>, classes: number): void {
    this.ready(() => this.styleWithData(() => this.applyChoropleth(countyClass, classes)));
  }

  private applyChoropleth(countyClass: Record<string, number | null>, classes: number): void {
    this.map.setPaintProperty(LAYER.countyFill, 'fill-color', choroplethFill(classes));
    for (const [adcode, cls] of Object.entries(countyClass)) {
      if (this.countyClass[adcode] === cls) continue;
      this.map.setFeatureState({ source: SOURCE.counties, id: adcode }, { cls: cls ?? -1 });
    }
    this.countyClass = { ...countyClass };
  }

  setPoints(points: FeatureCollection<Point, PointProperties>): void {
    this.ready(() => {
      if (points === this.points) return;
      this.points = points;
      this.clearSpider();
      this.sendData(SOURCE.points, this.map.getSource<GeoJSONSource>(SOURCE.points)?.setData(points));
    });
  }

  /** The visible imported layers, each its own source and layers. */
  setImported(layers: readonly ImportedMapLayer[]): void {
    this.ready(() => {
      // Spread-out rows may belong to a layer that changed or went away.
      if (this.spiderShows === 'imported') this.clearSpider();
      for (const [source, sent] of this.imported?.sync(layers) ?? []) this.sendData(source, sent);
    });
  }

  /** Names of the townships and villages that have projects, shown when zoomed in. */
  setPlaces(places: FeatureCollection): void {
    this.ready(() => {
      if (places === this.places) return;
      this.places = places;
      this.sendData(SOURCE.places, this.map.getSource<GeoJSONSource>(SOURCE.places)?.setData(places));
    });
  }

  setHighlightedProject(id: string | null): void {
    this.ready(() => {
      this.map.setFilter(LAYER.pointHighlight, ['==', ['get', 'pid'], id ?? '']);
    });
  }

  /** Rings every point of these projects (the presenter's largest projects). */
  setHighlightedProjects(ids: readonly string[]): void {
    this.ready(() => {
      this.map.setFilter(LAYER.pointHighlight, ['in', ['get', 'pid'], ['literal', [...ids]]]);
    });
  }

  /** Clusters on (the explorer) or off (every point drawn, for the presenter's largest projects). */
  setClustered(on: boolean): void {
    this.ready(() => {
      const source = this.map.getSource<GeoJSONSource>(SOURCE.points);
      if (!source || source.getClusterOptions().cluster === on) return;
      this.clearSpider();
      void source.setClusterOptions({ cluster: on });
    });
  }

  /** Numbered badges (ranks) beside spots on the map. */
  setAnnotations(annotations: FeatureCollection): void {
    this.ready(() => this.map.getSource<GeoJSONSource>(SOURCE.annotations)?.setData(annotations));
  }

  /**
   * Presenter mode: thicker strokes, larger points and labels, scaled by
   * `scale` (null: back to the explorer's style). Changes paint and layout
   * properties of the one style, and remembers what it replaced.
   */
  setPresentation(scale: number | null): void {
    this.ready(() => {
      if (scale !== null && !this.presentationSaved) {
        this.presentationSaved = new Map();
        for (const o of PRESENTATION) {
          // The property names are typed loosely in presentation.ts; MapLibre validates them at run time.
          const property = o.property as never;
          const get = o.kind === 'paint' ? this.map.getPaintProperty(o.layer, property) : this.map.getLayoutProperty(o.layer, property);
          this.presentationSaved.set(`${o.kind}|${o.layer}|${o.property}`, get);
        }
      }
      const saved = this.presentationSaved;
      if (!saved) return;
      for (const o of PRESENTATION) {
        const value = scale === null ? saved.get(`${o.kind}|${o.layer}|${o.property}`) : o.value(scale);
        if (o.kind === 'paint') this.map.setPaintProperty(o.layer, o.property as never, value as never);
        else this.map.setLayoutProperty(o.layer, o.property as never, value as never);
      }
      if (scale === null) this.presentationSaved = null;
    });
  }

  /** What the map shows now, west-south-east-north. */
  viewBounds(): [number, number, number, number] {
    const b = this.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  }

  /** Resolves once the style, every source and every label are drawn and the camera is still. */
  rendered(): Promise<void> {
    return new Promise((resolve) => this.ready(() => this.whenIdle(() => requestAnimationFrame(() => resolve()))));
  }

  /**
   * Calls `fn` once a frame has been drawn with every change asked for so far
   * (data sent to the worker, tiles rebuilt, held styling applied): at the end
   * of the first render after which the map is loaded and its tiles are. A
   * call that sent no data asks for a render, so it is answered on the next
   * frame; one that did waits for the renders the data brings (asking for one
   * more would draw the old data once again, 100–200 ms without a GPU).
   */
  afterDraw(fn: () => void): void {
    this.ready(() => {
      const onRender = () => {
        if (!this.map.loaded() || !this.map.areTilesLoaded() || this.heldStyling.length > 0) return;
        this.map.off('render', onRender);
        fn();
      };
      this.map.on('render', onRender);
      if (this.dataInFlight === 0 && this.heldStyling.length === 0) this.map.triggerRepaint();
    });
  }

  /** Zoom and centre latitude, for a scale bar drawn outside the map. */
  camera(): { zoom: number; latitude: number; pixelRatio: number } {
    return { zoom: this.map.getZoom(), latitude: this.map.getCenter().lat, pixelRatio: this.map.getPixelRatio() };
  }

  /** The WebGL canvas; readable only for an `offscreen` controller (preserveDrawingBuffer). */
  canvas(): HTMLCanvasElement {
    return this.map.getCanvas();
  }

  /** Frames a set of points (a project's locations), not closer than zoom 11. */
  focusOn(coordinates: readonly [number, number][]): void {
    if (coordinates.length === 0) return;
    this.ready(() => {
      const bounds = coordinates.reduce((b, c) => b.extend(c), new LngLatBounds(coordinates[0]!, coordinates[0]!));
      const pad = framePadding(this.map.getContainer());
      this.map.fitBounds(bounds, { padding: { ...pad, top: pad.top + 60, left: pad.left + 60 }, maxZoom: 11, duration: prefersReducedMotion() ? 0 : 800 });
    });
  }

  /** Frames whole areas (counties, a zone) given their bounding box. */
  frame(box: [number, number, number, number], padding?: Padding): void {
    this.ready(() => {
      this.map.fitBounds(box, { padding: padding ?? framePadding(this.map.getContainer()), duration: prefersReducedMotion() ? 0 : 800 });
    });
  }

  resize(): void {
    this.map.resize();
  }

  destroy(): void {
    this.tooltip.remove();
    if (window.__czMap === this.map) delete window.__czMap;
    this.map.remove();
  }
}

/** The most points spread out around one spot; a spiral of 200 is already some 350 px across. */
const SPIDER_MAX = 200;

function sameSpot(a: { geometry: unknown }, b: { geometry: unknown }): boolean {
  const pa = (a.geometry as Point).coordinates;
  const pb = (b.geometry as Point).coordinates;
  return Math.abs(pa[0]! - pb[0]!) < 1e-7 && Math.abs(pa[1]! - pb[1]!) < 1e-7;
}

/** queryRenderedFeatures may return a feature once per tile it touches. */
function uniqueById(features: MapGeoJSONFeature[]): MapGeoJSONFeature[] {
  const seen = new Set<unknown>();
  return features.filter((f) => (seen.has(f.id) ? false : (seen.add(f.id), true)));
}

/** A plain copy: rendered features' properties have no prototype, which the worker cannot take back. */
function asPointFeature(f: MapGeoJSONFeature): Feature<Point, object> {
  const [lon, lat] = (f.geometry as Point).coordinates;
  return { type: 'Feature', properties: { ...f.properties }, geometry: { type: 'Point', coordinates: [lon!, lat!] } };
}
