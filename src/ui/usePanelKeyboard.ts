import { useEffect, useRef } from 'react';
import { cardTarget } from '../analysis/areaCard.ts';
import { isTyping } from '../present/keys.ts';
import { useLayerStore } from '../state/layers.ts';
import { useAppStore } from '../state/store.ts';
import { focusFirst, focusLost, projectItem } from './panelFocus.ts';

/** Esc: the open project (or imported row) first, then the county or zone card. True if it closed one. */
export function closeOnEscape(): boolean {
  const app = useAppStore.getState();
  const layers = useLayerStore.getState();
  if (app.presenting || layers.dialogOpen) return false;
  if (app.selectedProject !== null) app.selectProject(null);
  else if (layers.selected !== null) layers.selectRow(null);
  else {
    const card = cardTarget(app.filters);
    if (!card) return false;
    app.setFilters(card.kind === 'county' ? { counties: [] } : { zone: null });
  }
  return true;
}

/**
 * The side panel's keyboard: Esc closes what is open (a menu or dialog that
 * takes Esc first marks the event handled); when the panel's content is
 * replaced under the focus, focus goes on: back to the list item a project
 * was opened from, to a card's heading when a card opens, else to the list.
 */
export function usePanelKeyboard(selectedProject: string | null, opened: string | null, cardKey: string | null): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || isTyping(e.target)) return;
      if (closeOnEscape()) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The list item the open project was chosen from (kept while links inside the detail open others).
  const origin = useRef(selectedProject);
  const before = useRef({ opened, cardKey });
  useEffect(() => {
    const was = before.current;
    before.current = { opened, cardKey };
    if (selectedProject !== null) {
      if (!was.opened?.startsWith('project:')) origin.current = selectedProject;
      return;
    }
    if (opened === was.opened || !focusLost()) return;
    const from = origin.current;
    origin.current = null;
    const list = document.getElementById('project-list');
    if (cardKey !== null && cardKey !== was.cardKey) focusFirst(document.getElementById('area-card-title'), list);
    else focusFirst(from ? projectItem(from) : null, list, document.getElementById('panel-body'));
  }, [selectedProject, opened, cardKey]);
}
