/**
 * Competition ranking (1, 2, 2, 4): 1 is the highest value; equal values
 * share a rank. Returns key -> rank.
 */
export function rankDescending<T>(items: readonly T[], key: (t: T) => string, value: (t: T) => number): Map<string, number> {
  const sorted = [...items].sort((a, b) => value(b) - value(a));
  const ranks = new Map<string, number>();
  sorted.forEach((item, i) => {
    const prev = sorted[i - 1];
    const rank = prev !== undefined && value(prev) === value(item) ? ranks.get(key(prev))! : i + 1;
    ranks.set(key(item), rank);
  });
  return ranks;
}
