/**
 * Colours of imported layers, in the order they are handed out: dark, saturated
 * hues that differ from the plan's category colours (Okabe-Ito) and stand out
 * on the blue choropleth; imported points also get a dark ring.
 */
export const IMPORT_COLORS = ['#6a3d9a', '#b15928', '#e7298a', '#00838f', '#66a61e', '#1f4e9c', '#a6761d', '#7f0000'] as const;

/** The first colour no current layer uses (cycling when all are taken). */
export function nextImportColor(used: readonly string[]): string {
  return IMPORT_COLORS.find((c) => !used.includes(c)) ?? IMPORT_COLORS[used.length % IMPORT_COLORS.length]!;
}

export function isImportColor(c: unknown): c is string {
  return typeof c === 'string' && (IMPORT_COLORS as readonly string[]).includes(c);
}
