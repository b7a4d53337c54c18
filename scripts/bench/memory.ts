/**
 * Memory benchmark, in Debian's Chromium on the production build: the JS heap
 * of the app with the plan only (the baseline, measured in the same run), and
 * after importing a 100,000-row CSV through the import dialog (the same
 * seeded file maker as the interaction benchmark). Each figure is taken after
 * a full garbage collection (CDP HeapProfiler.collectGarbage, then
 * Runtime.getHeapUsage), for the page's main thread and for its workers
 * (MapLibre's worker keeps its own copy of every GeoJSON source), median of
 * several readings.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { openBrowser } from '../chromium.ts';
import { loadPlan } from './aggregation.ts';
import { importThroughUi, NAME_SHIM } from './interaction.ts';
import { buildBench, serve } from './load.ts';
import { median, table, writeSection } from './results.ts';
import { syntheticCsv } from './syntheticCsv.ts';
import { runAsMain } from '../runAsMain.ts';

interface Heap {
  mainMB: number;
  workersMB: number;
  workers: number;
}

const MB = 1024 * 1024;

/**
 * The heaps of the page and of its dedicated workers after a GC. Workers are
 * reached through CDP auto-attach (non-flat sessions, messages through
 * Target.sendMessageToTarget), since the page's own session speaks only for the page.
 */
async function heapAfterGc(cdp: CDPSession, workerSessions: string[]): Promise<Heap> {
  let id = 1_000_000;
  const pending = new Map<number, (v: unknown) => void>();
  const onMessage = (e: { sessionId: string; message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (m.id !== undefined) pending.get(m.id)?.(m.result);
  };
  cdp.on('Target.receivedMessageFromTarget', onMessage);
  const inWorker = (sessionId: string, method: string) =>
    new Promise<unknown>((resolve) => {
      const mid = ++id;
      pending.set(mid, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: mid, method }) });
    });
  try {
    const readings: Heap[] = [];
    for (let i = 0; i < 3; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      const main = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      let workers = 0;
      for (const s of workerSessions) {
        await inWorker(s, 'HeapProfiler.collectGarbage');
        const r = (await inWorker(s, 'Runtime.getHeapUsage')) as { usedSize: number } | undefined;
        workers += r?.usedSize ?? 0;
      }
      readings.push({ mainMB: main.usedSize / MB, workersMB: workers / MB, workers: workerSessions.length });
    }
    return {
      mainMB: median(readings.map((r) => r.mainMB)),
      workersMB: median(readings.map((r) => r.workersMB)),
      workers: workerSessions.length,
    };
  } finally {
    cdp.off('Target.receivedMessageFromTarget', onMessage);
  }
}

async function workerSessionsOf(page: Page, cdp: CDPSession): Promise<string[]> {
  const sessions: string[] = [];
  cdp.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string } }) => {
    if (e.targetInfo.type === 'worker') sessions.push(e.sessionId);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await page.waitForTimeout(500);
  return sessions;
}

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_MEMORY_ROWS ?? 100_000);
  const plan = loadPlan();
  const dirs = await buildBench();
  const app = await serve(dirs.app);
  const tmp = mkdtempSync(join(tmpdir(), 'cz-bench-'));
  try {
    const csvPath = join(tmp, `合成清单_${n}行.csv`);
    const csv = syntheticCsv(n, plan.counties, plan.projects);
    writeFileSync(csvPath, csv);
    const s = await openBrowser({ width: 1440, height: 900 });
    try {
      await s.page.addInitScript(NAME_SHIM);
      await s.page.goto(app.url);
      await s.page.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, undefined, { timeout: 120_000 });
      const cdp = await s.context.newCDPSession(s.page);
      await cdp.send('Runtime.enable');
      const workers = await workerSessionsOf(s.page, cdp);
      await s.page.waitForTimeout(1000);
      const planOnly = await heapAfterGc(cdp, workers);
      const importMs = await importThroughUi(s.page, csvPath, n);
      await s.page.waitForTimeout(2000);
      const withImport = await heapAfterGc(cdp, workers);
      const result = {
        importedRows: n,
        csvMB: Buffer.byteLength(csv) / MB,
        importMs,
        planOnly,
        withImport,
        mainDeltaMB: withImport.mainMB - planOnly.mainMB,
        workersDeltaMB: withImport.workersMB - planOnly.workersMB,
        bytesPerRow: ((withImport.mainMB + withImport.workersMB - planOnly.mainMB - planOnly.workersMB) * MB) / n,
      };
      console.log(`memory: JS heap after a GC, the plan only (baseline) and with ${n.toLocaleString('en-US')} imported rows (${result.csvMB.toFixed(1)} MB CSV)`);
      console.log(
        table([
          ['page', 'main thread MB', `workers MB (${planOnly.workers})`, 'total MB'],
          ['plan only', planOnly.mainMB.toFixed(1), planOnly.workersMB.toFixed(1), (planOnly.mainMB + planOnly.workersMB).toFixed(1)],
          [`+ ${n.toLocaleString('en-US')} rows`, withImport.mainMB.toFixed(1), withImport.workersMB.toFixed(1), (withImport.mainMB + withImport.workersMB).toFixed(1)],
          ['difference', result.mainDeltaMB.toFixed(1), result.workersDeltaMB.toFixed(1), `${(result.mainDeltaMB + result.workersDeltaMB).toFixed(1)} (${(result.bytesPerRow / 1024).toFixed(2)} kB a row)`],
        ]),
      );
      console.log(`(importing through the dialog took ${(importMs / 1000).toFixed(1)} s)`);
      writeSection('memory', { measuredAt: new Date().toISOString(), ...result });
    } finally {
      await s.close();
    }
  } finally {
    await app.server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

runAsMain(import.meta.url, main);
