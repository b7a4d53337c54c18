import type { GeoBundle } from '../geo/types.ts';
import { useAppStore } from '../state/store.ts';
import { zoneColor } from '../theme/palette.ts';

/** The four 美丽乡村 zones as the plan defines them: members, theme and village models. */
export function ZoneLegend({ geo }: { geo: GeoBundle }) {
  const hoveredCounty = useAppStore((s) => s.hoveredCounty);
  const hoverCounty = useAppStore((s) => s.hoverCounty);
  const hoverZone = useAppStore((s) => s.hoverZone);
  const setFilters = useAppStore((s) => s.setFilters);
  const countyName = new Map(geo.counties.features.map((f) => [f.properties.adcode, f.properties.name]));

  return (
    <section className="zone-legend" aria-labelledby="zone-legend-title">
      <h2 id="zone-legend-title">美丽乡村四片区</h2>
      <ul className="zone-list">
        {geo.zones.features.map(({ properties: z }) => (
          <li key={z.name} className="zone-item" onMouseEnter={() => hoverZone(z.name)} onMouseLeave={() => hoverZone(null)}>
            <div className="zone-name">
              <span className="swatch swatch-dashed" style={{ borderColor: zoneColor(z.name) }} aria-hidden="true" />
              <button type="button" className="link-button zone-title" onClick={() => setFilters({ zone: z.name })}>
                {z.name}
              </button>
              <span className="muted">{Math.round(z.areaKm2).toLocaleString('zh-CN')} km²</span>
            </div>
            <ul className="county-chips" aria-label={`${z.name}所含县区`}>
              {z.counties.map((code) => (
                <li
                  key={code}
                  className={code === hoveredCounty ? 'chip chip-active' : 'chip'}
                  onMouseEnter={() => hoverCounty(code)}
                  onMouseLeave={() => hoverCounty(null)}
                >
                  {countyName.get(code) ?? code}
                </li>
              ))}
            </ul>
            <p className="zone-theme">{z.theme}</p>
            {z.models.length > 0 && (
              <p className="zone-models">
                示范类型：{z.models.map((m) => (m.county ? `${m.county}${m.name}` : m.name)).join('、')}
              </p>
            )}
            <p className="zone-models muted">
              对应专栏三：
              {z.column3.map((c) => `${c.model}${c.basis === 'inferred' ? '（推断）' : ''}`).join('、')}
            </p>
          </li>
        ))}
      </ul>
      <p className="source-note">来源：《长治市“十四五”高品质生活建设规划》第五章第二节、专栏三。</p>
    </section>
  );
}
