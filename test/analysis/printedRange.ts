/** The [from, to) a printed legend label claims: “低于 X”, “X – Y”, “X 及以上”, or one value. */
export function printedRange(text: string): [number, number] {
  const n = (s: string) => Number(s.replace(/,/g, ''));
  let m = /^低于 (.+)$/.exec(text);
  if (m) return [-Infinity, n(m[1]!)];
  m = /^(.+) 及以上$/.exec(text);
  if (m) return [n(m[1]!), Infinity];
  m = /^(.+) – (.+)$/.exec(text);
  if (m) return [n(m[1]!), n(m[2]!)];
  return [n(text), n(text)];
}
