/**
 * Project dataset: the plan's five annexes (../shared/seed/) + data/repairs.json
 * + data/annotations.json -> data/projects.json.
 *
 *   npm run data:extract              write data/projects.json
 *   npm run data:extract -- --check   exit 1 if data/projects.json differs from a fresh extraction
 *
 * Without the seed it says so and exits 2; the committed data/projects.json
 * keeps the app and the seed-free tests working.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CATEGORY_LABEL } from '../src/data/project.ts';
import { sumInvestment } from '../src/data/totals.ts';
import { buildProjects, projectsJsonText } from './projects/build.ts';
import { checkAnnotations, checkRepairs } from './projects/inputs.ts';
import { ANNOTATIONS_PATH, PROJECTS_PATH, REPAIRS_PATH, ROOT, SEED_PATH } from './projects/paths.ts';

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function main(): number {
  const check = process.argv.includes('--check');
  const seedRel = relative(ROOT, SEED_PATH);
  if (!existsSync(SEED_PATH)) {
    console.error(
      `data:extract: the plan text is missing: ${seedRel} (resolved to ${SEED_PATH}).\n` +
        'It is needed to regenerate data/projects.json; the committed file was left unchanged.',
    );
    return 2;
  }
  const projects = buildProjects({
    seedText: readFileSync(SEED_PATH, 'utf8'),
    repairs: checkRepairs(readJson(REPAIRS_PATH)),
    annotations: checkAnnotations(readJson(ANNOTATIONS_PATH)),
  });
  const text = projectsJsonText(projects);

  for (const annex of [1, 2, 3, 4, 5] as const) {
    const rows = projects.filter((p) => p.annex === annex);
    const label = CATEGORY_LABEL[rows[0]!.category];
    const t = sumInvestment(rows, 'total');
    const repaired = rows.filter((p) => p.source.repaired).length;
    console.log(`附件${annex} ${label}: ${rows.length} rows, ${repaired} repaired, total ${t.sum} 亿元 (counted once)`);
  }
  const all = sumInvestment(projects, 'total');
  console.log(`all: ${projects.length} rows; total counted once ${all.sum} 亿元; left out as repeats/parts: ${all.skipped.join(', ')}`);

  const target = relative(ROOT, PROJECTS_PATH);
  const current = existsSync(PROJECTS_PATH) ? readFileSync(PROJECTS_PATH, 'utf8') : null;
  if (check) {
    if (current !== text) {
      console.error(`${target}: differs from a fresh extraction; run npm run data:extract`);
      return 1;
    }
    console.log(`${target}: up to date`);
    return 0;
  }
  writeFileSync(PROJECTS_PATH, text);
  console.log(`wrote ${target} (${Math.round(text.length / 1024)} kB)${current === text ? ', unchanged' : ''}`);
  return 0;
}

try {
  process.exit(main());
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
