import type { Project } from '../data/project.ts';

/**
 * The investment (亿元) a project brings to 长治: the in-city share when the
 * plan states one (lines that run beyond the city), else the total; null when
 * the plan gives no figure.
 */
export function cityInvestment(p: Pick<Project, 'investment'>): number | null {
  return p.investment.inCity ?? p.investment.total;
}

/**
 * The projects to count, each real project once: a listing marked as the
 * duplicate of another is dropped when that other listing is in the same set
 * (so filtering to one annex still counts a project listed there).
 */
export function countOnce<T extends Pick<Project, 'id' | 'duplicateOf'>>(projects: readonly T[]): T[] {
  const ids = new Set(projects.map((p) => p.id));
  return projects.filter((p) => p.duplicateOf === null || !ids.has(p.duplicateOf));
}
