import type { LayerSpecification } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { PointProperties } from '../analysis/points.ts';
import type { GeoBundle, LonLat } from '../geo/types.ts';
import { zoneColor } from '../theme/palette.ts';
import { SOURCE, hatchImageId, importedIds } from './ids.ts';
import { importedLayers, importedSource, type ImportedMapLayer } from './importedLayers.ts';
import { basemapLayers, clusterDistance, overlayLayers, pointLayers } from './layers.ts';
import { typeScale, type Medium } from './medium.ts';
import { hatchPattern, type RgbaImage } from './patterns.ts';
import { emptySource, geographySources, pointSource, type Keyed, type SourceSpec } from './sources.ts';
import { spreadAreaLayers, spreadCentreLayers, spreadSource } from './spreadLayers.ts';
import type { SpreadSummary } from '../analysis/spread.ts';

export type BBox = [number, number, number, number];
export type Padding = { top: number; bottom: number; left: number; right: number };

/** A framing asked for: a new key asks again, even for the same place. */
export interface CameraIntent {
  key: number;
  /** Frame these points (a project's locations), not closer than zoom 11… */
  points?: LonLat[];
  /** …or this box (counties, a zone, a tour step, an export's extent). */
  box?: BBox;
  /** Room to keep clear around it; default: what the medium's overlays take. */
  padding?: Padding;
}

/**
 * Everything the map shows, as the app knows it: the input of `mapSpec`.
 * Data comes keyed (src/analysis/keyed.ts) so that an equal rebuild is not sent again.
 */
export interface MapState {
  geo: GeoBundle;
  /** The four 美丽乡村 zones drawn over the counties. */
  showZones: boolean;
  points: Keyed<FeatureCollection<Point, PointProperties>>;
  /** Names of the townships and villages with projects, shown when zoomed in. */
  places: Keyed<FeatureCollection>;
  /** Class index per county adcode (null: nothing to show), on a ramp of `classCount` colours. */
  countyClass: Record<string, number | null>;
  classCount: number;
  hoveredCounty: string | null;
  /** A zone hovered in the legend, or the one the presenter's step is about. */
  hoveredZone: string | null;
  /** Outlined: the counties in the county filter. */
  selectedCounties: readonly string[];
  /** Kept bright, the others faded; empty: none faded. */
  focusCounties: readonly string[];
  /** Projects whose points are ringed. */
  highlightedProjects: readonly string[];
  /** Numbered badges beside spots (points with a `label`), and the lines of line projects under them. */
  annotations: Keyed<FeatureCollection>;
  /** The investment centres and ellipses of the selection (src/analysis/spread.ts); null: not drawn. */
  spread: SpreadSummary | null;
  /** Ranks written before the county names (adcode → rank); null: the names alone. */
  countyRanks: Readonly<Record<string, number>> | null;
  /** The plan's points cluster at low zoom unless false. */
  clustered: boolean;
  /** The visible imported layers, newest last. */
  imported: readonly ImportedMapLayer[];
  camera: CameraIntent | null;
}

const NO_BADGES: MapState['annotations'] = { key: 'badges:', data: { type: 'FeatureCollection', features: [] } };

/**
 * A map of these figures and nothing more: zones shown, every point
 * clustered, no hover, selection, fading, badges, imported layer or framing.
 * The explorer, the presenter and the benchmarks start from it.
 */
export function plainMapState(
  geo: GeoBundle,
  figures: { points: MapState['points']; places: MapState['places']; countyClass: MapState['countyClass']; classification: { thresholds: readonly number[] } },
): MapState {
  return {
    geo,
    showZones: true,
    points: figures.points,
    places: figures.places,
    countyClass: figures.countyClass,
    classCount: figures.classification.thresholds.length + 1,
    hoveredCounty: null,
    hoveredZone: null,
    selectedCounties: [],
    focusCounties: [],
    highlightedProjects: [],
    annotations: NO_BADGES,
    countyRanks: null,
    spread: null,
    clustered: true,
    imported: [],
    camera: null,
  };
}

/** A framing as MapLibre takes it. */
export interface CameraSpec {
  key: number;
  box: BBox;
  padding: Padding;
  maxZoom?: number;
}

export type FeatureStateSpec = Record<string, Record<string, Record<string, string | number | boolean>>>;

/** Everything one map draws, for one medium: what `reconcile` makes a MapLibre map show. */
export interface MapSpec {
  /** In the order they are added. */
  sources: Record<string, SourceSpec>;
  /** Bottom to top. */
  layers: LayerSpecification[];
  images: Record<string, RgbaImage>;
  /** source → feature id → state. */
  featureState: FeatureStateSpec;
  camera: CameraSpec | null;
}

