/** What a schedule trigger's Temporal Schedule starts on each tick. */
export interface ScheduledSweepInput {
  workflowId: string;
  triggerId: string;
}

/** One tick's sweep; `tickId` (the sweep workflow's id) makes the runs it starts idempotent. */
export interface SweepScheduleInput extends ScheduledSweepInput {
  tickId: string;
  firedAt: string;
}

export interface ScheduledSweepResult {
  /** Records whose condition held (and that the re-enrollment policy did not exclude up front). */
  matched: number;
  started: number;
  /** Refused by the per-record run limit: recorded as failed runs with `RATE_LIMITED`. */
  refused: number;
  /** Set when the workflow is archived or its active version no longer has this schedule trigger. */
  stale?: boolean;
}

/** The activity a schedule tick runs, beside the interpreter's bookkeeping. */
export interface ScheduleActivities {
  sweepSchedule(input: SweepScheduleInput): Promise<ScheduledSweepResult>;
}

/** Id of the Temporal Schedule behind a workflow's schedule trigger. */
export const scheduleIdOf = (workflowId: string, triggerId: string): string =>
  `baton-schedule:${workflowId}:${triggerId}`;

/** Every Baton schedule id starts with this; anything else in the namespace is left alone. */
export const SCHEDULE_ID_PREFIX = 'baton-schedule:';
