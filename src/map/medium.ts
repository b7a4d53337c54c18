/**
 * Where a map is drawn, and the sizes that follow from it. The same view is
 * drawn on a desktop or phone screen, on a presenter's projector or 4K wall,
 * into a PNG slide and onto an A4 sheet; each gets one type scale, and every
 * size of the map (text, point radius, line width, badge, halo) comes from it.
 */
export type MediumKind = 'screen' | 'presenter' | 'png' | 'print';

export interface Medium {
  kind: MediumKind;
  /** Size of the map in CSS pixels (for an image: device pixels ÷ pixelRatio). */
  width: number;
  height: number;
  /** Device pixels per CSS pixel: a 4K image of a 1080-line layout has 2. */
  pixelRatio: number;
  /** Print only: the printed width of the map picture, mm. */
  printWidthMm?: number;
  /**
   * Screen only: CSS px of the map that the page's overlays cover at each edge
   * (the legend, a bottom sheet); framing keeps its subject clear of them.
   */
  insets?: { top: number; bottom: number; left: number; right: number };
}

/** Sizes in CSS pixels of the medium (multiplied by its pixel ratio on the device). */
export interface TypeScale {
  /** County names at zoom 7 and at zoom 10 (they grow as the map zooms in). */
  countyLabel: [number, number];
  zoneLabel: number;
  /** Neighbouring prefectures. */
  contextLabel: number;
  /** Townships and villages with projects (closer zooms). */
  placeLabel: number;
  /** A cluster's investment sum, and its "N 点" line. */
  clusterAmount: number;
  clusterCount: number;
  /** The presenter's numbered rank badges. */
  badge: number;
  /** The note on a cut stack of spread-out points. */
  note: number;
  /** Text halo width. */
  halo: number;
  /** Multiplier for every line width. */
  line: number;
  /** Multiplier for every point radius (and the cluster distance). */
  point: number;
  /** Darker county lines and stronger fading, for projectors. */
  highContrast: boolean;
  /**
   * Clusters kept apart so that no two bubbles overlap and county names keep
   * off them: on a projector, a slide or paper nobody can zoom in to part them.
   * The explorer's screen clusters more finely: a click opens a cluster.
   */
  clustersApart: boolean;
}

/** The presenter scale for a screen width: 1 up to 1920 px, then proportional (2 on a 3840 px wall). */
export function presenterScale(width: number): number {
  return Math.max(1, Math.round((width / 1920) * 100) / 100);
}

/** Millimetres of the smallest printed label: 3 mm is about 8.5 pt, readable at arm's length. */
const PRINT_TEXT_MM = 3;

/** Every label as a ratio of the medium's main text size `t`. */
function scaled(t: number, o: { minor: number; count: number; line: number; point: number; highContrast?: boolean; interactive?: boolean }): TypeScale {
  return {
    countyLabel: [t, t * 1.3],
    zoneLabel: t,
    contextLabel: t * o.minor,
    placeLabel: t * o.minor,
    clusterAmount: t,
    clusterCount: t * o.count,
    badge: t * 1.1,
    note: t * o.minor,
    halo: Math.max(1.5, t / 9),
    line: o.line,
    point: o.point,
    highContrast: o.highContrast ?? false,
    clustersApart: !(o.interactive ?? false),
  };
}

/**
 * The type scale of a medium.
 * - screen: compact, for a desk at arm's length (the explorer);
 * - presenter: at least 24 px on a 1920 screen for every label, cluster counts
 *   included, growing with the screen (48 px on a 3840 wall);
 * - png: a 1080-line slide gets 24 px labels and 18 px counts (a 4K image is the
 *   same layout at pixel ratio 2);
 * - print: sized in millimetres on paper from the picture's printed width.
 */
export function typeScale(medium: Medium): TypeScale {
  switch (medium.kind) {
    case 'screen':
      return scaled(12, { minor: 0.92, count: 0.8, line: 1, point: 1, interactive: true });
    case 'presenter': {
      const s = presenterScale(medium.width);
      return scaled(24 * s, { minor: 1, count: 1, line: 2.2 * s, point: 1.5 * s, highContrast: true });
    }
    case 'png':
      return scaled(24, { minor: 0.8, count: 0.75, line: 1.6, point: 1.4 });
    case 'print': {
      const pxPerMm = medium.width / (medium.printWidthMm ?? 150);
      const t = PRINT_TEXT_MM * pxPerMm;
      return scaled(t, { minor: 0.85, count: 0.8, line: Math.max(1, t / 14), point: Math.max(1, t / 14) });
    }
  }
}
