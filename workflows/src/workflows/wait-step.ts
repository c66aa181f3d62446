import { condition, defineSignal, setHandler } from '@temporalio/workflow';
import { delayMilliseconds, RECORD_CHANGED_SIGNAL } from '@baton/contracts/engine';
import type { Intention, WaitForConfig as WaitConfig } from '@baton/contracts';
import type { BusinessHours } from '@baton/domain';

/** What a wait reads each time it looks: the record's fields and a way to test a rule on them. */
export type RecordView = () => Promise<{
  fields: Record<string, unknown>;
  holds: (rule: unknown) => boolean;
}>;

export const recordChangedSignal = defineSignal(RECORD_CHANGED_SIGNAL);

/**
 * Waits on the triggering record. The dispatcher signals the run whenever the record changes, so a
 * wait re-checks its condition (and re-reads a deadline field) at once instead of polling.
 */
export class RecordWaits {
  private changes = 0;

  /** `hours`: the definition's business hours, for business-hour timeouts. */
  constructor(private readonly hours?: BusinessHours) {
    setHandler(recordChangedSignal, () => {
      this.changes += 1;
    });
  }

  async waitFor(config: WaitConfig, view: RecordView): Promise<Record<string, unknown>> {
    const started = Date.now();
    for (;;) {
      const seen = this.changes;
      const { fields, holds } = await view();
      if (holds(config.until)) return { outcome: 'met', waitedMs: Date.now() - started };
      const remaining = deadline(config, fields, started, this.hours) - Date.now();
      if (remaining <= 0) return { outcome: 'timed_out', waitedMs: Date.now() - started };
      await condition(() => this.changes !== seen, remaining);
    }
  }

  /** A dry run looks once: met now, or it would wait (and is taken to time out). */
  async preview(
    config: WaitConfig,
    view: RecordView,
  ): Promise<{ output: Record<string, unknown>; intentions: Intention[] }> {
    const { fields, holds } = await view();
    if (holds(config.until)) return { output: { outcome: 'met', waitedMs: 0 }, intentions: [] };
    const until = new Date(deadline(config, fields, Date.now(), this.hours)).toISOString();
    return {
      output: { outcome: 'timed_out', waitedMs: 0 },
      intentions: [
        {
          kind: 'wait',
          summary: `Wait for the condition until ${until}; assumed not met`,
          details: { ...config, until },
        },
      ],
    };
  }
}

// The record's own date when it is still ahead at the start (re-read on every change, so moving
// the date re-arms the wait); otherwise the fixed timeout from the start of the wait.
function deadline(
  config: WaitConfig,
  fields: Record<string, unknown>,
  started: number,
  hours?: BusinessHours,
): number {
  const raw =
    config.deadlineField !== undefined && Object.hasOwn(fields, config.deadlineField)
      ? fields[config.deadlineField]
      : undefined;
  const at = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
  if (!Number.isNaN(at) && at > started) return at;
  return config.timeout ? started + delayMilliseconds(config.timeout, started, hours) : started;
}
