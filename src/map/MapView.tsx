import { useEffect, useMemo, useRef, useState } from 'react';
import { bbox } from '@turf/turf';
import type { MapView as CameraView } from '../state/store.ts';
import { errorMessage } from '../errorMessage.ts';
import { viewBounds } from './camera.ts';
import { MapController, type CameraStart, type MapCallbacks } from './MapController.ts';
import { defaultPadding, mapSpec, type BBox, type MapState } from './mapSpec.ts';
import type { Medium } from './medium.ts';
import { renderMapOffscreen, type RenderRequest, type RenderedMap } from './offscreen.ts';

export type { CameraIntent, MapState } from './mapSpec.ts';
export type { ClusterSummary, TooltipContent } from './MapController.ts';

/** Draws the map as it is now into an image of a given size, off screen (exports, print). */
export interface MapImager {
  /**
   * `bounds` defaults to what the map on screen shows; `overrides` changes
   * what the image shows from what the screen does (the print sheet's
   * numbered markers instead of clusters).
   */
  render: (req: Omit<RenderRequest, 'bounds'> & { bounds?: RenderRequest['bounds']; overrides?: Partial<MapState> }) => Promise<RenderedMap>;
}

export interface MapViewProps extends Omit<MapCallbacks, 'onReady'> {
  /** What the map shows. */
  state: MapState;
  /** Presenter mode: the presenter's type scale (large, high contrast) instead of the screen's. */
  presenting?: boolean;
  /** CSS px of the map the page's overlays cover at each edge (legend, sheets): framing keeps clear of them. */
  insets?: Medium['insets'];
  /** The camera a link carries; null frames the whole city. */
  initialView: CameraView | null;
  /** Receives the map's imager once the map exists, and null when it goes. */
  onImager?: (imager: MapImager | null) => void;
  /** Whenever this changes, `onDrawn` is called with it once the map has drawn the state given with it. */
  drawKey?: unknown;
  onDrawn?: (key: unknown) => void;
}

type Size = { width: number; height: number };

/**
 * The map panel: the boundary between React and MapLibre. The state becomes
 * a spec for the medium the map is drawn on (the screen, or the presenter's
 * screen), and the controller reconciles the map to it. Component tests
 * replace this module with a fake; browser tests exercise it for real.
 */
export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const [controller, setController] = useState<MapController | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [failure, setFailure] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [size, setSize] = useState<Size | null>(null);
  const { geo } = props.state;

  const medium = useMemo<Medium>(
    () => ({
      kind: props.presenting ? 'presenter' : 'screen',
      width: size?.width ?? 1280,
      height: size?.height ?? 800,
      pixelRatio: typeof devicePixelRatio === 'number' ? devicePixelRatio : 1,
      ...(props.insets ? { insets: props.insets } : {}),
    }),
    [props.presenting, size, props.insets],
  );
  const spec = useMemo(() => mapSpec(props.state, medium), [props.state, medium]);
  const latestSpec = useRef(spec);
  latestSpec.current = spec;

  useEffect(() => {
    if (!container.current) return;
    const el = container.current;
    const limits = bbox(geo.city) as BBox;
    // Callbacks read the latest props, so the map is built once per geo bundle.
    const cb = () => latest.current;
    const first = latestSpec.current;
    const initial = latest.current.initialView;
    const start: CameraStart = initial
      ? { center: initial.center, zoom: initial.zoom }
      : first.camera
        ? { bounds: first.camera.box, padding: first.camera.padding }
        : { bounds: limits, padding: defaultPadding({ kind: 'screen', width: el.clientWidth, height: el.clientHeight, pixelRatio: 1, ...(latest.current.insets ? { insets: latest.current.insets } : {}) }) };
    let c: MapController;
    try {
      c = new MapController(
        el,
        first,
        start,
        {
          onHoverCounty: (a) => cb().onHoverCounty(a),
          onClickCounty: (a) => cb().onClickCounty(a),
          onHoverProject: (id) => cb().onHoverProject(id),
          onClickProject: (id) => cb().onClickProject(id),
          onClickImported: (layer, row) => cb().onClickImported(layer, row),
          onViewChange: (v) => cb().onViewChange(v),
          describeCounty: (a) => cb().describeCounty(a),
          describePoint: (p) => cb().describePoint(p),
          describeImported: (p) => cb().describeImported(p),
          describeCluster: (k) => cb().describeCluster(k),
          describeSpread: (g) => cb().describeSpread(g),
          onReady: () => {
            el.setAttribute('data-map-ready', 'true');
            setReady(true);
          },
        },
        { limits },
      );
    } catch (err) {
      setFailure(errorMessage(err));
      return;
    }
    setController(c);
    const resize = new ResizeObserver(() => {
      c.resize();
      setSize((old) => (old && old.width === el.clientWidth && old.height === el.clientHeight ? old : { width: el.clientWidth, height: el.clientHeight }));
    });
    resize.observe(el);
    latest.current.onImager?.({
      render: ({ overrides, ...req }) => renderMapOffscreen({ ...latest.current.state, ...overrides }, { ...req, bounds: req.bounds ?? viewBounds(c.maplibre) }),
    });
    return () => {
      latest.current.onImager?.(null);
      resize.disconnect();
      c.destroy();
      setController(null);
    };
  }, [geo]);

  useEffect(() => controller?.update(spec), [controller, spec]);
  // After the update above: a frame with all of it drawn.
  useEffect(() => {
    const key = props.drawKey;
    if (!controller || key === undefined) return;
    controller.afterDraw(() => latest.current.onDrawn?.(key));
  }, [controller, props.drawKey]);

  if (failure) {
    return (
      <div className="map-failure" role="alert">
        <p>地图无法显示：此浏览器不支持 WebGL，或图形加速已关闭。</p>
        <p>项目与县区数据仍可在右侧面板的“列表”和“表格”中查看。</p>
        <p className="map-failure-detail">{failure}</p>
      </div>
    );
  }
  return (
    <div
      ref={container}
      className="map-canvas"
      data-testid="map"
      data-ready={ready ? 'true' : 'false'}
      aria-label="长治市县区与项目地图"
      role="region"
    />
  );
}
