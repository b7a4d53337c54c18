import type { CategorySlice } from '../analysis/areaCard.ts';
import { formatYi } from '../analysis/format.ts';
import { CATEGORY_LABEL } from '../data/project.ts';
import { CATEGORY_COLORS } from '../theme/palette.ts';

/**
 * Investment by category as horizontal bars, in SVG: one row per category
 * with projects in the area, bar length proportional to 亿元, the count and
 * any projects without a figure said in words (they have no bar, not a bar of 0).
 */
export function CategoryChart({ slices, width = 360 }: { slices: readonly CategorySlice[]; width?: number }) {
  const row = 26;
  const labelW = 64;
  const valueW = 176;
  const barMax = width - labelW - valueW - 8;
  const max = Math.max(0, ...slices.map((s) => s.total));
  const height = slices.length * row + 4;
  const summary = slices
    .map((s) => `${CATEGORY_LABEL[s.category]} ${s.count} 项 ${formatYi(s.total)} 亿元${s.unknownCount > 0 ? `（${s.unknownCount} 项未列投资额）` : ''}`)
    .join('；');
  return (
    <svg
      className="category-chart"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`按类别的投资：${summary}`}
    >
      {slices.map((s, i) => {
        const y = i * row + 2;
        const w = max > 0 ? Math.max(s.total > 0 ? 2 : 0, (s.total / max) * barMax) : 0;
        return (
          <g key={s.category} data-category={s.category}>
            <text x={0} y={y + 16} fontSize="12" fill="#1f2328">
              {CATEGORY_LABEL[s.category]}
            </text>
            <rect x={labelW} y={y + 4} width={w} height={14} fill={CATEGORY_COLORS[s.category]} rx="2" />
            <text x={labelW + w + 6} y={y + 16} fontSize="12" fill="#1f2328">
              {formatYi(s.total)} 亿元 · {s.count} 项
              {s.unknownCount > 0 ? `（${s.unknownCount} 未列）` : ''}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
