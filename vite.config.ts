import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { cspPlugin } from './src/security/csp.ts';

export default defineConfig({
  plugins: [react(), cspPlugin()],
  // geo/*.geojson are fetched at run time as hashed assets, not bundled into JS.
  assetsInclude: ['**/*.geojson'],
  build: {
    target: 'es2022',
    sourcemap: true,
    // maplibre-gl alone is ~800 kB minified; the size budget is checked by our own test.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // maplibre-gl in a chunk of its own: it changes rarely (long cache) and the
        // size budget is stated as "everything that is not maplibre-gl".
        codeSplitting: { groups: [{ name: 'maplibre-gl', test: /node_modules[\\/]maplibre-gl/ }] },
      },
    },
  },
  test: {
    // Vitest runs (cores - 1) workers by default, i.e. one on this project's 2-core machine;
    // two nearly halve the wall time of `npm test` there (README, Quickstart).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          // The files share their worker's modules instead of loading them again each:
          // half the CPU time of this project (they keep no state between files).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/**/*.test.tsx'],
          setupFiles: ['test/setup-dom.ts'],
          // As above: the whole app is loaded and warmed up once per worker, not once per file;
          // test/setup-dom.ts puts back whatever a test changes and mocks the same modules for all.
          isolate: false,
          // A whole app rendered in jsdom; the machine is shared with other work.
          testTimeout: 30_000,
          css: false,
        },
      },
    ],
  },
});
