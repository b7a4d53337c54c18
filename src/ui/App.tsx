import { loadGeo } from '../geo/loadGeo.ts';
import { MapView } from '../map/MapView.tsx';
import { useLoad } from './useGeo.ts';
import { ZoneLegend } from './ZoneLegend.tsx';

export function App() {
  const geo = useLoad(loadGeo);
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          长治市“十四五”高品质生活建设规划 <span className="title-sub">项目地图</span>
        </h1>
      </header>
      <main className="app-main">
        <div className="map-pane">
          {geo.status === 'ready' && <MapView geo={geo.value} />}
          {geo.status === 'loading' && <p className="map-status">正在加载边界数据…</p>}
          {geo.status === 'error' && (
            <div className="map-status map-error" role="alert">
              <p>边界数据加载失败：</p>
              <p>{geo.message}</p>
            </div>
          )}
        </div>
        <aside className="side-panel" aria-label="侧栏">
          {geo.status === 'ready' && <ZoneLegend geo={geo.value} />}
        </aside>
      </main>
    </div>
  );
}
