import { useEffect, useRef } from 'react';
import { Field } from './Field.tsx';
import { formatYiWithUnit } from '../analysis/format.ts';
import { CATEGORY_LABEL, SUBCATEGORY_LABEL, type LocatedProject } from '../data/project.ts';
import { useAppStore } from '../state/store.ts';
import { METHOD_LABEL, SCOPE_LABEL, countyNamesOf, placeInvestmentText, precisionText, type ListPlace } from './describe.ts';

/** Every field of one project, where it is and how precisely, and the source row it came from. */
export function ProjectDetail({
  project: p,
  byId,
  countyNames,
  place = null,
}: {
  project: LocatedProject;
  byId: ReadonlyMap<string, LocatedProject>;
  countyNames: ReadonlyMap<string, string>;
  /** The county or zone being looked at: a project partly there shows its share. */
  place?: ListPlace | null;
}) {
  const selectProject = useAppStore((s) => s.selectProject);
  const link = (id: string | null) =>
    id === null ? null : (
      <button type="button" className="link-button" onClick={() => selectProject(id)}>
        {id} {byId.get(id)?.displayName ?? ''}
      </button>
    );
  const inv = p.investment;
  // Opened from the panel (a list item, a link here): focus moves to the heading, or it would fall to <body>.
  // Opened from the map: the map keeps focus, and the detail is scrolled to its top.
  const article = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const a = document.activeElement;
    if (!a || a === document.body || a.closest('.side-panel')) heading.current?.focus();
    else article.current?.scrollIntoView?.({ block: 'nearest' });
  }, [p.id]);
  return (
    <article className="project-detail" aria-labelledby="project-detail-title" ref={article}>
      <button type="button" className="link-button back" onClick={() => selectProject(null)}>
        ← 返回列表
      </button>
      <h2 id="project-detail-title" tabIndex={-1} ref={heading}>
        {p.displayName}
      </h2>
      {p.displayNameOurs && (
        <p className="muted">
          原文名称：{p.name}（标题为本图根据建设内容补写的名称，非原文）
        </p>
      )}
      <p className="detail-headline">
        {CATEGORY_LABEL[p.category]}
        {p.subcategory && ` · ${SUBCATEGORY_LABEL[p.subcategory]}`} · {countyNamesOf(p, countyNames)} · {placeInvestmentText(p, place)}
      </p>
      <dl className="fields">
        <Field label="编号">{p.id}</Field>
        <Field label="出处">
          附件{p.annex}
          {p.section ? ` ${p.section}` : ''} 第 {p.seq} 行
        </Field>
        {p.subcategory && (
          <Field label="子类">
            {SUBCATEGORY_LABEL[p.subcategory]}（{p.subcategoryBasis}）
          </Field>
        )}
        <Field label="建设性质">{p.nature}</Field>
        <Field label="建设内容">{p.content}</Field>
        <Field label="建设地点">{p.locationText}</Field>
        <Field label="县区">
          {countyNamesOf(p, countyNames)}（{SCOPE_LABEL[p.scope]}；{p.countyBasis.kind === 'explicit' ? '原文写明' : '推断'}：{p.countyBasis.reason}）
        </Field>
        <Field label="预计总投资">{formatYiWithUnit(inv.total)}</Field>
        <Field label="“十四五”投资">{formatYiWithUnit(inv.plan)}</Field>
        {inv.inCity !== null && <Field label="长治境内投资">{formatYiWithUnit(inv.inCity)}</Field>}
        <Field label="投资额出处">
          {inv.basis === 'column' ? '投资额栏' : inv.basis === 'text' ? '实施内容中的表述' : '原文未列'}
          {[inv.raw.total, inv.raw.plan, inv.raw.inCity].some((r) => r !== null) &&
            `（原文：${[inv.raw.total, inv.raw.plan, inv.raw.inCity].filter((r) => r !== null).join(' / ')}）`}
        </Field>
        <Field label="建设年限">{p.period}</Field>
        <Field label="资金来源">{p.funding}</Field>
        <Field label="项目法人">{p.owner}</Field>
        <Field label="牵头部门">{p.leadDepartment}</Field>
        <Field label="主管部门">{p.department}</Field>
        <Field label="纳入国家和省规划">{p.inNationalPlan}</Field>
        <Field label="“十三五”延续">{p.from13thPlan}</Field>
        <Field label="备注">{p.remarks}</Field>
        <Field label="重复列出">{link(p.duplicateOf)}</Field>
        <Field label="属于">{link(p.partOf)}</Field>
      </dl>

      <h3>位置</h3>
      {p.locations.length === 0 ? (
        <p className="muted">{p.scope === 'citywide' ? '全市性项目，不在地图上标点。' : '未能定位。'}</p>
      ) : (
        <ul className="locations">
          {p.locations.map((l, i) => (
            <li key={i}>
              <strong>{countyNames.get(l.county) ?? l.county}</strong> · {precisionText(l)}
              <div className="muted">
                {METHOD_LABEL[l.method]}
                {l.note ? `：${l.note}` : ''}
              </div>
              <div className="muted coords">
                {l.lat.toFixed(5)}°N, {l.lon.toFixed(5)}°E（WGS84）
              </div>
            </li>
          ))}
        </ul>
      )}

      <h3>来源</h3>
      <p className="muted">
        《长治市“十四五”高品质生活建设规划》附件{p.annex}，原文第 {p.source.lines.join('、')} 行
        {p.source.repaired && <span className="badge">已修复</span>}
      </p>
      {p.source.note && <p className="source-note-text">{p.source.note}</p>}
      {p.source.alternatives.length > 0 && (
        <>
          <h4>另一种读法</h4>
          <ul>
            {p.source.alternatives.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </>
      )}
      <pre className="raw-row" aria-label="原文">{p.source.raw}</pre>
    </article>
  );
}
