import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { PRECISION_LABEL } from '../data/project.ts';
import { layerNameFrom } from '../import/buildLayer.ts';
import type { Dataset } from '../data/loadDataset.ts';
import { buildImportContext, type ImportContext } from '../import/context.ts';
import { detectMapping } from '../import/headers.ts';
import { openImportFile, singleImport, type ImportOutcome } from '../import/importFlow.ts';
import { LIMITS, formatBytes, formatCount } from '../import/limits.ts';
import { shownFileName } from '../import/droppedFiles.ts';
import {
  CRS_KEYS,
  CRS_LABEL,
  FIELD_KEYS,
  FIELD_LABEL,
  type AmountUnit,
  type ColumnMapping,
  type Crs,
  type FieldKey,
  type ImportOptions,
  type Table,
} from '../import/types.ts';
import { detectUnit, type UnitGuess } from '../import/units.ts';
import { validateRows } from '../import/validateRows.ts';
import { useLayerStore } from '../state/layers.ts';
import './import.css';
import { RejectedList } from './RejectedList.tsx';
import { useFocusTrap } from './useFocusTrap.ts';

type Step =
  | { kind: 'choose' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'failed'; fileName: string; message: string }
  | { kind: 'mapping'; table: Table }
  | { kind: 'importing'; table: Table; done: number; total: number }
  | { kind: 'done'; table: Table; outcome: Exclude<ImportOutcome, { kind: 'failed' }> };

const PREVIEW_ROWS = 6;
const PRECHECK_ROWS = 500;
const SHOWN_REJECTED = 200;

function rowWord(table: Table): string {
  return table.format === 'csv' ? '行' : '个要素';
}

/** 导入数据: choose or drop a file, check how its columns are read, preview, import. */
export function ImportDialog({ dataset }: { dataset: Dataset }) {
  const context = useMemo(() => buildImportContext(dataset.geo.counties, dataset.projects), [dataset]);
  const close = useLayerStore((s) => s.closeImport);
  const droppedFile = useLayerStore((s) => s.droppedFile);
  const ignoredFiles = useLayerStore((s) => s.ignoredFiles);
  const runImport = useMemo(() => singleImport({ context, store: (make) => useLayerStore.getState().addLayer(make) }), [context]);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const titleId = useId();
  const root = useRef<HTMLDivElement>(null);

  const open = async (file: File) => {
    setStep({ kind: 'reading', fileName: shownFileName(file.name) });
    const opened = await openImportFile(file);
    setStep(opened.ok ? { kind: 'mapping', table: opened.table } : { kind: 'failed', fileName: opened.fileName, message: opened.message });
  };

  useEffect(() => {
    if (droppedFile) void open(droppedFile);
  }, [droppedFile]);
  useEffect(() => {
    root.current?.querySelector<HTMLElement>('input, button, select')?.focus();
  }, [step.kind]);

  const trapFocus = useFocusTrap(root);

  const busy = step.kind === 'reading' || step.kind === 'importing';
  return (
    <div className="import-backdrop">
      <div
        ref={root}
        className="import-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !busy) close();
          else trapFocus(e);
        }}
      >
        <header className="import-head">
          <h2 id={titleId}>导入数据</h2>
          <button type="button" className="link-button" onClick={close} disabled={busy} aria-label="关闭导入">
            ×
          </button>
        </header>
        {droppedFile && ignoredFiles.length > 0 && step.kind !== 'choose' && (
          <p className="import-note" role="note" data-testid="import-ignored-files">
            一次只能导入一个文件：打开的是 {shownFileName(droppedFile.name)}；同时拖入的 {ignoredFiles.join('、')} 没有导入，请逐个导入。
          </p>
        )}
        {step.kind === 'choose' && <Choose onFile={open} />}
        {step.kind === 'reading' && <p role="status">正在读取 {step.fileName}…</p>}
        {step.kind === 'failed' && (
          <>
            <div className="import-error" role="alert">
              <p>
                <strong>{step.fileName}</strong> 无法导入：
              </p>
              <p>{step.message}</p>
              <p className="import-hint">已加载的数据没有任何改动。</p>
            </div>
            <Choose onFile={open} />
          </>
        )}
        {step.kind === 'mapping' && (
          <Mapping
            table={step.table}
            context={context}
            onCancel={close}
            onImport={async (options, layerName) => {
              const table = step.table;
              setStep({ kind: 'importing', table, done: 0, total: table.records.length });
              const outcome = await runImport({ table, options, layerName }, (done, total) => setStep({ kind: 'importing', table, done, total }));
              setStep(outcome.kind === 'failed' ? { kind: 'failed', fileName: table.fileName, message: outcome.message } : { kind: 'done', table, outcome });
            }}
          />
        )}
        {step.kind === 'importing' && (
          <p role="status">
            正在检查 {formatCount(step.done)} / {formatCount(step.total)} {rowWord(step.table)}…
          </p>
        )}
        {step.kind === 'done' && <Done step={step} onClose={close} onAgain={() => setStep({ kind: 'choose' })} />}
      </div>
    </div>
  );
}

