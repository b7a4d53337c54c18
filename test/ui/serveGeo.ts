import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';

const root = join(import.meta.dirname, '../..');

/**
 * Replaces fetch with one that serves the repository's files by URL path, as
 * `vite preview` would (in vitest, `?url` imports resolve to `/geo/...`).
 * `override` maps a path to a body to serve instead, to feed broken data.
 */
export function serveRepoFiles(override: Record<string, string> = {}): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const path = new URL(String(input), 'http://localhost').pathname.replace(/^\//, '');
      if (path in override) return new Response(override[path], { status: 200 });
      try {
        return new Response(readFileSync(join(root, path)), { status: 200 });
      } catch {
        return new Response('not found', { status: 404 });
      }
    }),
  );
}
