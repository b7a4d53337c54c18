import { useEffect, useRef, useState } from 'react';
import type { GeoBundle } from '../geo/types.ts';
import { useAppStore } from '../state/store.ts';
import { MapController } from './MapController.ts';

export interface MapViewProps {
  geo: GeoBundle;
}

/**
 * The map panel. This module is the boundary between React and MapLibre:
 * component tests replace it with a fake, browser tests exercise it for real.
 */
export function MapView({ geo }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<MapController | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const showZones = useAppStore((s) => s.showZones);
  const hoveredCounty = useAppStore((s) => s.hoveredCounty);

  useEffect(() => {
    if (!container.current) return;
    const { view, setView, hoverCounty } = useAppStore.getState();
    try {
      controller.current = new MapController(container.current, geo, view, {
        onHoverCounty: hoverCounty,
        onViewChange: setView,
        onReady: () => container.current?.setAttribute('data-map-ready', 'true'),
      });
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    }
    return () => {
      controller.current?.destroy();
      controller.current = null;
    };
  }, [geo]);

  useEffect(() => controller.current?.setZonesVisible(showZones), [showZones]);
  useEffect(() => controller.current?.setHoveredCounty(hoveredCounty), [hoveredCounty]);

  if (failure) {
    return (
      <div className="map-failure" role="alert">
        <p>地图无法显示：此浏览器不支持 WebGL，或图形加速已关闭。</p>
        <p>项目与县区数据仍可在右侧面板和“表格”中查看。</p>
        <p className="map-failure-detail">{failure}</p>
      </div>
    );
  }
  return <div ref={container} className="map-canvas" data-testid="map" aria-label="长治市县区与项目地图" role="region" />;
}
