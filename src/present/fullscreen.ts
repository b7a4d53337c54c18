/**
 * The Fullscreen API where there is one. It may be missing (old browsers, some
 * kiosks), refused (an iframe without allowfullscreen, no user gesture, a
 * headless browser): every call here degrades to “not full screen” quietly.
 */

export function fullscreenAvailable(doc: Document = document): boolean {
  return doc.fullscreenEnabled === true && typeof doc.documentElement.requestFullscreen === 'function';
}

export function isFullscreen(doc: Document = document): boolean {
  return !!doc.fullscreenElement;
}

/** Asks for full screen; resolves true when granted. Never throws. */
export async function enterFullscreen(doc: Document = document): Promise<boolean> {
  if (!fullscreenAvailable(doc) || isFullscreen(doc)) return isFullscreen(doc);
  try {
    await doc.documentElement.requestFullscreen({ navigationUI: 'hide' });
    return true;
  } catch {
    return false;
  }
}

export async function exitFullscreen(doc: Document = document): Promise<void> {
  if (!isFullscreen(doc) || typeof doc.exitFullscreen !== 'function') return;
  try {
    await doc.exitFullscreen();
  } catch {
    // Already left (Esc pressed at the same time): nothing to do.
  }
}
