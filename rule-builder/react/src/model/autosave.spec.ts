import { describe, expect, it } from '@jest/globals';
import {
  AUTOSAVE_DELAY_MS,
  autosaveDecision,
  autosaveStatus,
  clockTime,
  type AutosaveFacts,
  type SaveOutcome,
} from './autosave';

// A saved workflow with a valid, unsaved change made at t = 10 s.
const facts = (patch: Partial<AutosaveFacts> = {}): AutosaveFacts => ({
  saved: true,
  dirty: true,
  errorCount: 0,
  busy: false,
  conflict: false,
  changedAt: 10_000,
  failedAt: null,
  now: 10_000,
  ...patch,
});

describe('autosaveDecision', () => {
  it('waits out the rest of the quiet period after the last change', () => {
    expect(autosaveDecision(facts({ now: 11_000 }))).toEqual({ kind: 'wait', ms: AUTOSAVE_DELAY_MS - 1000 });
  });

  it('saves once the canvas has been quiet for the whole delay', () => {
    expect(autosaveDecision(facts({ now: 10_000 + AUTOSAVE_DELAY_MS }))).toEqual({ kind: 'save' });
    expect(autosaveDecision(facts({ now: 60_000 }))).toEqual({ kind: 'save' });
  });

  it('starts the quiet period again with every change', () => {
    expect(autosaveDecision(facts({ changedAt: 13_000, now: 14_000 }), 4000)).toEqual({
      kind: 'wait',
      ms: 3000,
    });
  });

  it('reports problems instead of saving a draft the server would refuse', () => {
    expect(autosaveDecision(facts({ errorCount: 2, now: 60_000 }))).toEqual({ kind: 'invalid', problems: 2 });
  });

  it('does nothing while what is on the canvas is still being checked', () => {
    expect(autosaveDecision(facts({ errorCount: undefined, now: 60_000 }))).toEqual({ kind: 'none' });
  });

  it('leaves a workflow that was never saved to an explicit first save', () => {
    expect(autosaveDecision(facts({ saved: false, now: 60_000 }))).toEqual({ kind: 'none' });
  });

  it('does nothing without unsaved changes, during another save, or after a conflict', () => {
    for (const patch of [{ dirty: false }, { busy: true }, { conflict: true }]) {
      expect(autosaveDecision(facts({ ...patch, now: 60_000 }))).toEqual({ kind: 'none' });
    }
  });

  it('does not retry a failed save until the canvas changes again', () => {
    expect(autosaveDecision(facts({ failedAt: 15_000, now: 60_000 }))).toEqual({ kind: 'none' });
    expect(autosaveDecision(facts({ failedAt: 15_000, changedAt: 16_000, now: 17_000 }))).toEqual({
      kind: 'wait',
      ms: AUTOSAVE_DELAY_MS - 1000,
    });
  });
});

describe('autosaveStatus', () => {
  const at = new Date(2026, 10, 25, 9, 5);
  const status = (outcome: SaveOutcome, patch: Partial<AutosaveFacts> = {}) => {
    const f = facts({ now: 11_000, ...patch });
    return autosaveStatus(outcome, autosaveDecision(f), f.dirty);
  };

  it('says when the last save was, in hours and minutes', () => {
    expect(status({ kind: 'saved', at }, { dirty: false })).toBe('Saved at 09:05');
    expect(status({ kind: 'saving' })).toBe('Saving…');
  });

  it('says how many problems keep the changes from being saved', () => {
    expect(status({ kind: 'saved', at }, { errorCount: 1 })).toBe('Not saved: fix 1 problem');
    expect(status({ kind: 'none' }, { errorCount: 3 })).toBe('Not saved: fix 3 problems');
  });

  it('names the newer version saved elsewhere and what to do about it', () => {
    expect(status({ kind: 'conflict', latestVersion: 4 }, { conflict: true })).toBe(
      'Not saved: v4 was saved elsewhere. Reload to see it, or Save draft to put yours after it',
    );
  });

  it('says why the last save failed until the next change is on its way', () => {
    const failed: SaveOutcome = { kind: 'failed', at: 12_000, reason: 'The server could not be reached' };
    expect(status(failed, { failedAt: 12_000, now: 13_000 })).toBe(
      'Not saved: The server could not be reached',
    );
    expect(status(failed, { failedAt: 12_000, changedAt: 12_500, now: 13_000 })).toBe('');
  });

  it('pads the clock time', () => {
    expect(clockTime(new Date(2026, 0, 1, 7, 3))).toBe('07:03');
    expect(clockTime(new Date(2026, 0, 1, 23, 59))).toBe('23:59');
  });
});
