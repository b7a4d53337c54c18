/**
 * npm audit of the production dependencies (what the built app ships):
 * exits 1 on any high or critical advisory. Where the registry's advisory
 * endpoint cannot be reached (a mirror that answers 405, no network), says so
 * and exits 0: the check is then owed by a machine that can reach it.
 *
 *   npm run audit:prod
 */
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report: { error?: { summary?: string }; message?: string; metadata?: { vulnerabilities?: Record<string, number> } } = {};
try {
  report = JSON.parse(run.stdout || '{}');
} catch {
  /* not JSON: treated as unreachable below */
}
const counts = report.metadata?.vulnerabilities;
if (!counts) {
  const why = report.message || report.error?.summary || run.stderr.trim().split('\n').pop() || 'no report';
  console.log(`npm audit --omit=dev: the advisory endpoint could not be reached (${why}); production dependencies NOT checked here.`);
  process.exit(0);
}
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(`npm audit --omit=dev: ${JSON.stringify(counts)}`);
if (serious > 0) {
  console.log('High or critical advisories in production dependencies: see `npm audit --omit=dev`.');
  process.exit(1);
}
