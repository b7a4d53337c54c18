import { useMemo } from 'react';
import { PRECISIONS, PRECISION_LABEL, type LocatedProject, type Precision } from '../data/project.ts';
import { prepareRows } from '../analysis/importedFilter.ts';
import type { ImportedLayer } from '../import/types.ts';
import { useLayerStore } from '../state/layers.ts';
import { useAppStore } from '../state/store.ts';

/** Per precision: plan projects with a point of it, and imported rows placed at it. */
export function precisionCounts(projects: readonly LocatedProject[], importedPrecisions: readonly Precision[]): Map<Precision, { plan: number; imported: number }> {
  const counts = new Map<Precision, { plan: number; imported: number }>(PRECISIONS.map((p) => [p, { plan: 0, imported: 0 }]));
  for (const p of projects) for (const pr of new Set(p.locations.map((l) => l.precision))) counts.get(pr)!.plan++;
  for (const pr of importedPrecisions) counts.get(pr)!.imported++;
  return counts;
}

/**
 * The precisions of every imported row, read from the arrays the filters use
 * (made once per layer). A layer whose rows cannot be read is left out here:
 * the map leaves it off too and the layers panel names it (useImportedMap).
 */
function importedPrecisions(layers: readonly ImportedLayer[]): Precision[] {
  const out: Precision[] = [];
  for (const l of layers) {
    try {
      for (const p of prepareRows(l.rows).precision) out.push(p);
    } catch {
      continue;
    }
  }
  return out;
}

/**
 * 位置精度 chips: only the precisions some project or imported row has (no
 * chip that can only give nothing), each with how many projects have a point
 * of it, so the chips add up with the list.
 */
export function PrecisionFilter({ projects }: { projects: readonly LocatedProject[] }) {
  const chosen = useAppStore((s) => s.filters.precisions);
  const setFilters = useAppStore((s) => s.setFilters);
  const layers = useLayerStore((s) => s.layers);
  const counts = useMemo(() => precisionCounts(projects, importedPrecisions(layers)), [projects, layers]);
  // A value a link asked for stays, so it can be unticked.
  const offered = PRECISIONS.filter((p) => counts.get(p)!.plan + counts.get(p)!.imported > 0 || chosen.includes(p));
  const toggle = (p: Precision) => setFilters({ precisions: chosen.includes(p) ? chosen.filter((x) => x !== p) : [...chosen, p] });
  return (
    <fieldset className="filter-group">
      <legend>位置精度</legend>
      <div className="chips">
        {offered.map((p) => {
          const { plan, imported } = counts.get(p)!;
          return (
            <label
              key={p}
              className={chosen.includes(p) ? 'chip chip-on' : 'chip'}
              title={`${plan} 个规划项目有${PRECISION_LABEL[p]}点位${imported > 0 ? `；导入的行 ${imported} 个` : ''}`}
            >
              <input type="checkbox" checked={chosen.includes(p)} onChange={() => toggle(p)} />
              {PRECISION_LABEL[p]}
              <span className="muted">{plan}</span>
              {imported > 0 && <span className="muted">+导入 {imported}</span>}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
