import { useMemo } from 'react';
import { cityInvestment, repeatedRows } from '../data/totals.ts';
import { CATEGORY_LABEL, type LocatedProject } from '../data/project.ts';
import { useAppStore, type SortKey } from '../state/store.ts';
import { CATEGORY_COLORS } from '../theme/palette.ts';
import { countyNamesOf, placeInvestmentText, repeatsText, type ListPlace } from './describe.ts';

const SORT_LABEL: Record<SortKey, string> = { investment: '投资额', name: '名称', county: '县区' };
const collator = new Intl.Collator('zh-CN');

export function sortProjects(
  projects: readonly LocatedProject[],
  key: SortKey,
  descending: boolean,
  countyNames: ReadonlyMap<string, string>,
): LocatedProject[] {
  const cmp: Record<SortKey, (a: LocatedProject, b: LocatedProject) => number> = {
    // Unknown figures sort last whichever the direction: they are not small, they are missing.
    investment: (a, b) => {
      const x = cityInvestment(a);
      const y = cityInvestment(b);
      if (x === null || y === null) return x === y ? 0 : x === null ? (descending ? -1 : 1) : descending ? 1 : -1;
      return x - y;
    },
    name: (a, b) => collator.compare(a.displayName, b.displayName),
    county: (a, b) => collator.compare(countyNamesOf(a, countyNames), countyNamesOf(b, countyNames)),
  };
  const sorted = [...projects].sort((a, b) => cmp[key](a, b) || collator.compare(a.id, b.id));
  return descending ? sorted.reverse() : sorted;
}

/**
 * The filtered projects; hovering one highlights its points, choosing it opens its detail.
 * With a county or zone chosen (`place`), a project partly there shows its share beside the whole.
 */
export function ProjectList({
  projects,
  countyNames,
  place = null,
}: {
  projects: readonly LocatedProject[];
  countyNames: ReadonlyMap<string, string>;
  place?: ListPlace | null;
}) {
  const sort = useAppStore((s) => s.sort);
  const setSort = useAppStore((s) => s.setSort);
  const hoverProject = useAppStore((s) => s.hoverProject);
  const hovered = useAppStore((s) => s.hoveredProject);
  const selectProject = useAppStore((s) => s.selectProject);
  const sorted = useMemo(() => sortProjects(projects, sort.key, sort.descending, countyNames), [projects, sort, countyNames]);
  const repeats = useMemo(() => repeatedRows(projects), [projects]);

  return (
    <section className="project-list-section">
      <div className="list-head">
        <span data-testid="list-count">
          {repeats.length > 0 ? `${projects.length} 行，计 ${projects.length - repeats.length} 个项目` : `${projects.length} 个项目`}
        </span>
        <label>
          排序
          <select value={sort.key} onChange={(e) => setSort({ ...sort, key: e.target.value as SortKey })}>
            {(Object.keys(SORT_LABEL) as SortKey[]).map((k) => (
              <option key={k} value={k}>
                {SORT_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="link-button"
          onClick={() => setSort({ ...sort, descending: !sort.descending })}
          aria-label={sort.descending ? '降序，点击改为升序' : '升序，点击改为降序'}
        >
          {sort.descending ? '↓ 降序' : '↑ 升序'}
        </button>
      </div>
      {repeats.length > 0 && (
        <p className="list-note" data-testid="list-repeats">
          {repeatsText(repeats)}：各只计一次（合计与汇总按 {projects.length - repeats.length} 个项目）。
        </p>
      )}
      {sorted.length === 0 ? (
        <p className="empty">没有符合筛选条件的项目。</p>
      ) : (
        // The skip link's target (跳到项目列表), and where focus returns when a detail closes.
        <ul className="project-list" aria-label="项目列表" id="project-list" tabIndex={-1}>
          {sorted.map((p) => (
            <li
              key={p.id}
              className={p.id === hovered ? 'project-item hovered' : 'project-item'}
              onMouseEnter={() => hoverProject(p.id)}
              onMouseLeave={() => hoverProject(null)}
            >
              <button type="button" className="project-open" data-project-id={p.id} onClick={() => selectProject(p.id)}>
                <span className="project-name">{p.displayName}</span>
                <span className="project-meta">
                  <span className="dot" style={{ background: CATEGORY_COLORS[p.category] }} aria-hidden="true" />
                  {CATEGORY_LABEL[p.category]} · {countyNamesOf(p, countyNames)} ·{' '}
                  <span className={cityInvestment(p) === null ? 'flag' : ''}>{placeInvestmentText(p, place)}</span>
                  {p.displayNameOurs && (
                    <span className="badge" title={`原文名称：${p.name}`}>
                      名称补写
                    </span>
                  )}
                  {p.duplicateOf && <span className="badge">重复</span>}
                  {p.partOf && <span className="badge">部分</span>}
                  {p.source.repaired && <span className="badge">已修复</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
