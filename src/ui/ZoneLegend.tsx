import type { GeoBundle } from '../geo/types.ts';
import { useAppStore } from '../state/store.ts';
import { zoneColor } from '../theme/palette.ts';

/** The four 美丽乡村 zones, their member counties, and the overlay switch. */
export function ZoneLegend({ geo }: { geo: GeoBundle }) {
  const showZones = useAppStore((s) => s.showZones);
  const setShowZones = useAppStore((s) => s.setShowZones);
  const hoveredCounty = useAppStore((s) => s.hoveredCounty);
  const hoverCounty = useAppStore((s) => s.hoverCounty);
  const countyName = new Map(geo.counties.features.map((f) => [f.properties.adcode, f.properties.name]));

  return (
    <section className="zone-legend" aria-labelledby="zone-legend-title">
      <div className="section-head">
        <h2 id="zone-legend-title">美丽乡村四片区</h2>
        <label className="switch">
          <input type="checkbox" checked={showZones} onChange={(e) => setShowZones(e.target.checked)} />
          在地图上显示
        </label>
      </div>
      <ul className="zone-list">
        {geo.zones.features.map(({ properties: z }) => (
          <li key={z.name} className="zone-item">
            <div className="zone-name">
              <span className="swatch swatch-dashed" style={{ borderColor: zoneColor(z.name) }} aria-hidden="true" />
              <strong>{z.name}</strong>
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
          </li>
        ))}
      </ul>
      <p className="source-note">来源：《长治市“十四五”高品质生活建设规划》第五章第二节。</p>
    </section>
  );
}
