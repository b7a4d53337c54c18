import { SPIDER_SPACING } from './layers.ts';

/**
 * Screen offsets (px) for `n` markers that share one spot: a circle for a
 * few, a spiral for many, so every marker can be hovered and clicked.
 */
export function spiderOffsets(n: number, spacing = SPIDER_SPACING): [number, number][] {
  if (n <= 1) return [[0, 0]];
  if (n <= 8) {
    const radius = Math.max(spacing, (spacing * n) / (2 * Math.PI));
    return Array.from({ length: n }, (_, i) => {
      const a = (2 * Math.PI * i) / n - Math.PI / 2;
      return [radius * Math.cos(a), radius * Math.sin(a)];
    });
  }
  const out: [number, number][] = [];
  let angle = 0;
  let radius = spacing;
  for (let i = 0; i < n; i++) {
    out.push([radius * Math.cos(angle), radius * Math.sin(angle)]);
    // step along the spiral by about one marker spacing
    angle += spacing / radius;
    radius += (spacing * 0.9) / (2 * Math.PI) * (spacing / radius);
  }
  return out;
}
