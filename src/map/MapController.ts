import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import type { MapMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { PointProperties } from '../analysis/points.ts';
import type { ImportedPointProperties } from '../import/points.ts';
import { RECONCILED } from '../state/marks.ts';
import type { MapView as CameraView } from '../state/store.ts';
import { FONT_STACK } from '../theme/palette.ts';
import { cameraView, moveDuration, whenIdle } from './camera.ts';
import { hitAt, hitLayers, stackAt, type Hit } from './hitTest.ts';
import type { BBox, MapSpec, Padding } from './mapSpec.ts';
import { reconcile, styleOf, type MapLike } from './reconcile.ts';
import { StackedPoints } from './stackedPoints.ts';
import { MapTooltip, type TooltipContent } from './tooltip.ts';

setWorkerUrl(workerUrl);

export type { TooltipContent };

/** A cluster under the pointer: how many points, their investment, of the plan or of an imported layer. */
export interface ClusterSummary {
  count: number;
  /** 亿元, of the points with an amount. */
  sum: number;
  /** Points without an amount. */
  unknown: number;
  /** The imported layer's id; null for the plan's points. */
  layer: string | null;
}

/** What the map reports, and the text it shows (the adapter builds no text of its own). */
export interface MapCallbacks {
  onHoverCounty: (adcode: string | null) => void;
  onClickCounty: (adcode: string) => void;
  onHoverProject: (id: string | null) => void;
  onClickProject: (id: string) => void;
  onClickImported: (layer: string, row: number) => void;
  onViewChange: (view: CameraView) => void;
  onReady: () => void;
  describeCounty: (adcode: string) => TooltipContent | null;
  describePoint: (p: PointProperties) => TooltipContent | null;
  describeImported: (p: ImportedPointProperties) => TooltipContent | null;
  describeCluster: (c: ClusterSummary) => TooltipContent | null;
  /** The investment centre and ellipse of group `group` of the spread drawn. */
  describeSpread: (group: number) => TooltipContent | null;
}

declare global {
  interface Window {
    /** Set only in `--mode e2e` builds, for browser tests. */
    __czMap?: MapLibreMap;
  }
}

/** Where the camera starts: a camera from the link, or a box to frame. */
export type CameraStart = { center: [number, number]; zoom: number } | { bounds: BBox; padding: Padding };

export interface ControllerOptions {
  /** Drawn off screen to be captured (exports, print): no controls, no events, a readable buffer. */
  offscreen?: boolean;
  /** Device pixels per CSS pixel of the canvas. */
  pixelRatio?: number;
  /** The city's box: the camera may not wander far from it. */
  limits: BBox;
}

/**
 * Owns one MapLibre map: builds it from a spec, makes it show each new spec
 * through `reconcile`, and reports pointing and clicking back through
 * callbacks (hit-testing in hitTest.ts, stacks of points in stackedPoints.ts,
 * text from the callbacks, shown by tooltip.ts). Nothing else touches MapLibre.
 */
export class MapController {
  private readonly map: MapLibreMap;
  private readonly tooltip: MapTooltip;
  private readonly stacks: StackedPoints;
  private loaded = false;
  /** The spec the map shows (or will, once loaded). */
  private shown: MapSpec;
  private wanted: MapSpec;
  private hitIds: string[];
  /** setData calls the worker has not answered yet. */
  private dataInFlight = 0;

  constructor(
    container: HTMLElement,
    spec: MapSpec,
    start: CameraStart,
    private readonly callbacks: MapCallbacks,
    options: ControllerOptions,
  ) {
    const offscreen = options.offscreen === true;
    const [w, s, e, n] = options.limits;
    this.shown = this.wanted = spec;
    this.hitIds = hitLayers(spec.layers);
    this.map = new MapLibreMap({
      container,
      style: styleOf(spec, '长治市十四五高品质生活项目'),
      localIdeographFontFamily: FONT_STACK,
      attributionControl: false,
      // Labels appear at once instead of fading in over 300 ms: without a GPU (SwiftShader)
      // every fade frame costs 100–200 ms and delays the next change the user asks for.
      fadeDuration: 0,
      ...('bounds' in start ? { bounds: start.bounds, fitBoundsOptions: { padding: start.padding } } : { center: start.center, zoom: start.zoom }),
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
    this.tooltip = new MapTooltip(this.map);
    this.stacks = new StackedPoints(this.map, () => moveDuration(500));
    if (!offscreen) {
      this.map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
      this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
      if (import.meta.env.MODE === 'e2e') window.__czMap = this.map;
    }
    // Patterns before the first frame, so the hatched fills never draw without them.
    for (const [id, image] of Object.entries(spec.images)) this.map.addImage(id, image);

    this.map.on('load', () => {
      this.loaded = true;
      // The style was built from the first spec: give it that spec's state, then what was asked for since.
      reconcile(this.target(), null, { ...this.shown, camera: null });
      this.apply(this.wanted);
      whenIdle(this.map, () => {
        performance.mark('map-ready');
        this.callbacks.onReady();
      });
    });
    if (offscreen) return;
    this.map.on('mousemove', this.onMouseMove);
    this.map.on('mouseout', () => this.clearHover());
    this.map.on('click', this.onClick);
    this.map.on('zoomstart', () => this.stacks.clear());
    this.map.on('moveend', (ev) => {
      // Only the user's own gestures change the shared view: programmatic framing
      // follows from state that the link already carries (county, project…).
      if (ev.originalEvent) this.callbacks.onViewChange(cameraView(this.map));
    });
  }

  private target(): MapLike {
    return this.map as unknown as MapLike;
  }

  /** Makes the map show `spec` (once loaded: what was asked for last). */
  update(spec: MapSpec): void {
    this.wanted = spec;
    if (this.loaded) this.apply(spec);
  }

  private apply(spec: MapSpec): void {
    if (spec === this.shown) return;
    const started = performance.now();
    const report = reconcile(this.target(), this.shown, spec, { cameraDuration: moveDuration(800) });
    performance.measure(RECONCILED, { start: started, end: performance.now() });
    this.shown = spec;
    this.hitIds = hitLayers(spec.layers);
    // A spread of points whose source changed may show points that are gone.
    this.stacks.clear(report.changedSources);
    for (const { done } of report.sent) this.sendData(done);
  }

  private readonly onMouseMove = (e: MapMouseEvent): void => {
    if (!this.loaded) return;
    const hit = hitAt(this.map, e.point, this.hitIds);
    this.map.getCanvas().style.cursor = hit ? 'pointer' : '';
    if (!hit) return this.clearHover();
    const p = hit.feature.properties;
    const plan = hit.meta.owner === 'plan';
    this.callbacks.onHoverProject(plan && hit.meta.role === 'point' ? (p as PointProperties).pid : null);
    this.callbacks.onHoverCounty(hit.meta.role === 'county' ? (p.adcode as string) : null);
    this.tooltip.show(e.lngLat, this.describe(hit));
  };

  private describe({ meta, feature }: Hit): TooltipContent | null {
    const p = feature.properties;
    if (meta.role === 'county') return this.callbacks.describeCounty(p.adcode as string);
    if (meta.role === 'spread') return this.callbacks.describeSpread(p.group as number);
    if (meta.role === 'cluster') {
      return this.callbacks.describeCluster({ count: p.point_count as number, sum: p.sum as number, unknown: p.unknown as number, layer: meta.layer ?? null });
    }
    return meta.owner === 'plan' ? this.callbacks.describePoint(p as PointProperties) : this.callbacks.describeImported(p as ImportedPointProperties);
  }

  private clearHover(): void {
    this.tooltip.hide();
    this.callbacks.onHoverCounty(null);
    this.callbacks.onHoverProject(null);
  }

  private readonly onClick = (e: MapMouseEvent): void => {
    if (!this.loaded) return;
    const hit = hitAt(this.map, e.point, this.hitIds);
    if (!hit) return this.stacks.clear();
    const { meta, feature } = hit;
    if (meta.role === 'county') {
      this.stacks.clear();
      this.callbacks.onClickCounty(feature.properties.adcode as string);
      return;
    }
    if (meta.role === 'cluster') {
      void this.stacks.openCluster(feature, meta);
      return;
    }
    if (meta.role === 'spread') return;
    // Several projects (or rows) drawn on one spot are spread out first, whoever's they are.
    const here = meta.spread ? [feature] : stackAt(this.map, e.point, hit);
    if (here.length > 1) {
      const [lon, lat] = (feature.geometry as GeoJSON.Point).coordinates;
      this.stacks.spread(feature.source, meta, [lon!, lat!], here);
      return;
    }
    const p = feature.properties;
    if (meta.owner === 'plan') this.callbacks.onClickProject((p as PointProperties).pid);
    else this.callbacks.onClickImported((p as ImportedPointProperties).layer, (p as ImportedPointProperties).row);
  };

  /** New data on its way to the worker: counted until it has answered (afterDraw waits for it). */
  private sendData(sent: Promise<void>): void {
    this.dataInFlight++;
    const answered = () => void this.dataInFlight--;
    sent.then(answered, answered);
  }

  /** Resolves once the style, every source and every label are drawn and the camera is still. */
  rendered(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (this.loaded ? whenIdle(this.map, () => requestAnimationFrame(() => resolve())) : this.map.once('load', check));
      check();
    });
  }

  /**
   * Calls `fn` once a frame has been drawn with every change asked for so far
   * (data sent to the worker and its tiles rebuilt; styling is applied at once). A call
   * that sent no data asks for a render, so it is answered on the next frame;
   * one that did waits for the renders the data brings (asking for one more
   * would draw the old data once again, 100–200 ms without a GPU).
   */
  afterDraw(fn: () => void): void {
    const wait = () => {
      const onRender = () => {
        if (!this.map.loaded() || !this.map.areTilesLoaded()) return;
        this.map.off('render', onRender);
        fn();
      };
      this.map.on('render', onRender);
      if (this.dataInFlight === 0) this.map.triggerRepaint();
    };
    if (this.loaded) wait();
    else this.map.once('load', wait);
  }

  /** The MapLibre map, for the camera and capture helpers (camera.ts) and nothing else. */
  get maplibre(): MapLibreMap {
    return this.map;
  }

  resize(): void {
    this.map.resize();
  }

  destroy(): void {
    this.tooltip.hide();
    if (window.__czMap === this.map) delete window.__czMap;
    this.map.remove();
  }
}
