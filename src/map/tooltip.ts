import { Popup, type Map as MapLibreMap } from 'maplibre-gl';
import type { LngLatLike } from 'maplibre-gl';

/** Lines of a tooltip, as plain text: rendered with textContent only, never as HTML. */
export interface TooltipContent {
  title: string;
  lines: string[];
}

function tooltipNode(content: TooltipContent): HTMLElement {
  const root = document.createElement('div');
  root.className = 'map-tooltip';
  const title = document.createElement('strong');
  title.textContent = content.title;
  root.append(title);
  for (const line of content.lines) {
    const div = document.createElement('div');
    div.textContent = line;
    root.append(div);
  }
  return root;
}

/** The one tooltip of a map, following the pointer. */
export class MapTooltip {
  private readonly popup = new Popup({ closeButton: false, closeOnClick: false, maxWidth: '320px', offset: 14, className: 'map-tooltip-popup' });

  constructor(private readonly map: MapLibreMap) {}

  show(at: LngLatLike, content: TooltipContent | null): void {
    if (!content) return this.hide();
    this.popup.setLngLat(at).setDOMContent(tooltipNode(content));
    if (!this.popup.isOpen()) this.popup.addTo(this.map);
  }

  hide(): void {
    this.popup.remove();
  }
}
