import { useEffect, useRef, useState } from 'react';
import type { FeatureCollection, Point } from 'geojson';
import type { PointProperties } from '../analysis/points.ts';
import type { ImportedPointProperties } from '../import/points.ts';
import type { ImportedMapLayer } from './importedLayers.ts';
import type { GeoBundle } from '../geo/types.ts';
import type { MapView as CameraView } from '../state/store.ts';
import { MapController, type Padding, type TooltipContent } from './MapController.ts';
import { renderMapOffscreen, type RenderRequest, type RenderedMap } from './offscreen.ts';
import { errorMessage } from '../errorMessage.ts';

export interface MapFocus {
  /** Changes whenever a new framing is asked for, even of the same place. */
  key: number;
  points?: [number, number][];
  box?: [number, number, number, number];
  /** Room to keep clear around the box (the presenter's caption); default: the explorer's. */
  padding?: Padding;
}

/** Draws the map as it is now into an image of a given size, off screen (exports, print). */
export interface MapImager {
  /** `bounds` defaults to what the map on screen shows. */
  render: (req: Omit<RenderRequest, 'bounds'> & { bounds?: RenderRequest['bounds'] }) => Promise<RenderedMap>;
}

export interface MapViewProps {
  geo: GeoBundle;
  initialView: CameraView | null;
  showZones: boolean;
  points: FeatureCollection<Point, PointProperties>;
  places: FeatureCollection;
  countyClass: Record<string, number | null>;
  classCount: number;
  hoveredCounty: string | null;
  hoveredZone: string | null;
  selectedCounties: string[];
  /** Counties to keep bright; the others are faded. Empty: none faded. */
  focusCounties: string[];
  highlightedProject: string | null;
  focus: MapFocus | null;
  onHoverCounty: (adcode: string | null) => void;
  onClickCounty: (adcode: string) => void;
  onHoverProject: (id: string | null) => void;
  onClickProject: (id: string) => void;
  onViewChange: (view: CameraView) => void;
  describeCounty: (adcode: string) => TooltipContent | null;
  describePoint: (p: PointProperties) => TooltipContent | null;
  /** Presenter mode: thicker strokes, larger points and labels at this scale; null or absent: off. */
  presentation?: number | null;
  /** Ring all of these projects' points (overrides `highlightedProject`). */
  highlightedProjects?: string[];
  /** Numbered badges on the map. */
  annotations?: FeatureCollection;
  /** Points cluster at low zoom unless false. */
  clustered?: boolean;
  /** Receives the map's imager once the map exists, and null when it goes. */
  onImager?: (imager: MapImager | null) => void;
  /** The visible imported layers, newest last (never clustered with the plan's points, never in its figures). */
  imported?: ImportedMapLayer[];
  describeImported?: (p: ImportedPointProperties) => TooltipContent | null;
  onClickImported?: (layer: string, row: number) => void;
  /** Whenever this changes, `onDrawn` is called with it once the map has drawn the props given with it. */
  drawKey?: unknown;
  onDrawn?: (key: unknown) => void;
}

const NO_IMPORTED: ImportedMapLayer[] = [];

/**
 * The map panel. This module is the boundary between React and MapLibre:
 * component tests replace it with a fake, browser tests exercise it for real.
 * Props are reconciled into the controller; callbacks go back to the store.
 */
export function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const [c, setController] = useState<MapController | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [failure, setFailure] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const { geo } = props;

  useEffect(() => {
    if (!container.current) return;
    const el = container.current;
    // Callbacks read the latest props, so the map is built once per geo bundle.
    const cb = () => latest.current;
    let controller: MapController | null = null;
    try {
      controller = new MapController(el, geo, latest.current.initialView, {
        onHoverCounty: (a) => cb().onHoverCounty(a),
        onClickCounty: (a) => cb().onClickCounty(a),
        onHoverProject: (id) => cb().onHoverProject(id),
        onClickProject: (id) => cb().onClickProject(id),
        onViewChange: (v) => cb().onViewChange(v),
        describeCounty: (a) => cb().describeCounty(a),
        describePoint: (p) => cb().describePoint(p),
        describeImported: (p) => cb().describeImported?.(p) ?? null,
        onClickImported: (layer, row) => cb().onClickImported?.(layer, row),
        onReady: () => {
          el.setAttribute('data-map-ready', 'true');
          setReady(true);
        },
      });
    } catch (err) {
      setFailure(errorMessage(err));
      return;
    }
    setController(controller);
    const resize = new ResizeObserver(() => controller.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      controller.destroy();
      setController(null);
    };
  }, [geo]);

  useEffect(() => c?.setZonesVisible(props.showZones), [c, props.showZones]);
  useEffect(() => c?.setPoints(props.points), [c, props.points]);
  useEffect(() => c?.setPlaces(props.places), [c, props.places]);
  useEffect(() => c?.setImported(props.imported ?? NO_IMPORTED), [c, props.imported]);
  useEffect(() => c?.setChoropleth(props.countyClass, props.classCount), [c, props.countyClass, props.classCount]);
  useEffect(() => c?.setHoveredCounty(props.hoveredCounty), [c, props.hoveredCounty]);
  useEffect(() => c?.setHoveredZone(props.hoveredZone), [c, props.hoveredZone]);
  useEffect(() => c?.setSelectedCounties(props.selectedCounties), [c, props.selectedCounties]);
  useEffect(
    () => c?.setDimmedExcept(props.focusCounties, geo.counties.features.map((f) => f.properties.adcode)),
    [c, props.focusCounties, geo],
  );
  useEffect(() => {
    if (props.highlightedProjects) c?.setHighlightedProjects(props.highlightedProjects);
    else c?.setHighlightedProject(props.highlightedProject);
  }, [c, props.highlightedProject, props.highlightedProjects]);
  useEffect(() => c?.setAnnotations(props.annotations ?? { type: 'FeatureCollection', features: [] }), [c, props.annotations]);
  useEffect(() => c?.setPresentation(props.presentation ?? null), [c, props.presentation]);
  useEffect(() => c?.setClustered(props.clustered ?? true), [c, props.clustered]);
  // After the effects above, which hand the map its data: a frame with all of it drawn.
  useEffect(() => {
    const key = props.drawKey;
    if (!c || key === undefined) return;
    c.afterDraw(() => latest.current.onDrawn?.(key));
  }, [c, props.drawKey]);
  useEffect(() => {
    const f = props.focus;
    if (!c || !f) return;
    if (f.points) c.focusOn(f.points);
    else if (f.box) c.frame(f.box, f.padding);
  }, [c, props.focus]);
  useEffect(() => {
    if (!c) return;
    latest.current.onImager?.({
      render: (req) => renderMapOffscreen(geo, latest.current, { ...req, bounds: req.bounds ?? c.viewBounds() }),
    });
    return () => latest.current.onImager?.(null);
  }, [c, geo]);

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
