import { useCallback, useEffect, useMemo } from 'react';
import { formatYi } from '../analysis/format.ts';
import { PRECISION_LABEL } from '../data/project.ts';
import { layerMatches } from '../analysis/importedFilter.ts';
import { errorMessage } from '../errorMessage.ts';
import { indexedPoints, maskedPoints, type ImportedPointProperties, type IndexedPoints } from '../import/points.ts';
import type { DamagedLayer } from '../import/persistence.ts';
import type { ImportedLayer, ImportedRow } from '../import/types.ts';
import type { ImportedMapLayer } from '../map/importedLayers.ts';
import { useAppStore } from '../state/store.ts';
import { useLayerStore } from '../state/layers.ts';

interface LayerIndex {
  points: IndexedPoints;
  /** Rows by row number, for tooltips: the map's features carry only the keys. */
  byRow: Map<number, ImportedRow>;
}

/** A layer's points and rows by number, made once per rows array (renaming or hiding a layer keeps its rows). */
const indexCache = new WeakMap<readonly ImportedRow[], LayerIndex>();
/** The points drawn for a layer's last mask: the same mask (rows unchanged by a filter change) gives the same object. */
const maskedCache = new WeakMap<Uint8Array, ImportedMapLayer['points']['data']>();
/** A version per rows array, bumped where a layer's rows are first seen here. */
const rowsVersions = new WeakMap<readonly ImportedRow[], number>();
let lastVersion = 0;
const maskKeys = new WeakMap<Uint8Array, string>();

/** Which rows a mask keeps, as a short key: equal masks give equal keys (FNV-1a over the bytes). */
export function maskKey(mask: Uint8Array): string {
  let key = maskKeys.get(mask);
  if (key === undefined) {
    let h = 0x811c9dc5;
    let n = 0;
    for (let i = 0; i < mask.length; i++) {
      h = Math.imul(h ^ mask[i]!, 0x01000193);
      n += mask[i]!;
    }
    maskKeys.set(mask, (key = `${n}/${mask.length}/${(h >>> 0).toString(36)}`));
  }
  return key;
}

function indexOf(l: ImportedLayer): LayerIndex {
  let index = indexCache.get(l.rows);
  if (!index) indexCache.set(l.rows, (index = { points: indexedPoints(l), byRow: new Map(l.rows.map((r) => [r.row, r])) }));
  return index;
}

/**
 * The MapView props for imported layers: the points of their rows that match
 * the explorer's filters (a layer whose rows a change leaves alone keeps its
 * points object, so the map is not sent it again), tooltips (plain text) and
 * clicks. A layer whose points cannot be made is left off the map and named
 * in the layers panel, where it can be hidden or removed: one layer must not
 * take the map (or the page) down with it.
 */
export function useImportedMap(countyNames: ReadonlyMap<string, string>, zoneCounties: (zone: string) => readonly string[]) {
  const layers = useLayerStore((s) => s.layers);
  const filters = useAppStore((s) => s.filters);
  const drawn = useMemo(() => {
    const imported: ImportedMapLayer[] = [];
    const rows = new Map<string, { layer: ImportedLayer; byRow: Map<number, ImportedRow> }>();
    const failed: DamagedLayer[] = [];
    for (const l of layers) {
      if (!l.visible) continue;
      try {
        const index = indexOf(l);
        const { mask } = layerMatches(l.rows, filters, zoneCounties);
        let points = maskedCache.get(mask);
        if (!points) maskedCache.set(mask, (points = maskedPoints(index.points, mask)));
        let version = rowsVersions.get(l.rows);
        if (version === undefined) rowsVersions.set(l.rows, (version = ++lastVersion));
        imported.push({ id: l.id, name: l.name, color: l.color, points: { key: `${l.id}:${version}:${maskKey(mask)}`, data: points } });
        rows.set(l.id, { layer: l, byRow: index.byRow });
      } catch (err) {
        failed.push({ key: l.id, name: l.name, reason: errorMessage(err) });
      }
    }
    return { imported, rows, failed };
  }, [layers, filters, zoneCounties]);
  useEffect(() => useLayerStore.getState().setUndrawable(drawn.failed), [drawn.failed]);
  const { imported, rows } = drawn;
  const describeImported = useCallback(
    (p: ImportedPointProperties) => {
      const entry = rows.get(p.layer);
      const row = entry?.byRow.get(p.row);
      if (!entry || !row) return null;
      const l = row.location;
      return {
        title: row.name,
        lines: [
          `导入的图层“${entry.layer.name}” · 第 ${row.row} ${entry.layer.format === 'csv' ? '行' : '个要素'}`,
          `${countyNames.get(l.county) ?? l.county} · ${p.known ? `${formatYi(p.amount)} 亿元` : '未列投资额'}`,
          `位置精度：${PRECISION_LABEL[l.precision]}（${l.matched}）`,
        ],
      };
    },
    [rows, countyNames],
  );
  const onClickImported = useCallback((layer: string, row: number) => {
    useAppStore.getState().selectProject(null);
    useLayerStore.getState().selectRow({ layer, row });
  }, []);
  const layerName = useCallback((id: string) => rows.get(id)?.layer.name ?? '', [rows]);
  return { imported, describeImported, onClickImported, layerName };
}
