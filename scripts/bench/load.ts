/**
 * Load and size benchmark, in Debian's Chromium:
 * - load: cold load (fresh profile) of the production build until
 *   performance.mark('map-ready'), against a bare MapLibre page drawing the
 *   same GeoJSON (scripts/bench/bare); medians, ratio app / bare;
 * - size: every file the app fetched on first load, gzip-compressed, grouped
 *   into maplibre-gl (its chunk, CSS and worker) and everything else.
 */
import { readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview, type PreviewServer } from 'vite';
import { openBrowser } from '../chromium.ts';
import { median, ROOT, table, writeSection } from './results.ts';
import { runAsMain } from '../runAsMain.ts';

const OUT = join(ROOT, 'dist-bench');

export interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
  group: 'maplibre-gl' | 'app';
}

export function isMaplibre(file: string): boolean {
  return /(^|\/)maplibre-gl[-.]/.test(file);
}

/** Gzip sizes of the files of `dir` that the page requested (by URL path). */
export function firstLoadSizes(dir: string, origin: string, requests: string[]): FileSize[] {
  const paths = [...new Set(requests.filter((u) => u.startsWith(origin)).map((u) => new URL(u).pathname))];
  return paths
    .map((p) => (p === '/' ? '/index.html' : p))
    .map((p) => {
      const body = readFileSync(join(dir, decodeURIComponent(p)));
      const file = p.replace(/^\//, '');
      return { file, bytes: body.length, gzip: gzipSync(body).length, group: isMaplibre(file) ? 'maplibre-gl' : 'app' } as FileSize;
    })
    .sort((a, b) => b.gzip - a.gzip);
}

export async function serve(outDir: string, root = ROOT): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({
    root,
    configFile: false,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const port = (server.httpServer.address() as AddressInfo).port;
  return { server, url: `http://127.0.0.1:${port}` };
}

/** Milliseconds from navigation start to performance.mark('map-ready'), in a fresh profile. */
async function coldLoad(url: string): Promise<{ ms: number; requests: string[] }> {
  const s = await openBrowser({ width: 1440, height: 900 });
  try {
    await s.page.goto(url);
    await s.page.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, undefined, { timeout: 60_000 });
    const ms = await s.page.evaluate(() => performance.getEntriesByName('map-ready')[0]!.startTime);
    return { ms, requests: [...s.requests] };
  } finally {
    await s.close();
  }
}

export async function buildBench(): Promise<{ app: string; bare: string }> {
  rmSync(OUT, { recursive: true, force: true });
  const app = join(OUT, 'app');
  const bare = join(OUT, 'bare');
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: app, sourcemap: false } });
  await build({
    root: join(ROOT, 'scripts/bench/bare'),
    configFile: false,
    logLevel: 'warn',
    assetsInclude: ['**/*.geojson'],
    build: { outDir: bare, target: 'es2022', emptyOutDir: true },
  });
  return { app, bare };
}

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const dirs = await buildBench();
  const app = await serve(dirs.app);
  const bare = await serve(dirs.bare, join(ROOT, 'scripts/bench/bare'));
  try {
    const appMs: number[] = [];
    const bareMs: number[] = [];
    let appRequests: string[] = [];
    for (let i = 0; i < runs; i++) {
      const a = await coldLoad(app.url);
      appMs.push(a.ms);
      appRequests = a.requests;
      bareMs.push((await coldLoad(bare.url)).ms);
    }
    const load = { appMs: median(appMs), bareMs: median(bareMs), ratio: median(appMs) / median(bareMs), runs, target: 1.5 };

    const files = firstLoadSizes(dirs.app, app.url, appRequests);
    const sum = (g: FileSize['group']) => files.filter((f) => f.group === g).reduce((s, f) => s + f.gzip, 0);
    const size = {
      files,
      maplibreGzip: sum('maplibre-gl'),
      appGzip: sum('app'),
      budgetGzip: 250 * 1024,
    };

    console.log(`load: cold, to map-ready (median of ${runs})`);
    console.log(
      table([
        ['page', 'ms'],
        ['app', load.appMs.toFixed(0)],
        ['bare MapLibre', load.bareMs.toFixed(0)],
        ['ratio', `${load.ratio.toFixed(2)} (target <= 1.5: ${load.ratio <= 1.5 ? 'met' : 'MISSED'})`],
      ]),
    );
    console.log('\nsize: first load, gzip');
    console.log(
      table([
        ['file', 'kB', 'gzip kB', 'group'],
        ...files.map((f) => [f.file, (f.bytes / 1024).toFixed(1), (f.gzip / 1024).toFixed(1), f.group]),
        ['maplibre-gl total', '', (size.maplibreGzip / 1024).toFixed(1), ''],
        [
          'everything else',
          '',
          (size.appGzip / 1024).toFixed(1),
          `budget 250: ${size.appGzip <= size.budgetGzip ? 'met' : 'MISSED'}`,
        ],
      ]),
    );
    writeSection('load', { measuredAt: new Date().toISOString(), ...load, appRunsMs: appMs, bareRunsMs: bareMs });
    writeSection('size', { measuredAt: new Date().toISOString(), ...size });
  } finally {
    await app.server.close();
    await bare.server.close();
    rmSync(OUT, { recursive: true, force: true });
  }
}

runAsMain(import.meta.url, main);
