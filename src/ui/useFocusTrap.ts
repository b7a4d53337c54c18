import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Keeps keyboard focus inside a modal dialog: Tab from its last control goes to
 * its first, Shift+Tab from its first to its last; when the dialog goes away,
 * focus returns to where it was when the dialog opened (the button that opened it).
 * Returns the keydown handler to put on the dialog.
 */
export function useFocusTrap(root: RefObject<HTMLElement | null>): (e: KeyboardEvent) => void {
  // Read while rendering, before any effect moves focus into the dialog.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(
    () => () => {
      if (opener?.isConnected) opener.focus();
    },
    [opener],
  );
  return (e: KeyboardEvent) => {
    if (e.key !== 'Tab' || !root.current) return;
    const controls = [...root.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (controls.length === 0) return;
    const first = controls[0]!;
    const last = controls[controls.length - 1]!;
    const inside = root.current.contains(document.activeElement);
    if (e.shiftKey && (document.activeElement === first || !inside)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (document.activeElement === last || !inside)) {
      e.preventDefault();
      first.focus();
    }
  };
}
