const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

// A formatter per number of decimals, made once: building an Intl.NumberFormat costs
// about as much as a hundred uses of one, and the panel formats every figure on every filter change.
const trimmedFormats = new Map<number, Intl.NumberFormat>();

function trimmed(n: number, decimals: number): string {
  let f = trimmedFormats.get(decimals);
  if (!f) trimmedFormats.set(decimals, (f = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: decimals, minimumFractionDigits: 0 })));
  return f.format(n);
}

/** An amount in 亿元, without the unit: 264 · 7.85 · 0.0208. */
export function formatYi(n: number): string {
  const a = Math.abs(n);
  if (a >= 100) return grouped.format(n);
  if (a >= 1) return trimmed(n, 2);
  return trimmed(n, 4);
}

/** An amount with its unit, or the honest “未列” when the plan gives none. */
export function formatYiWithUnit(n: number | null): string {
  return n === null ? '未列投资额' : `${formatYi(n)} 亿元`;
}

/** A density in 万元/km², without the unit. */
export function formatDensity(n: number): string {
  return Math.abs(n) >= 100 ? grouped.format(n) : trimmed(n, 1);
}

export function formatArea(km2: number): string {
  return grouped.format(km2);
}

/** Investment per resident in 元/人, without the unit: 33,597 · 86.4. */
export function formatPerCapita(n: number): string {
  return Math.abs(n) >= 100 ? grouped.format(n) : trimmed(n, 1);
}

/** Residents in 万人, without the unit: 89.5 · 11.6. */
export function formatResidents(n: number): string {
  return trimmed(n / 1e4, 1);
}
