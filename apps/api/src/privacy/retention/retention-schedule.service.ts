import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { ScheduleAlreadyRunning, ScheduleNotFoundError, type ScheduleOptions } from '@temporalio/client';
import { ENGINE_TASK_QUEUE } from '@baton/contracts';
import type { RetentionSweepInput } from '@baton/workflows';
import { BATON_CONFIG, type BatonConfig } from '../../config';
import { TemporalService } from '../../engine/temporal.service';

export const RETENTION_SWEEP_WORKFLOW = 'retentionSweepWorkflow';

// Daily, at night in UTC. Not under the `baton-schedule:` prefix, which belongs to workflow
// triggers: the trigger reconciler deletes any schedule there it did not derive from a workflow.
export const RETENTION_SCHEDULE = { id: 'baton-privacy-retention', cron: '30 2 * * *' } as const;

const args: [RetentionSweepInput] = [{}];

export const RETENTION_SCHEDULE_OPTIONS: ScheduleOptions = {
  scheduleId: RETENTION_SCHEDULE.id,
  spec: { cronExpressions: [RETENTION_SCHEDULE.cron], timezone: 'UTC' },
  action: {
    type: 'startWorkflow',
    workflowType: RETENTION_SWEEP_WORKFLOW,
    taskQueue: ENGINE_TASK_QUEUE,
    workflowId: 'baton-retention:scheduled',
    args,
  },
  // A sweep still erasing when the next is due makes that one pointless; missed nights collapse
  // into one after an outage.
  policies: { overlap: 'SKIP', catchupWindow: '1 day' },
  state: { paused: false, note: 'Managed by Baton: the lead retention policy (/api/privacy/retention)' },
};

/**
 * Keeps the Temporal Schedule of the retention sweep in place: written at start-up (retried until
 * Temporal answers), so a schedule deleted or changed in Temporal comes back on the next start.
 */
@Injectable()
export class RetentionScheduleService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('privacy');
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly temporal: TemporalService,
    @Inject(BATON_CONFIG) private readonly config: BatonConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Like workflow schedules, the API's business; a worker-only process leaves it alone.
    if (this.config.role === 'worker') return;
    this.running = true;
    this.loop = this.ensureWithRetries();
  }

  // Before, not on, application shutdown, like the outbox dispatcher: a pass still talking to
  // Temporal when its connection closes never settles, and the stop hangs.
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** When the next sweep is due; null when Temporal cannot say right now. */
  async nextRunAt(): Promise<string | null> {
    try {
      const info = await this.temporal.client.schedule.getHandle(RETENTION_SCHEDULE.id).describe();
      return info.info.nextActionTimes[0]?.toISOString() ?? null;
    } catch {
      return null;
    }
  }

  private async ensureWithRetries(): Promise<void> {
    for (let attempt = 0; this.running; attempt++) {
      try {
        await this.ensure();
        return;
      } catch (err) {
        if (this.running && attempt > 0)
          this.logger.warn(
            `retention schedule not written yet: ${err instanceof Error ? err.message : String(err)}`,
          );
      }
      await this.pause(Math.min(1000 * 2 ** attempt, 60_000));
    }
  }

  // Written, not compared, like the workflow schedules: one call, and it undoes edits made in Temporal.
  private async ensure(): Promise<void> {
    const options = RETENTION_SCHEDULE_OPTIONS;
    const handle = this.temporal.client.schedule.getHandle(options.scheduleId);
    const update = () =>
      handle.update(() => ({
        spec: options.spec,
        action: options.action,
        policies: options.policies,
        state: { paused: false, note: options.state?.note },
      }));
    try {
      await update();
    } catch (err) {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
      try {
        await this.temporal.client.schedule.create(options);
        this.logger.log(`created schedule ${options.scheduleId}`);
      } catch (raced) {
        if (!(raced instanceof ScheduleAlreadyRunning)) throw raced;
        await update();
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