function Choose({ onFile }: { onFile: (f: File) => void }) {
  return (
    <div className="import-choose">
      <p>
        选择 CSV 或 GeoJSON 文件，或把文件拖到地图上。导入的数据作为单独的图层显示在规划项目旁边，
        <strong>不会改动规划数据</strong>，也不计入规划的投资合计、密度和排名。
      </p>
      <label className="import-file">
        选择文件
        <input
          type="file"
          accept=".csv,.tsv,.txt,.geojson,.json,text/csv,application/geo+json,application/json"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) onFile(f);
          }}
        />
      </label>
      <p className="import-hint">
        识别的表头：项目名称、总投资、十四五投资、建设地点、县区、经度、纬度、建设性质、建设起止年限等。
        上限：{formatBytes(LIMITS.fileBytes)}、{formatCount(LIMITS.rows)} 行。编码：UTF-8 或 GBK（Excel 默认的中文 CSV）。
      </p>
    </div>
  );
}

function Mapping({
  table,
  context,
  onCancel,
  onImport,
}: {
  table: Table;
  context: ImportContext;
  onCancel: () => void;
  onImport: (options: ImportOptions, layerName: string) => void;
}) {
  const [mapping, setMapping] = useState<ColumnMapping>(() => detectMapping(table.columns));
  const guess: UnitGuess = useMemo(() => detectUnit(table, mapping), [table, mapping]);
  const [unit, setUnit] = useState<AmountUnit | null>(null);
  const [unitChecked, setUnitChecked] = useState(false);
  const [crs, setCrs] = useState<Crs>(() => (table.columns.some((c) => /高德|gcj/i.test(c)) ? 'gcj02' : table.columns.some((c) => /百度|bd09/i.test(c)) ? 'bd09' : 'wgs84'));
  const [layerName, setLayerName] = useState(() => layerNameFrom(table.fileName));
  const effectiveUnit = unit ?? guess.unit;
  const options: ImportOptions = { mapping, unit: effectiveUnit, crs };
  const hasAmounts = mapping.total !== undefined || mapping.plan !== undefined;
  const hasCoordinates = mapping.lon !== undefined || mapping.lat !== undefined || table.format === 'geojson';

  const sample = useMemo(
    () => ({ ...table, records: table.records.slice(0, PRECHECK_ROWS) }),
    [table],
  );
  const precheck = useMemo(() => validateRows(sample, { mapping, unit: effectiveUnit, crs }, context), [sample, mapping, effectiveUnit, crs, context]);
  const byRow = useMemo(() => {
    const m = new Map<number, { ok: boolean; text: string }>();
    for (const r of precheck.accepted) m.set(r.row, { ok: true, text: `可导入 · ${PRECISION_LABEL[r.location.precision]}${r.warnings.length ? ` · ${r.warnings[0]}` : ''}` });
    for (const r of precheck.rejected) m.set(r.row, { ok: false, text: `${r.field}：${r.reason}` });
    return m;
  }, [precheck]);
  const setField = (f: FieldKey, value: string) =>
    setMapping((m) => {
      const next = { ...m };
      if (value === '') delete next[f];
      else next[f] = Number(value);
      return next;
    });
  const mapped = FIELD_KEYS.filter((f) => mapping[f] !== undefined);
  const canImport = mapping.name !== undefined && (!hasAmounts || unitChecked) && layerName.trim() !== '';
  const word = rowWord(table);

  return (
    <form
      className="import-mapping"
      onSubmit={(e) => {
        e.preventDefault();
        if (canImport) onImport(options, layerName);
      }}
    >
      <p className="import-file-line">
        <strong>{table.fileName}</strong>：{table.format === 'csv' ? 'CSV' : 'GeoJSON'}，{formatCount(table.records.length)} {word}数据，
        {table.columns.length} 列，编码 {table.encoding.toUpperCase()}
      </p>
      {table.notes.map((n) => (
        <p key={n} className="import-note" role="note">
          {n}
        </p>
      ))}
      <fieldset className="import-fields">
        <legend>各字段所在的列（已按表头自动识别，请核对）</legend>
        {FIELD_KEYS.filter((f) => table.format === 'csv' || (f !== 'lon' && f !== 'lat')).map((f) => (
          <label key={f} className="import-field">
            <span>
              {FIELD_LABEL[f]}
              {f === 'name' && <em className="required">（必填）</em>}
            </span>
            <select aria-label={`${FIELD_LABEL[f]}所在的列`} value={mapping[f] ?? ''} onChange={(e) => setField(f, e.target.value)}>
              <option value="">（无）</option>
              {table.columns.map((c, i) => (
                <option key={i} value={i}>
                  {c.length > LIMITS.optionChars ? `${c.slice(0, LIMITS.optionChars)}…` : c}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>
      {hasAmounts && (
        <fieldset className="import-unit">
          <legend>金额单位</legend>
          <p className="import-hint">{guess.reason}。导入后一律换算为亿元。</p>
          {(['亿元', '万元'] as const).map((u) => (
            <label key={u}>
              <input type="radio" name="unit" value={u} checked={effectiveUnit === u} onChange={() => setUnit(u)} /> {u}
            </label>
          ))}
          <label className="import-confirm">
            <input type="checkbox" checked={unitChecked} onChange={(e) => setUnitChecked(e.target.checked)} /> 我已核对金额单位是{effectiveUnit}
          </label>
        </fieldset>
      )}
      {hasCoordinates && (
        <label className="import-crs">
          坐标系{' '}
          <select aria-label="坐标系" value={crs} onChange={(e) => setCrs(e.target.value as Crs)}>
            {CRS_KEYS.map((k) => (
              <option key={k} value={k}>
                {CRS_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="import-name">
        图层名称{' '}
        <input value={layerName} maxLength={LIMITS.layerNameChars} onChange={(e) => setLayerName(e.target.value)} aria-label="图层名称" />
      </label>
      <h3>预览</h3>
      <div className="import-preview-wrap">
        <table className="import-preview" aria-label="导入预览">
          <thead>
            <tr>
              <th scope="col">{table.format === 'csv' ? '行' : '要素'}</th>
              {mapped.map((f) => (
                <th key={f} scope="col">
                  {FIELD_LABEL[f]}
                </th>
              ))}
              <th scope="col">检查结果</th>
            </tr>
          </thead>
          <tbody>
            {table.records.slice(0, PREVIEW_ROWS).map((r) => {
              const check = byRow.get(r.row);
              return (
                <tr key={r.row}>
                  <td>{r.row}</td>
                  {mapped.map((f) => (
                    <td key={f}>{(r.cells[mapping[f]!] ?? '').slice(0, 60)}</td>
                  ))}
                  <td className={check?.ok ? 'ok' : 'bad'}>{check?.text}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="import-precheck" data-testid="import-precheck">
        {table.records.length > PRECHECK_ROWS ? `前 ${PRECHECK_ROWS} ${word}中：` : ''}
        {formatCount(precheck.accepted.length)} {word}可导入，{formatCount(precheck.rejected.length)} {word}有问题
        {precheck.rejected.length > 0 && '（导入后列出原因，可下载）'}
      </p>
      {precheck.rejected.length > 0 && (
        <ul className="import-problems" aria-label="预检发现的问题">
          {precheck.rejected.slice(0, 5).map((r) => (
            <li key={r.row}>
              第 {r.row} {word}，{r.field}：{r.reason}
            </li>
          ))}
          {precheck.rejected.length > 5 && <li>……</li>}
        </ul>
      )}
      {mapping.name === undefined && <p className="import-error">请指定“项目名称”所在的列。</p>}
      <div className="import-actions">
        <button type="button" onClick={onCancel}>
          取消
        </button>
        <button type="submit" className="primary" disabled={!canImport}>
          导入
        </button>
      </div>
    </form>
  );
}

function Done({
  step,
  onClose,
  onAgain,
}: {
  step: Extract<Step, { kind: 'done' }>;
  onClose: () => void;
  onAgain: () => void;
}) {
  const { table, outcome } = step;
  const { result } = outcome;
  const word = rowWord(table);
  const warned = result.accepted.filter((r) => r.warnings.length > 0);
  const duplicates = result.accepted.filter((r) => r.duplicateOf !== null).length;
  return (
    <div className="import-done">
      {outcome.kind === 'unsaved' ? (
        <p className="import-error" role="alert">
          {outcome.error}
        </p>
      ) : outcome.kind === 'saved' ? (
        <p role="status">
          <span className="layer-swatch" style={{ background: outcome.layer.color }} aria-hidden="true" /> 已导入{' '}
          {formatCount(result.accepted.length)} {word}为图层“{outcome.layer.name}”。
          {duplicates > 0 && `其中 ${duplicates} ${word}与规划项目同名（已导入并标注，不计入规划合计）。`}
        </p>
      ) : (
        <p className="import-error" role="alert">
          没有可导入的{word}：{table.fileName} 的 {formatCount(result.rejected.length)} {word}都有问题。已加载的数据没有任何改动。
        </p>
      )}
      {result.rejected.length > 0 && <RejectedList table={table} result={result} />}
      {warned.length > 0 && (
        <details className="import-warnings">
          <summary>
            {formatCount(warned.length)} {word}已导入但有提示
          </summary>
          <ul>
            {warned.slice(0, SHOWN_REJECTED).map((r) => (
              <li key={r.row}>
                第 {r.row} {word}（{r.name}）：{r.warnings.join('；')}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="import-actions">
        <button type="button" onClick={onAgain}>
          导入另一个文件
        </button>
        <button type="button" className="primary" onClick={onClose}>
          完成
        </button>
      </div>
    </div>
  );
}
