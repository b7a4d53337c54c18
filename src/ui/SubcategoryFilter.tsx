import { CATEGORY_LABEL, SUBCATEGORIES, SUBCATEGORY_CATEGORY, SUBCATEGORY_LABEL, type Category, type LocatedProject } from '../data/project.ts';
import { useAppStore } from '../state/store.ts';

const DIVIDED: readonly Category[] = ['eldercare', 'transport'];

/**
 * 子类 chips (`?sub=`): 康养 by what a project is, 交通 by its section, each
 * with its number of projects. Folded away until used, so the panel stays short.
 */
export function SubcategoryFilter({ projects }: { projects: readonly LocatedProject[] }) {
  const chosen = useAppStore((s) => s.filters.subcategories);
  const categories = useAppStore((s) => s.filters.categories);
  const setFilters = useAppStore((s) => s.setFilters);
  const count = (sub: string) => projects.filter((p) => p.subcategory === sub).length;
  const toggle = (sub: (typeof SUBCATEGORIES)[number]) =>
    setFilters({ subcategories: chosen.includes(sub) ? chosen.filter((x) => x !== sub) : [...chosen, sub] });
  const open = chosen.length > 0 || categories.some((c) => DIVIDED.includes(c));
  return (
    <details className="filter-group filter-sub" open={open}>
      <summary>子类{chosen.length > 0 ? `（已选 ${chosen.length}）` : '（康养、交通）'}</summary>
      {DIVIDED.map((category) => (
        <div key={category} className="chips" role="group" aria-label={`${CATEGORY_LABEL[category]}子类`}>
          <span className="muted chips-label">{CATEGORY_LABEL[category]}</span>
          {SUBCATEGORIES.filter((s) => SUBCATEGORY_CATEGORY[s] === category).map((s) => (
            <label key={s} className={chosen.includes(s) ? 'chip chip-on' : 'chip'}>
              <input type="checkbox" checked={chosen.includes(s)} onChange={() => toggle(s)} />
              {SUBCATEGORY_LABEL[s]}
              <span className="muted">{count(s)}</span>
            </label>
          ))}
        </div>
      ))}
    </details>
  );
}
