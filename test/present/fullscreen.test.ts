import { describe, expect, it, vi } from 'vitest';
import { enterFullscreen, exitFullscreen, fullscreenAvailable, isFullscreen } from '../../src/present/fullscreen.ts';

/** A document with just the Fullscreen API surface the module reads. */
function fakeDocument(opts: { enabled: boolean; request?: () => Promise<void> }) {
  const doc = {
    fullscreenEnabled: opts.enabled,
    fullscreenElement: null as unknown,
    documentElement: {
      requestFullscreen: vi.fn(async () => {
        await (opts.request ?? (async () => {}))();
        doc.fullscreenElement = doc.documentElement;
      }),
    },
    exitFullscreen: vi.fn(async () => {
      doc.fullscreenElement = null;
    }),
  };
  return doc as typeof doc & Document;
}

describe('Fullscreen API, degrading quietly', () => {
  it('enters and leaves where it is allowed', async () => {
    const doc = fakeDocument({ enabled: true });
    expect(fullscreenAvailable(doc)).toBe(true);
    await expect(enterFullscreen(doc)).resolves.toBe(true);
    expect(isFullscreen(doc)).toBe(true);
    await exitFullscreen(doc);
    expect(isFullscreen(doc)).toBe(false);
  });

  it('does nothing where it is disabled (an iframe without allowfullscreen)', async () => {
    const doc = fakeDocument({ enabled: false });
    await expect(enterFullscreen(doc)).resolves.toBe(false);
    expect(doc.documentElement.requestFullscreen).not.toHaveBeenCalled();
  });

  it('swallows a refusal (no user gesture, headless)', async () => {
    const doc = fakeDocument({ enabled: true, request: () => Promise.reject(new TypeError('Permissions check failed')) });
    await expect(enterFullscreen(doc)).resolves.toBe(false);
    expect(isFullscreen(doc)).toBe(false);
    await expect(exitFullscreen(doc)).resolves.toBeUndefined();
    expect(doc.exitFullscreen).not.toHaveBeenCalled();
  });
});
