import { fileURLToPath } from 'node:url';

/**
 * Runs `main` when the module at `moduleUrl` is the script node was started
 * with (not when a test or another script imports it); a failure prints its
 * message and exits with 1.
 */
export function runAsMain(moduleUrl: string, main: () => void | Promise<void>): void {
  if (!process.argv[1] || fileURLToPath(moduleUrl) !== process.argv[1]) return;
  const fail = (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  };
  try {
    const done = main();
    if (done) done.catch(fail);
  } catch (err) {
    fail(err);
  }
}
