/**
 * Where keyboard focus goes when the side panel's content is replaced: the
 * control that had it is gone (or hidden), so focus would fall to <body>.
 */

/** True when nothing useful has focus: <body>, or an element removed or hidden. */
export function focusLost(): boolean {
  const a = document.activeElement;
  return !a || a === document.body || !a.isConnected || a.closest('[hidden]') !== null;
}

/** The list item of a project (its button), if the list shows it. */
export function projectItem(id: string): HTMLElement | null {
  const list = document.getElementById('project-list');
  if (!list) return null;
  return [...list.querySelectorAll<HTMLElement>('[data-project-id]')].find((el) => el.dataset.projectId === id) ?? null;
}

/** Focuses the first of the elements that exists; true if one did. */
export function focusFirst(...candidates: (HTMLElement | null)[]): boolean {
  const el = candidates.find((c) => c !== null);
  if (!el) return false;
  el.focus();
  return true;
}
