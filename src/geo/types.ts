import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** [longitude, latitude] in WGS84 degrees. */
export type LonLat = [number, number];

export type Areal = Polygon | MultiPolygon;

export interface CountyProperties {
  /** Today's six-digit administrative code, e.g. "140425". */
  adcode: string;
  name: string;
  /** Spherical area from Turf, km², two decimals. */
  areaKm2: number;
  /** Seat of the county government (DataV `center`), WGS84. */
  seat: LonLat;
  /** Pole of inaccessibility: where the county's name is drawn. */
  labelPoint: LonLat;
  /** Name of the 美丽乡村 zone the county belongs to. */
  zone: string;
}

export interface CityProperties {
  adcode: string;
  name: string;
  areaKm2: number;
  /** Seat of the city government (长治市人民政府, in 潞州区), WGS84. */
  seat: LonLat;
}

export interface ZoneModel {
  name: string;
  /** Set when the plan assigns the model to one member county only. */
  county: string | null;
}

export interface ZoneColumn3Model {
  model: string;
  /** `named`: the plan uses this name for the zone; `inferred`: our reading, see `note`. */
  basis: 'named' | 'inferred';
  note: string | null;
}

export interface ZoneProperties {
  name: string;
  /** Member counties' adcodes, in the plan's order. */
  counties: string[];
  countyNames: string[];
  theme: string;
  /** The plan's sentence defining the zone, verbatim. */
  text: string;
  models: ZoneModel[];
  column3: ZoneColumn3Model[];
  areaKm2: number;
  labelPoint: LonLat;
}

export interface ContextProperties {
  adcode: string;
  name: string;
  province: string;
  labelPoint: LonLat;
}

export type CountyFeature = Feature<Areal, CountyProperties>;
export type CountyCollection = FeatureCollection<Areal, CountyProperties>;
export type CityCollection = FeatureCollection<Areal, CityProperties>;
export type ZoneFeature = Feature<Areal, ZoneProperties>;
export type ZoneCollection = FeatureCollection<Areal, ZoneProperties>;
export type ContextCollection = FeatureCollection<Areal, ContextProperties>;

/** Everything the map draws as its basemap, loaded once at start. */
export interface GeoBundle {
  counties: CountyCollection;
  city: CityCollection;
  zones: ZoneCollection;
  context: ContextCollection;
}
