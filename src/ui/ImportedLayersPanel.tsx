import { useState } from 'react';
import { layerMatches, rowFiltersEmpty } from '../analysis/importedFilter.ts';
import { formatCount } from '../import/limits.ts';
import type { DamagedLayer } from '../import/persistence.ts';
import type { ImportedLayer } from '../import/types.ts';
import { useLayerStore } from '../state/layers.ts';
import { useAppStore } from '../state/store.ts';
import { RejectedList } from './RejectedList.tsx';
import { RegionBoundary } from './RegionBoundary.tsx';
import { HIDE_IMPORTED } from './recovery.ts';
import './import.css';
import { errorMessage } from '../errorMessage.ts';

type ZoneCounties = (zone: string) => readonly string[];

/**
 * 导入的图层: show or hide, rename, remove each imported layer, see what was
 * not imported, and how many of its rows match the explorer's filters. A
 * region of its own: if it fails, the plan's panel around it keeps working.
 */
export function ImportedLayersPanel({ zoneCounties }: { zoneCounties: ZoneCounties }) {
  return (
    <RegionBoundary region="导入的图层" actions={[HIDE_IMPORTED]}>
      <LayersPanel zoneCounties={zoneCounties} />
    </RegionBoundary>
  );
}

function LayersPanel({ zoneCounties }: { zoneCounties: ZoneCounties }) {
  const layers = useLayerStore((s) => s.layers);
  const damaged = useLayerStore((s) => s.damaged);
  const undrawable = useLayerStore((s) => s.undrawable);
  const messages = useLayerStore((s) => s.messages);
  const volatile = useLayerStore((s) => s.volatile);
  const dismiss = useLayerStore((s) => s.dismissMessages);
  if (layers.length === 0 && damaged.length === 0 && messages.length === 0) return null;
  const removeLayer = useLayerStore.getState().removeLayer;
  return (
    <section className="imported-layers" aria-label="导入的图层">
      <h3>导入的图层</h3>
      <p className="import-hint">
        只显示为地图上的点（黑色描边），不计入规划项目的投资合计、密度和排名。
        {volatile ? '此浏览器不允许本地存储：刷新后不会保留。' : '保存在此浏览器中，刷新后仍在。'}
      </p>
      <p className="import-hint" data-testid="imported-filter-note">
        上方的筛选同样作用于导入的点：县区与片区（按定位所在县区）、投资额（总投资）、开工年份（建设起止年限中的第一个年份）、位置精度和搜索（名称、建设地点、建设单位）。导入的行没有类别，类别筛选对它们不起作用。
      </p>
      {damaged.length + undrawable.length > 0 && (
        <div className="import-error" role="alert">
          <ul className="skipped-layers" aria-label="已跳过的图层">
            {damaged.map((d, i) => (
              <DamagedItem key={`d${i}`} damaged={d} what="本地保存的图层" remove={() => useLayerStore.getState().removeDamaged(d.key)} />
            ))}
            {undrawable.map((d) => (
              <DamagedItem key={`u${String(d.key)}`} damaged={d} what="无法在地图上显示的图层" remove={() => removeLayer(String(d.key))} />
            ))}
          </ul>
        </div>
      )}
      {messages.length > 0 && (
        <div className="import-error" role="alert">
          {messages.map((m) => (
            <p key={m}>{m}</p>
          ))}
          <button type="button" className="link-button" onClick={dismiss}>
            知道了
          </button>
        </div>
      )}
      <ul className="imported-layer-list">
        {layers.map((l) => (
          <LayerItem key={l.id} layer={l} zoneCounties={zoneCounties} />
        ))}
      </ul>
    </section>
  );
}

/** A layer that was skipped: its name, why, and a way to delete it for good. */
function DamagedItem({ damaged, what, remove }: { damaged: DamagedLayer; what: string; remove: () => Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <li>
      {what}“{damaged.name}”已跳过：{damaged.reason}。
      <button
        type="button"
        className="link-button danger"
        onClick={() => void remove().catch((err: unknown) => setError(errorMessage(err)))}
        aria-label={`删除已跳过的图层 ${damaged.name}`}
      >
        删除此图层
      </button>
      {error && <span>（删除失败：{error}）</span>}
    </li>
  );
}

function LayerItem({ layer, zoneCounties }: { layer: ImportedLayer; zoneCounties: ZoneCounties }) {
  const { renameLayer, setLayerVisible, removeLayer } = useLayerStore.getState();
  const filters = useAppStore((s) => s.filters);
  const filtering = !rowFiltersEmpty(filters);
  // The same matches the map draws (remembered per layer and filters, so computed once).
  const matched = filtering ? layerMatches(layer.rows, filters, zoneCounties).count : layer.rows.length;
  const [renaming, setRenaming] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [showRejected, setShowRejected] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = (p: Promise<void>, after?: () => void) =>
    p.then(
      () => {
        setError(null);
        after?.();
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  const word = layer.format === 'csv' ? '行' : '个要素';
  return (
    <li className="imported-layer" data-layer-id={layer.id}>
      <div className="imported-layer-head">
        <span className="layer-swatch" style={{ background: layer.color }} aria-hidden="true" />
        {renaming === null ? (
          <label>
            <input type="checkbox" checked={layer.visible} onChange={(e) => void run(setLayerVisible(layer.id, e.target.checked))} />{' '}
            <span className="imported-layer-name">{layer.name}</span>
          </label>
        ) : (
          <form
            className="imported-layer-rename"
            onSubmit={(e) => {
              e.preventDefault();
              void run(renameLayer(layer.id, renaming), () => setRenaming(null));
            }}
          >
            <input aria-label="新的图层名称" value={renaming} maxLength={60} onChange={(e) => setRenaming(e.target.value)} autoFocus />
            <button type="submit">保存</button>
            <button type="button" onClick={() => setRenaming(null)}>
              取消
            </button>
          </form>
        )}
      </div>
      <p className="imported-layer-meta">
        {formatCount(layer.rows.length)} {word} · {layer.fileName} · {new Date(layer.importedAt).toLocaleString('zh-CN')}
        {layer.rejected.length > 0 && ` · ${formatCount(layer.rejected.length)} ${word}未导入`}
      </p>
      {filtering && (
        <p className="imported-layer-matched" data-testid="imported-layer-matched">
          符合当前筛选：<b>{formatCount(matched)}</b> / {formatCount(layer.rows.length)} {word}
        </p>
      )}
      <div className="imported-layer-actions">
        <button type="button" className="link-button" onClick={() => setRenaming(layer.name)} aria-label={`重命名图层 ${layer.name}`}>
          重命名
        </button>
        {layer.rejected.length > 0 && (
          <button type="button" className="link-button" onClick={() => setShowRejected((v) => !v)}>
            {showRejected ? '收起未导入的' : '查看未导入的'}
            {word}
          </button>
        )}
        {confirming ? (
          <>
            <button type="button" className="link-button danger" onClick={() => void run(removeLayer(layer.id))}>
              确认删除
            </button>
            <button type="button" className="link-button" onClick={() => setConfirming(false)}>
              取消
            </button>
          </>
        ) : (
          <button type="button" className="link-button" onClick={() => setConfirming(true)} aria-label={`删除图层 ${layer.name}`}>
            删除
          </button>
        )}
      </div>
      {error && (
        <p className="import-error" role="alert">
          {error}（未做任何更改）
        </p>
      )}
      {showRejected && <RejectedList table={layer} result={layer} />}
    </li>
  );
}
