/** How long the canvas must stay unchanged before the editor saves a draft on its own. */
export const AUTOSAVE_DELAY_MS = 4000;

/** What the autosave decision reads; times are milliseconds on one clock (e.g. `Date.now()`). */
export interface AutosaveFacts {
  /** The workflow exists on the server. A new one is created by an explicit save, which gives it its key. */
  readonly saved: boolean;
  /** The canvas differs from the version the server holds. */
  readonly dirty: boolean;
  /** Errors in the validation of exactly what is on the canvas; undefined while that is being checked. */
  readonly errorCount: number | undefined;
  /** A save or publish is under way. */
  readonly busy: boolean;
  /** A newer version was saved elsewhere: nothing is saved on its own until the user decides. */
  readonly conflict: boolean;
  /** When the canvas last changed. */
  readonly changedAt: number;
  /** When the last save failed, or null. */
  readonly failedAt: number | null;
  readonly now: number;
}

/**
 * `save` now; `wait` and decide again after `ms`; `invalid`: the server refuses drafts with errors,
 * so nothing is saved until they are fixed; `none`: nothing to do until a fact changes.
 */
export type AutosaveDecision =
  | { readonly kind: 'none' }
  | { readonly kind: 'invalid'; readonly problems: number }
  | { readonly kind: 'wait'; readonly ms: number }
  | { readonly kind: 'save' };

const NONE: AutosaveDecision = { kind: 'none' };

/**
 * Whether to save the draft now: when the workflow exists, the canvas has unsaved changes that
 * validate without errors, nothing else is being saved, and the canvas has been quiet for
 * `delayMs`. A failed save is not retried until the canvas changes again (the status says why it
 * failed, and Save draft is there), so a refusal does not turn into a request every few seconds.
 *
 * @example
 * autosaveDecision({ saved: true, dirty: true, errorCount: 0, busy: false, conflict: false,
 *   changedAt: 1_000, failedAt: null, now: 2_000 }) // { kind: 'wait', ms: 3000 }
 */
export function autosaveDecision(facts: AutosaveFacts, delayMs = AUTOSAVE_DELAY_MS): AutosaveDecision {
  if (!facts.saved || !facts.dirty || facts.conflict || facts.errorCount === undefined) return NONE;
  if (facts.errorCount > 0) return { kind: 'invalid', problems: facts.errorCount };
  if (facts.busy) return NONE;
  if (facts.failedAt !== null && facts.failedAt >= facts.changedAt) return NONE;
  const left = facts.changedAt + delayMs - facts.now;
  return left > 0 ? { kind: 'wait', ms: left } : { kind: 'save' };
}

/** What happened to the last save the editor made (by hand or on its own). */
export type SaveOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly at: Date }
  | { readonly kind: 'failed'; readonly at: number; readonly reason: string }
  /** `latestVersion`: the newer version the server holds, when it said which. */
  | { readonly kind: 'conflict'; readonly latestVersion: number | undefined };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "14:05": hours and minutes of the local time, the same in every locale. */
export function clockTime(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/**
 * The editor's save status line: "Saving…", "Saved at 14:05", "Not saved: fix 2 problems",
 * "Not saved: v4 was saved elsewhere…", or "" when there is nothing to say.
 */
export function autosaveStatus(outcome: SaveOutcome, decision: AutosaveDecision, dirty: boolean): string {
  if (outcome.kind === 'saving') return 'Saving…';
  if (outcome.kind === 'conflict') {
    const newer = outcome.latestVersion === undefined ? 'A newer version' : `v${outcome.latestVersion}`;
    return `Not saved: ${newer} was saved elsewhere. Reload to see it, or Save draft to put yours after it`;
  }
  if (decision.kind === 'invalid') {
    return `Not saved: fix ${plural(decision.problems, 'problem', 'problems')}`;
  }
  if (outcome.kind === 'failed' && dirty && decision.kind === 'none') return `Not saved: ${outcome.reason}`;
  if (outcome.kind === 'saved') return `Saved at ${clockTime(outcome.at)}`;
  return '';
}
