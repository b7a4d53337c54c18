import { Field } from './Field.tsx';
import { formatYiWithUnit } from '../analysis/format.ts';
import { PRECISION_LABEL } from '../data/project.ts';
import { CRS_LABEL } from '../import/types.ts';
import { useLayerStore } from '../state/layers.ts';
import { RegionBoundary } from './RegionBoundary.tsx';

const METHOD: Record<string, string> = { coordinates: '文件中的坐标', gazetteer: '建设地点中的乡镇/村', county: '县区' };

/** One row of an imported layer: its fields as read, where it came from, and how it was placed. */
export function ImportedRowDetail({ countyNames }: { countyNames: ReadonlyMap<string, string> }) {
  return (
    <RegionBoundary region="导入的行" actions={[{ label: '返回列表', run: () => useLayerStore.getState().selectRow(null) }]}>
      <RowDetail countyNames={countyNames} />
    </RegionBoundary>
  );
}

function RowDetail({ countyNames }: { countyNames: ReadonlyMap<string, string> }) {
  const selected = useLayerStore((s) => s.selected);
  const layer = useLayerStore((s) => s.layers.find((l) => l.id === s.selected?.layer));
  const selectRow = useLayerStore((s) => s.selectRow);
  const row = layer?.rows.find((r) => r.row === selected?.row);
  if (!layer || !row) return null;
  const word = layer.format === 'csv' ? '行' : '个要素';
  const l = row.location;
  return (
    <article className="project-detail imported-detail" aria-labelledby="imported-detail-title">
      <button type="button" className="link-button back" onClick={() => selectRow(null)}>
        ← 返回列表
      </button>
      <p className="imported-detail-layer">
        <span className="layer-swatch" style={{ background: layer.color }} aria-hidden="true" /> 导入的图层“{layer.name}”（不属于规划数据）
      </p>
      <h2 id="imported-detail-title">{row.name}</h2>
      <dl className="fields">
        <Field label="来源">
          {layer.fileName} 第 {row.row} {word}
        </Field>
        <Field label="县区">{countyNames.get(l.county) ?? l.county}</Field>
        <Field label="总投资">{formatYiWithUnit(row.total)}</Field>
        <Field label="十四五投资">{formatYiWithUnit(row.plan)}</Field>
        <Field label="金额单位">文件中为{layer.unit}，已换算为亿元</Field>
        <Field label="建设地点">{row.locationText}</Field>
        <Field label="建设性质">{row.nature}</Field>
        <Field label="建设起止年限">{row.period}</Field>
        <Field label="建设内容">{row.content}</Field>
        <Field label="建设单位">{row.owner}</Field>
        <Field label="备注">{row.remarks}</Field>
        <Field label="位置">
          {PRECISION_LABEL[l.precision]}：{METHOD[l.method] ?? l.method}（{l.matched}）{l.note ? `；${l.note}` : ''}
          {l.method === 'coordinates' && `；坐标系 ${CRS_LABEL[layer.crs]}`}
        </Field>
        <Field label="提示">{row.warnings.length > 0 ? row.warnings.join('；') : null}</Field>
      </dl>
    </article>
  );
}
