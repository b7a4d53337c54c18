/**
 * Rows of the plan's annexes as Projects, for the engine tests: name,
 * 建设地点 and content copied from the seed (../shared/seed, lines 483-670),
 * with the counties the row's own text gives. Only what geocoding reads is
 * filled in; the rest holds neutral defaults.
 */
import { blankProject, scopeOf } from '../../src/data/blankProject.ts';
import type { Project, Scope } from '../../src/data/project.ts';

export function row(
  id: string,
  name: string,
  locationText: string | null,
  counties: string[],
  opts: { content?: string; scope?: Scope } = {},
): Project {
  return blankProject(id, {
    annex: Number(id.slice(1, 2)) as Project['annex'],
    name,
    content: opts.content ?? null,
    counties,
    scope: opts.scope ?? scopeOf(counties),
    countyBasis: { kind: 'explicit', reason: 'test fixture' },
    locationText,
  });
}

export const C = {
  潞州区: '140403',
  上党区: '140404',
  屯留区: '140405',
  潞城区: '140406',
  襄垣县: '140423',
  平顺县: '140425',
  黎城县: '140426',
  壶关县: '140427',
  长子县: '140428',
  武乡县: '140429',
  沁县: '140430',
  沁源县: '140431',
} as const;
