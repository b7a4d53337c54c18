import { describe, expect, it } from 'vitest';
import { overlayInsets, type Box } from '../../src/ui/overlayInsets.ts';

const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, right: left + width, bottom: top + height });
// A laptop's map pane (1366×768 less the header and the 420 px panel) and a phone's (390×844 less the header).
const laptop = box(0, 44, 946, 724);
const phone = box(0, 44, 390, 800);

describe('overlayInsets', () => {
  it('clears each overlay from the edge that costs the map less: the open legend on the right, tools and caption at the top', () => {
    const legend = box(700, 190, 236, 550);
    const tools = box(798, 52, 138, 28);
    const caption = box(362, 52, 222, 26);
    expect(overlayInsets(laptop, [legend, tools, caption])).toEqual({ top: 36, bottom: 0, left: 0, right: 246 });
  });

  it('a folded legend is a strip at the bottom, a bottom sheet another, a one-line legend at the top-left a strip at the top', () => {
    expect(overlayInsets(laptop, [box(780, 708, 156, 36)])).toEqual({ top: 0, bottom: 60, left: 0, right: 0 });
    expect(overlayInsets(phone, [box(0, 712, 390, 132), box(10, 52, 220, 30)])).toEqual({ top: 38, bottom: 132, left: 0, right: 0 });
  });

  it('ignores what lies beside the map (the side panel of a wide screen)', () => {
    expect(overlayInsets(laptop, [box(946, 44, 420, 724)])).toEqual({ top: 0, bottom: 0, left: 0, right: 0 });
  });

  it('gives no insets when an overlay covers most of the map (a full-height sheet): the caller keeps the framing it had', () => {
    expect(overlayInsets(phone, [box(0, 44, 390, 800)])).toBeNull();
  });
});
