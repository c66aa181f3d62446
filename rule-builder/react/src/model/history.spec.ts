import { describe, expect, it } from '@jest/globals';
import { canRedo, canUndo, commit, createHistory, HISTORY_LIMIT, preview, redo, undo } from './history';

describe('History', () => {
  it('undoes and redoes committed states in order', () => {
    let h = createHistory('a');
    h = commit(h, 'b');
    h = commit(h, 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    h = redo(h);
    expect(h.present).toBe('c');
    expect(canRedo(h)).toBe(false);
  });

  it('drops the redo branch when a new state is committed after an undo', () => {
    let h = commit(commit(createHistory('a'), 'b'), 'c');
    h = commit(undo(h), 'd');
    expect(h.present).toBe('d');
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe('b');
  });

  it('records nothing when the committed state is the present one', () => {
    const h = commit(createHistory('a'), 'a');
    expect(canUndo(h)).toBe(false);
  });

  it('merges commits that share a coalesce key into one undo step', () => {
    let h = createHistory('');
    for (const text of ['C', 'Ca', 'Cal', 'Call']) h = commit(h, text, 'title');
    h = commit(h, 'Call!', 'description');
    expect(undo(h).present).toBe('Call');
    expect(undo(undo(h)).present).toBe('');
  });

  it('records a run of previews as one step from the last committed state', () => {
    let h = commit(createHistory({ x: 0 }), { x: 1 });
    h = preview(h, { x: 2 });
    h = preview(h, { x: 3 });
    expect(h.past).toHaveLength(1);
    h = commit(h, h.present);
    expect(h.present).toEqual({ x: 3 });
    expect(undo(h).present).toEqual({ x: 1 });
  });

  it('undoes a preview that was never committed', () => {
    let h = createHistory(1);
    h = preview(h, 2);
    expect(canUndo(h)).toBe(true);
    h = undo(h);
    expect(h.present).toBe(1);
    expect(redo(h).present).toBe(2);
  });

  it(`keeps the last ${HISTORY_LIMIT} steps`, () => {
    let h = createHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) h = commit(h, i);
    let steps = 0;
    while (canUndo(h)) {
      h = undo(h);
      steps++;
    }
    expect(steps).toBe(HISTORY_LIMIT);
    expect(h.present).toBe(20);
  });
});
