/**
 * Set-up of every jsdom test file. The files share their worker's modules
 * (`isolate: false` in vite.config.ts: each file no longer pays for loading
 * and warming up the whole app again), so everything a test may change is
 * put back here, and the modules the tests replace are replaced here, the
 * same way for every file.
 */
import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { memoryRepository } from '../src/import/persistence.ts';
import { resetLayerState, setLayerRepository } from '../src/state/layers.ts';
import { resetAppState } from '../src/state/store.ts';
import { mapFault, mapRenders } from './ui/fakeMapView.tsx';
import { probes, resetProbes } from './ui/probes.ts';

// jsdom has no WebGL: the map is a fake that records its props (test/ui/fakeMapView.tsx).
vi.mock('../src/map/MapView.tsx', async () => ({ MapView: (await import('./ui/fakeMapView.tsx')).FakeMapView }));
// The real project list, counting its renders, and regions that can be made to fail.
vi.mock('../src/ui/ProjectList.tsx', async (original) => {
  const real = await original<typeof import('../src/ui/ProjectList.tsx')>();
  return {
    ...real,
    ProjectList: (props: Parameters<typeof real.ProjectList>[0]) => {
      probes.listRenders++;
      if (probes.fault.panel) throw new Error('列表无法绘制');
      return real.ProjectList(props);
    },
  };
});
vi.mock('../src/ui/ImportDialog.tsx', async (original) => {
  const real = await original<typeof import('../src/ui/ImportDialog.tsx')>();
  return {
    ImportDialog: (props: Parameters<typeof real.ImportDialog>[0]) => {
      if (probes.fault.dialog) throw new Error('对话框无法绘制');
      return real.ImportDialog(props);
    },
  };
});
vi.mock('../src/ui/Legend.tsx', async (original) => {
  const real = await original<typeof import('../src/ui/Legend.tsx')>();
  return {
    ...real,
    Legend: (props: Parameters<typeof real.Legend>[0]) => {
      if (probes.fault.legend) throw new Error('图例无法绘制');
      return real.Legend(props);
    },
  };
});

// Two test files run at once on two cores, beside other work: give rendering time before a wait gives up.
configure({ asyncUtilTimeout: 5000 });

beforeEach(() => {
  resetAppState();
  resetLayerState();
  // A fresh store of imported layers per test; a test that needs another sets its own.
  setLayerRepository(() => memoryRepository());
  resetProbes();
  mapFault.reason = null;
  mapRenders.length = 0;
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});
