/** npm run data:extract: --check against the committed file, and a clear error without the seed. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SEED, REPO } from './seedRows.ts';

const tsx = join(REPO, 'node_modules', '.bin', 'tsx');

describe('scripts/extract-projects.ts', () => {
  it.skipIf(!HAS_SEED)('--check passes on the committed dataset', () => {
    const r = spawnSync(tsx, ['scripts/extract-projects.ts', '--check'], { cwd: REPO, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('data/projects.json: up to date');
    expect(r.status).toBe(0);
  }, 30_000);

  it('says the seed is missing and exits non-zero when ../shared/seed is absent', () => {
    // A copy of the pipeline in a directory with no ../shared beside it.
    const dir = mkdtempSync(join(tmpdir(), 'extract-'));
    const repo = join(dir, 'repo');
    try {
      for (const d of ['scripts', 'src', 'data']) cpSync(join(REPO, d), join(repo, d), { recursive: true });
      cpSync(join(REPO, 'package.json'), join(repo, 'package.json'));
      symlinkSync(join(REPO, 'node_modules'), join(repo, 'node_modules'));
      const r = spawnSync(tsx, ['scripts/extract-projects.ts'], { cwd: repo, encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('the plan text is missing: ../shared/seed/000_046cdabd86ae8aa2.txt');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
