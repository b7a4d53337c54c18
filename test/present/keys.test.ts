import { describe, expect, it } from 'vitest';
import { isTyping, keyAction, stepAfter } from '../../src/present/keys.ts';

describe('presenter keys', () => {
  it('maps arrows, remote keys, Home/End, digits, P, F and Esc while presenting', () => {
    const act = (key: string) => keyAction({ key }, true)?.type ?? null;
    for (const k of ['ArrowRight', 'ArrowDown', 'PageDown', ' ']) expect(act(k)).toBe('next');
    for (const k of ['ArrowLeft', 'ArrowUp', 'PageUp']) expect(act(k)).toBe('prev');
    expect(act('Home')).toBe('first');
    expect(act('End')).toBe('last');
    expect(act('Escape')).toBe('leave');
    expect(act('p')).toBe('toggle-play');
    expect(act('P')).toBe('toggle-play');
    expect(act('f')).toBe('fullscreen');
    expect(keyAction({ key: '3' }, true)).toEqual({ type: 'jump', step: 3 });
    expect(act('0')).toBeNull();
    expect(act('x')).toBeNull();
  });

  it('takes only F while exploring, and nothing with a modifier', () => {
    expect(keyAction({ key: 'f' }, false)).toEqual({ type: 'enter' });
    expect(keyAction({ key: 'F' }, false)).toEqual({ type: 'enter' });
    for (const key of ['ArrowRight', 'PageDown', 'Escape', '1', 'p']) expect(keyAction({ key }, false)).toBeNull();
    expect(keyAction({ key: 'f', ctrlKey: true }, false)).toBeNull();
    expect(keyAction({ key: 'ArrowRight', altKey: true }, true)).toBeNull();
    expect(keyAction({ key: 'p', metaKey: true }, true)).toBeNull();
  });

  it('leaves typing alone', () => {
    const input = { closest: (sel: string) => (sel.includes('input') ? {} : null), isContentEditable: false } as unknown as EventTarget;
    const div = { closest: () => null, isContentEditable: false } as unknown as EventTarget;
    expect(isTyping(input)).toBe(true);
    expect(isTyping(div)).toBe(false);
    expect(isTyping(null)).toBe(false);
    expect(keyAction({ key: 'f', target: input }, false)).toBeNull();
    expect(keyAction({ key: 'ArrowRight', target: input }, true)).toBeNull();
    expect(keyAction({ key: 'ArrowRight', target: div }, true)).toEqual({ type: 'next' });
  });

  it('moves within the tour: stops at the ends, wraps only when asked, ignores jumps past the end', () => {
    expect(stepAfter(1, 7, { type: 'next' })).toBe(2);
    expect(stepAfter(7, 7, { type: 'next' })).toBe(7);
    expect(stepAfter(7, 7, { type: 'next' }, true)).toBe(1);
    expect(stepAfter(1, 7, { type: 'prev' })).toBe(1);
    expect(stepAfter(4, 7, { type: 'prev' })).toBe(3);
    expect(stepAfter(4, 7, { type: 'first' })).toBe(1);
    expect(stepAfter(2, 7, { type: 'last' })).toBe(7);
    expect(stepAfter(2, 7, { type: 'jump', step: 5 })).toBe(5);
    expect(stepAfter(2, 7, { type: 'jump', step: 9 })).toBeNull();
    expect(stepAfter(2, 7, { type: 'toggle-play' })).toBeNull();
  });
});
