import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

const OUT_DIR = 'dist-e2e';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * Builds the app in `e2e` mode (identical to production but for exposing the
 * map object on window) and serves it with `vite preview` on a free port.
 */
export default async function setup(project: TestProject) {
  rmSync(OUT_DIR, { recursive: true, force: true });
  // Vitest runs with NODE_ENV=test, which would make Vite bundle React's development
  // build: test what ships, the production build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ mode: 'e2e', logLevel: 'warn', build: { outDir: OUT_DIR, sourcemap: false } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const server = await preview({
    mode: 'e2e',
    logLevel: 'warn',
    build: { outDir: OUT_DIR },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const address = server.httpServer.address() as AddressInfo;
  project.provide('baseUrl', `http://127.0.0.1:${address.port}`);
  return async () => {
    await server.close();
    rmSync(OUT_DIR, { recursive: true, force: true });
  };
}
