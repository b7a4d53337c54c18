import { useCallback, useMemo } from 'react';
import { formatYi } from '../analysis/format.ts';
import { PRECISION_LABEL } from '../data/project.ts';
import { importedPoints, type ImportedPointProperties } from '../import/points.ts';
import { useAppStore } from '../state/store.ts';
import { useLayerStore } from '../state/layers.ts';

/** The MapView props for imported layers: their points, tooltips (plain text) and clicks. */
export function useImportedMap(countyNames: ReadonlyMap<string, string>) {
  const layers = useLayerStore((s) => s.layers);
  const imported = useMemo(() => importedPoints(layers), [layers]);
  const describeImported = useCallback(
    (p: ImportedPointProperties) => {
      const layer = layers.find((l) => l.id === p.layer);
      if (!layer) return null;
      return {
        title: p.name,
        lines: [
          `导入的图层“${layer.name}” · 第 ${p.row} ${layer.format === 'csv' ? '行' : '个要素'}`,
          `${countyNames.get(p.county) ?? p.county} · ${p.known ? `${formatYi(p.amount)} 亿元` : '未列投资额'}`,
          `位置精度：${PRECISION_LABEL[p.precision]}（${p.place}）`,
        ],
      };
    },
    [layers, countyNames],
  );
  const onClickImported = useCallback((layer: string, row: number) => {
    useAppStore.getState().selectProject(null);
    useLayerStore.getState().selectRow({ layer, row });
  }, []);
  return { imported, describeImported, onClickImported };
}
