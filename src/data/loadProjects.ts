/**
 * The committed dataset, validated once at first use. Invalid data throws a
 * ProjectsValidationError naming the row and field, so a bad edit to
 * data/projects.json fails loudly instead of drawing wrong numbers.
 */
import raw from '../../data/projects.json';
import type { Project } from './project.ts';
import { parseProjects } from './validateProjects.ts';

let cached: Project[] | null = null;

export function loadProjects(): Project[] {
  cached ??= parseProjects(raw as unknown, 'data/projects.json');
  return cached;
}