const hatches = new WeakMap<GeoBundle, Record<string, RgbaImage>>();

function hatchImages(geo: GeoBundle): Record<string, RgbaImage> {
  let images = hatches.get(geo);
  if (!images) {
    images = Object.fromEntries(geo.zones.features.map((z) => [hatchImageId(z.properties.name), hatchPattern(zoneColor(z.properties.name))]));
    hatches.set(geo, images);
  }
  return images;
}

/**
 * Room kept clear around a framed subject: nothing on an image; on a screen a
 * margin plus what the page's overlays cover (when the page does not say, the
 * legend on the right of a wide screen).
 */
export function defaultPadding(medium: Medium): Padding {
  if (medium.kind === 'png' || medium.kind === 'print') return { top: 0, bottom: 0, left: 0, right: 0 };
  const covered = medium.insets ?? { top: 16, bottom: 0, left: 0, right: medium.width > 800 ? 236 : 0 };
  return { top: 24 + covered.top, bottom: 24 + covered.bottom, left: 24 + covered.left, right: 24 + covered.right };
}

function bboxOf(points: readonly LonLat[]): BBox {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    w = Math.min(w, x);
    s = Math.min(s, y);
    e = Math.max(e, x);
    n = Math.max(n, y);
  }
  return [w, s, e, n];
}

export function cameraSpec(intent: CameraIntent | null, medium: Medium): CameraSpec | null {
  if (!intent) return null;
  const padding = intent.padding ?? defaultPadding(medium);
  if (intent.points && intent.points.length > 0) {
    return { key: intent.key, box: bboxOf(intent.points), padding: { ...padding, top: padding.top + 60, left: padding.left + 60 }, maxZoom: 11 };
  }
  return intent.box ? { key: intent.key, box: intent.box, padding } : null;
}

/** Media that are looked at, not pointed at: no hover. */
const interactive = (medium: Medium) => medium.kind === 'screen' || medium.kind === 'presenter';

function featureState(view: MapState, medium: Medium): FeatureStateSpec {
  const live = interactive(medium);
  const counties: FeatureStateSpec[string] = {};
  for (const f of view.geo.counties.features) {
    const a = f.properties.adcode;
    counties[a] = {
      cls: view.countyClass[a] ?? -1,
      hover: live && view.hoveredCounty === a,
      selected: view.selectedCounties.includes(a),
      dim: view.focusCounties.length > 0 && !view.focusCounties.includes(a),
    };
  }
  const zones: FeatureStateSpec[string] = {};
  for (const z of view.geo.zones.features) zones[z.properties.name] = { hover: view.hoveredZone === z.properties.name };
  return { [SOURCE.counties]: counties, [SOURCE.zones]: zones };
}

/**
 * The map for a view on a medium: sources (data and options), layers (paint
 * and layout), images, feature-state and camera. Pure: every size comes from
 * the medium's type scale, so a phone, a 4K wall, a slide and an A4 sheet draw
 * the same map legibly, and `reconcile` applies only what differs.
 */
export function mapSpec(view: MapState, medium: Medium): MapSpec {
  const s = typeScale(medium);
  const plan = { showZones: view.showZones, classCount: view.classCount, highlightedProjects: view.highlightedProjects, countyRanks: view.countyRanks };
  const sources: Record<string, SourceSpec> = {
    ...geographySources(view.geo),
    [SOURCE.points]: pointSource(view.points, { clustered: view.clustered, distance: clusterDistance(s) }),
    [SOURCE.places]: { key: view.places.key, data: view.places.data, options: {} },
    [SOURCE.spider]: emptySource(SOURCE.spider),
    [SOURCE.annotations]: { key: view.annotations.key, data: view.annotations.data, options: {} },
    [SOURCE.spread]: spreadSource(view.spread),
  };
  const imported: LayerSpecification[] = [];
  for (const layer of view.imported) {
    const source = importedSource(layer, s, true);
    sources[importedIds(layer.id).source] = source;
    imported.push(...importedLayers(layer, s));
  }
  return {
    sources,
    layers: [...basemapLayers(s, plan), ...spreadAreaLayers(s), ...pointLayers(s, plan), ...imported, ...spreadCentreLayers(s), ...overlayLayers(s, plan)],
    images: hatchImages(view.geo),
    featureState: featureState(view, medium),
    camera: cameraSpec(view.camera, medium),
  };
}
