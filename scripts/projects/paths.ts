import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from this file's own location. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The plan text lives beside the repository, in ../shared/seed/. */
export const SEED_PATH = join(ROOT, '..', 'shared', 'seed', '000_046cdabd86ae8aa2.txt');
export const REPAIRS_PATH = join(ROOT, 'data', 'repairs.json');
export const ANNOTATIONS_PATH = join(ROOT, 'data', 'annotations.json');
export const PROJECTS_PATH = join(ROOT, 'data', 'projects.json');
