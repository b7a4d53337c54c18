/**
 * A GBK encoder for test files, built from the platform's own GB18030
 * decoder (every two-byte sequence decoded once): no encoding package needed,
 * and the files are exactly what Excel's 中文 CSV export writes.
 */
let table: Map<string, [number, number]> | null = null;

function build(): Map<string, [number, number]> {
  const map = new Map<string, [number, number]>();
  const decoder = new TextDecoder('gb18030', { fatal: true });
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      try {
        const ch = decoder.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && !map.has(ch)) map.set(ch, [a, b]);
      } catch {
        /* not a character */
      }
    }
  }
  return map;
}

export function encodeGbk(text: string): Uint8Array<ArrayBuffer> {
  table ??= build();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
