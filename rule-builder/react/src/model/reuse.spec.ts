import { describe, expect, it } from '@jest/globals';
import { reuseUnchanged, type Made } from './reuse';

describe('reuseUnchanged', () => {
  const node = { id: 'a' };

  it('gives back the element made last time from the same inputs', () => {
    const first = new Map<string, Made<object>>();
    const made = reuseUnchanged(new Map(), first, 'a', [node, false], () => ({ ...node }));
    const again = reuseUnchanged(first, new Map(), 'a', [node, false], () => ({ ...node }));
    expect(again).toBe(made);
  });

  it('makes a new element when any input is another value', () => {
    const first = new Map<string, Made<object>>();
    const made = reuseUnchanged(new Map(), first, 'a', [node, false], () => ({ ...node }));
    expect(reuseUnchanged(first, new Map(), 'a', [node, true], () => ({ ...node }))).not.toBe(made);
    expect(reuseUnchanged(first, new Map(), 'a', [{ id: 'a' }, false], () => ({ ...node }))).not.toBe(made);
  });

  it('forgets elements that were not asked for again', () => {
    const first = new Map<string, Made<object>>();
    reuseUnchanged(new Map(), first, 'a', [node], () => ({}));
    const second = new Map<string, Made<object>>();
    reuseUnchanged(first, second, 'b', [node], () => ({}));
    expect([...second.keys()]).toEqual(['b']);
  });
});
