import { FONT_STACK } from '../theme/palette.ts';
import type { PngLayout, Rect } from './pngLayout.ts';
import type { ScaleBar } from './scaleBar.ts';

/** What an exported image says besides the map. All plain text. */
export interface PngContent {
  title: string;
  /** The metric and its unit: “投资密度（万元/km²），分位数分级”. */
  subtitle: string;
  /** “县区：平顺县” …; empty: 全部项目. */
  filters: string[];
  legend: {
    title: string;
    classes: { color: string; text: string }[];
    note: string;
    categories: { color: string; text: string }[];
    zones: { color: string; text: string }[];
    /** The visible imported layers, drawn on the map in their colours. */
    imported: { color: string; text: string }[];
  };
  sources: string[];
  /** “导出日期 2026-11-29”. */
  date: string;
}

type Ctx = CanvasRenderingContext2D;

const font = (px: number, weight = 400) => `${weight} ${px}px ${FONT_STACK}`;

/** Breaks text into lines no wider than `max` (CJK may break anywhere; Latin words are kept whole where they fit). */
export function wrapLines(measure: (s: string) => number, text: string, max: number): string[] {
  const tokens = text.match(/[A-Za-z0-9.,:/()%+\-–~≥≤]+|\s+|./gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const t of tokens) {
    const next = line + t;
    if (measure(next) <= max || line === '') {
      line = next;
      continue;
    }
    lines.push(line.trimEnd());
    line = t.trimStart();
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

function textBlock(ctx: Ctx, text: string, x: number, y: number, max: number, lineHeight: number, maxLines = Infinity): number {
  const lines = wrapLines((s) => ctx.measureText(s).width, text, max);
  const shown = lines.slice(0, maxLines);
  if (lines.length > maxLines) shown[maxLines - 1] = `${shown[maxLines - 1]!.slice(0, -1)}…`;
  shown.forEach((l, i) => ctx.fillText(l, x, y + i * lineHeight));
  return y + shown.length * lineHeight;
}

function northArrow(ctx: Ctx, cx: number, top: number, s: number): void {
  const h = 46 * s;
  const w = 15 * s;
  ctx.save();
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.beginPath();
  ctx.arc(cx, top + h * 0.62, 30 * s, 0, Math.PI * 2);
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(cx, top + 8 * s);
  ctx.lineTo(cx + w, top + h);
  ctx.lineTo(cx, top + h - 10 * s);
  ctx.closePath();
  ctx.fillStyle = '#1f2328';
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(cx, top + 8 * s);
  ctx.lineTo(cx - w, top + h);
  ctx.lineTo(cx, top + h - 10 * s);
  ctx.closePath();
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.strokeStyle = '#1f2328';
  ctx.lineWidth = 1.5 * s;
  ctx.stroke();
  ctx.fillStyle = '#1f2328';
  ctx.font = font(Math.round(17 * s), 700);
  ctx.textAlign = 'center';
  ctx.fillText('北', cx, top + h + 20 * s);
  ctx.restore();
}

function drawScaleBar(ctx: Ctx, bar: ScaleBar, x: number, bottom: number, s: number): void {
  const h = 8 * s;
  ctx.save();
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(x - 8 * s, bottom - 40 * s, bar.px + 16 * s + 60 * s, 48 * s);
  ctx.fillStyle = '#1f2328';
  ctx.fillRect(x, bottom - h, bar.px / 2, h);
  ctx.strokeStyle = '#1f2328';
  ctx.lineWidth = 1.5 * s;
  ctx.strokeRect(x, bottom - h, bar.px, h);
  ctx.font = font(Math.round(15 * s));
  ctx.textBaseline = 'bottom';
  ctx.fillText('0', x - 4 * s, bottom - h - 3 * s);
  ctx.fillText(bar.label, x + bar.px - 8 * s, bottom - h - 3 * s);
  ctx.restore();
}

function legend(ctx: Ctx, r: Rect, c: PngContent['legend'], s: number): void {
  const pad = 16 * s;
  const x = r.x + pad;
  const max = r.width - 2 * pad;
  ctx.save();
  ctx.fillStyle = '#f7f8fa';
  ctx.fillRect(r.x, r.y, r.width, r.height);
  ctx.strokeStyle = '#d5d9de';
  ctx.lineWidth = 1 * s;
  ctx.strokeRect(r.x, r.y, r.width, r.height);
  ctx.fillStyle = '#1f2328';
  ctx.textBaseline = 'top';
  let y = r.y + pad;
  ctx.font = font(Math.round(19 * s), 700);
  y = textBlock(ctx, c.title, x, y, max, 26 * s) + 8 * s;
  ctx.font = font(Math.round(16 * s));
  for (const k of c.classes) {
    ctx.fillStyle = k.color;
    ctx.fillRect(x, y + 2 * s, 36 * s, 20 * s);
    ctx.strokeStyle = '#9aa3ad';
    ctx.strokeRect(x, y + 2 * s, 36 * s, 20 * s);
    ctx.fillStyle = '#1f2328';
    ctx.fillText(k.text, x + 46 * s, y + 2 * s);
    y += 28 * s;
  }
  ctx.fillStyle = '#59626d';
  ctx.font = font(Math.round(13 * s));
  y = textBlock(ctx, c.note, x, y + 6 * s, max, 19 * s, 4) + 12 * s;

  ctx.fillStyle = '#1f2328';
  ctx.font = font(Math.round(16 * s), 700);
  ctx.fillText('项目类别（点的颜色）', x, y);
  y += 26 * s;
  ctx.font = font(Math.round(16 * s));
  const colW = max / 2;
  c.categories.forEach((k, i) => {
    const cx = x + (i % 2) * colW;
    const cy = y + Math.floor(i / 2) * 26 * s;
    ctx.fillStyle = k.color;
    ctx.beginPath();
    ctx.arc(cx + 8 * s, cy + 11 * s, 7 * s, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#1f2328';
    ctx.fillText(k.text, cx + 22 * s, cy + 1 * s);
  });
  y += Math.ceil(c.categories.length / 2) * 26 * s + 8 * s;
  ctx.fillStyle = '#59626d';
  ctx.font = font(Math.round(13 * s));
  y = textBlock(ctx, '点的大小与投资额（亿元）面积成比例；实心为村级，空心环为乡镇级，淡环带小晕为仅知在中心城区，淡晕为仅知县区；深色圆为聚合，数字为合计亿元和点数。', x, y, max, 19 * s, 5) + 12 * s;

  const keyed = (title: string, items: { color: string; text: string }[], swatch: (color: string, y: number) => void) => {
    if (items.length === 0) return;
    ctx.fillStyle = '#1f2328';
    ctx.font = font(Math.round(16 * s), 700);
    ctx.fillText(title, x, y);
    y += 26 * s;
    ctx.font = font(Math.round(15 * s));
    for (const k of items) {
      swatch(k.color, y);
      ctx.fillStyle = '#1f2328';
      ctx.fillText(k.text, x + 44 * s, y + 1 * s, max - 44 * s);
      y += 24 * s;
    }
    y += 8 * s;
  };
  keyed('美丽乡村四片区（虚线）', c.zones, (color, at) => {
    ctx.strokeStyle = color;
    ctx.lineWidth = 3 * s;
    ctx.setLineDash([6 * s, 4 * s]);
    ctx.strokeRect(x + 2 * s, at + 3 * s, 30 * s, 16 * s);
    ctx.setLineDash([]);
  });
  keyed('导入的图层（不计入规划合计）', c.imported, (color, at) => {
    ctx.fillStyle = color;
    ctx.strokeStyle = '#111111';
    ctx.lineWidth = 1.5 * s;
    ctx.beginPath();
    ctx.arc(x + 17 * s, at + 11 * s, 7 * s, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  });
  ctx.restore();
}

/**
 * Draws a finished export: title, the map image with a scale bar and a north
 * arrow, the legend, the filters, the sources and the date. Every string is
 * drawn with fillText, never parsed.
 */
export function drawComposition(ctx: Ctx, l: PngLayout, content: PngContent, map: CanvasImageSource, bar: ScaleBar): void {
  const s = l.scale;
  ctx.save();
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, l.width, l.height);

  ctx.fillStyle = '#1f2328';
  ctx.textBaseline = 'alphabetic';
  ctx.font = font(Math.round(34 * s), 700);
  ctx.fillText(content.title, l.header.x, l.header.y + 50 * s, l.header.width);
  ctx.fillStyle = '#3a434d';
  ctx.font = font(Math.round(21 * s));
  ctx.fillText(content.subtitle, l.header.x, l.header.y + 86 * s, l.header.width);

  ctx.drawImage(map, l.map.x, l.map.y, l.map.width, l.map.height);
  ctx.strokeStyle = '#9aa3ad';
  ctx.lineWidth = 1 * s;
  ctx.strokeRect(l.map.x, l.map.y, l.map.width, l.map.height);
  drawScaleBar(ctx, bar, l.map.x + 20 * s, l.map.y + l.map.height - 16 * s, s);
  northArrow(ctx, l.map.x + l.map.width - 44 * s, l.map.y + 14 * s, s);

  legend(ctx, l.legend, content.legend, s);

  ctx.textBaseline = 'top';
  ctx.fillStyle = '#1f2328';
  ctx.font = font(Math.round(16 * s), 700);
  const filters = content.filters.length > 0 ? `筛选：${content.filters.join('；')}` : '筛选：无（全部项目）';
  ctx.fillText(filters, l.footer.x, l.footer.y + 12 * s, l.footer.width);
  ctx.fillStyle = '#59626d';
  ctx.font = font(Math.round(13 * s));
  textBlock(ctx, `${content.sources.join('；')}。${content.date}`, l.footer.x, l.footer.y + 40 * s, l.footer.width, 19 * s, 2);
  ctx.restore();
}
