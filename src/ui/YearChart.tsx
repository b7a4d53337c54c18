import { formatYi } from '../analysis/format.ts';
import type { InvestmentByYear } from '../analysis/years.ts';

/**
 * Investment by year as SVG bars, each project's amount spread evenly over
 * its construction years, and “未列年份” as a bar of its own: its whole amount
 * cannot be put in any year. When it is taller than the plot it is cut with a
 * break mark and its figure written on it, so the years stay readable.
 */
export function YearChart({ chart, highlight, width = 380 }: { chart: InvestmentByYear; highlight: number | null; width?: number }) {
  const height = 170;
  const top = 20;
  const bottom = 22;
  const left = 34;
  const plotH = height - top - bottom;
  const n = chart.years.length;
  const gap = 10;
  const unknownW = 42;
  const pitch = n > 0 ? (width - left - gap - unknownW) / n : 0;
  const barW = Math.max(2, pitch * 0.72);
  const max = Math.max(0, ...chart.years.map((b) => b.amount));
  const scale = max > 0 ? plotH / max : 0;
  const y0 = top + plotH;
  const unknownH = chart.unknown.amount * scale;
  const unknownCut = max > 0 && unknownH > plotH + 4;
  const ux = left + n * pitch + gap;
  const described = [
    ...chart.years.filter((b) => b.projects > 0).map((b) => `${b.year}年 ${formatYi(b.amount)} 亿元（${b.projects} 项在建）`),
    `未列年份 ${chart.unknown.projects} 项共 ${formatYi(chart.unknown.amount)} 亿元`,
  ].join('；');
  return (
    <svg className="year-chart" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`按年度的投资：${described}`}>
      <line x1={left} x2={width} y1={y0} y2={y0} stroke="#9aa3ad" />
      {max > 0 && (
        <g fontSize="10" fill="#57606a">
          <line x1={left} x2={width} y1={top} y2={top} stroke="#eceff3" />
          <text x={left - 3} y={top + 3} textAnchor="end">
            {formatYi(max)}
          </text>
          <text x={left - 3} y={y0} textAnchor="end">
            0
          </text>
          <text x={left - 3} y={top - 10} textAnchor="end">
            亿元
          </text>
        </g>
      )}
      {chart.years.map((b, i) => {
        const x = left + i * pitch + (pitch - barW) / 2;
        const h = b.amount * scale;
        const on = b.year === highlight;
        const label = b.year === highlight || (n <= 10 ? true : b.year % 2 === 1);
        return (
          <g key={b.year} data-year={b.year}>
            <rect x={x} y={y0 - h} width={barW} height={h} fill={on ? '#b45309' : '#5b8fd0'}>
              <title>{`${b.year} 年：${b.projects} 项在建，约 ${formatYi(b.amount)} 亿元（均摊）`}</title>
            </rect>
            {label && (
              <text x={x + barW / 2} y={height - 8} fontSize="9.5" textAnchor="middle" fill={on ? '#b45309' : '#57606a'} fontWeight={on ? 700 : 400}>
                {b.year}
              </text>
            )}
          </g>
        );
      })}
      <g data-year="unknown">
        <rect
          x={ux}
          y={y0 - Math.min(unknownH, plotH + 4)}
          width={unknownW - 6}
          height={Math.min(unknownH, plotH + 4)}
          fill="#c7ccd3"
          stroke="#8c959f"
          strokeDasharray="3 2"
        >
          <title>{`未列年份：${chart.unknown.projects} 项，共 ${formatYi(chart.unknown.amount)} 亿元，无法分到年度`}</title>
        </rect>
        {unknownCut && <path d={`M${ux - 2},${top + 22} l${(unknownW - 2) / 2},-5 l${(unknownW - 2) / 2},5`} stroke="#fff" strokeWidth="3" fill="none" />}
        <text x={ux + (unknownW - 6) / 2} y={Math.max(10, y0 - Math.min(unknownH, plotH + 4) - 3)} fontSize="9.5" textAnchor="middle" fill="#1f2328">
          {formatYi(chart.unknown.amount)}
        </text>
        <text x={ux + (unknownW - 6) / 2} y={height - 8} fontSize="9.5" textAnchor="middle" fill="#57606a">
          未列年份
        </text>
      </g>
    </svg>
  );
}
