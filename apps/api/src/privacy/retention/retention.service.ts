import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { ENGINE_TASK_QUEUE } from '@baton/contracts';
import { BatonError } from '@baton/domain';
import type {
  EnforceRetentionInput,
  EnforceRetentionResult,
  RetentionSweepInput,
  RetentionSweepResult,
} from '@baton/workflows';
import { AuditEntry } from '../../audit/audit-entry.entity';
import { TemporalService } from '../../engine/temporal.service';
import { User } from '../../users/user.entity';
import { ErasureService } from '../erasure.service';
import type { RetentionPolicyInput, RetentionPolicyView, RetentionRunResult } from '../privacy.dto';
import {
  candidateIds,
  countCandidates,
  describeCandidates,
  type CandidateQuery,
} from './retention-candidates';
import { RetentionPolicy } from './retention-policy.entity';
import {
  RETENTION_SCHEDULE,
  RETENTION_SWEEP_WORKFLOW,
  RetentionScheduleService,
} from './retention-schedule.service';

const DRY_RUN_LIST = 500;

/** The lead retention policy, and erasing the leads it says Baton should no longer keep. */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('privacy');

  constructor(
    private readonly orm: MikroORM,
    private readonly erasure: ErasureService,
    private readonly temporal: TemporalService,
    private readonly schedule: RetentionScheduleService,
  ) {}

  async view(): Promise<RetentionPolicyView> {
    const policy = await this.policy(this.orm.em.fork());
    return {
      entity: 'lead',
      enabled: policy.enabled,
      inactiveMonths: policy.inactiveMonths,
      updatedAt: policy.updatedAt.toISOString(),
      updatedBy: policy.updatedBy ? { id: policy.updatedBy.id, name: policy.updatedBy.name } : null,
      schedule: {
        id: RETENTION_SCHEDULE.id,
        cron: RETENTION_SCHEDULE.cron,
        nextRunAt: await this.schedule.nextRunAt(),
      },
    };
  }

  async update(input: RetentionPolicyInput, actor: User): Promise<RetentionPolicyView> {
    await this.orm.em.fork().transactional(async (tx) => {
      const policy = await this.policy(tx);
      const before = { enabled: policy.enabled, inactiveMonths: policy.inactiveMonths };
      Object.assign(policy, input, { updatedAt: new Date(), updatedBy: tx.getReference(User, actor.id) });
      tx.persist(policy);
      tx.create(AuditEntry, {
        actor: tx.getReference(User, actor.id),
        action: 'privacy.retention_changed',
        entityType: 'retention_policy',
        entityId: 'lead',
        before,
        after: input,
      });
    });
    return this.view();
  }

  /** A dry run lists what would go; a real one runs the retention workflow now and waits for it. */
  async runNow(dryRun: boolean, actor: User): Promise<RetentionRunResult> {
    const em = this.orm.em.fork();
    const policy = await this.policy(em);
    if (dryRun) {
      const query: CandidateQuery = { asOf: new Date(), months: policy.inactiveMonths };
      const [ids, total] = await Promise.all([
        candidateIds(em, query, DRY_RUN_LIST),
        countCandidates(em, query),
      ]);
      return {
        dryRun: true,
        cutoff: await this.cutoff(em, query),
        candidates: await describeCandidates(em, ids),
        total,
      };
    }
    if (!policy.enabled) {
      throw new BatonError('CONFLICT', 'The retention policy is switched off; switch it on to run it');
    }
    const args: [RetentionSweepInput] = [{ actorId: actor.id }];
    const result = await this.temporal.client.workflow.execute<
      (input: RetentionSweepInput) => Promise<RetentionSweepResult>
    >(RETENTION_SWEEP_WORKFLOW, {
      taskQueue: ENGINE_TASK_QUEUE,
      workflowId: `baton-retention:manual:${randomUUID()}`,
      args,
    });
    return {
      dryRun: false,
      cutoff: await this.cutoff(em, { asOf: new Date(result.asOf), months: policy.inactiveMonths }),
      erased: result.erased,
      failed: result.failed,
    };
  }

  /** One batch of a retention sweep (the workflow's activity): erases the next inactive leads. */
  async enforce(input: EnforceRetentionInput): Promise<EnforceRetentionResult> {
    const em = this.orm.em.fork();
    const policy = await this.policy(em);
    if (!policy.enabled) return { erased: [], failed: [], lastId: null, disabled: true };
    const ids = await candidateIds(
      em,
      { asOf: new Date(input.asOf), months: policy.inactiveMonths, afterId: input.afterId },
      input.limit,
    );
    const result: EnforceRetentionResult = {
      erased: [],
      failed: [],
      lastId: ids.at(-1) ?? null,
      disabled: false,
    };
    for (const id of ids) {
      try {
        await this.erasure.erase(
          { type: 'lead', id },
          {
            reason: `Retention policy: no activity for ${policy.inactiveMonths} months`,
            actorId: input.actorId,
            trigger: 'retention',
          },
        );
        result.erased.push(id);
      } catch (err) {
        // One lead that cannot be erased now (its runs would not stop) must not hold up the rest.
        this.logger.warn(
          `retention could not erase lead ${id}: ${err instanceof Error ? err.message : String(err)}`,
        );
        result.failed.push(id);
      }
    }
    return result;
  }

  private async policy(em: EntityManager): Promise<RetentionPolicy> {
    const found = await em.findOne(RetentionPolicy, { entity: 'lead' }, { populate: ['updatedBy'] });
    // The migration inserts the row; a database restored without it gets the default back.
    return found ?? em.create(RetentionPolicy, { entity: 'lead' });
  }

  private async cutoff(em: EntityManager, query: CandidateQuery): Promise<string> {
    const [row] = await em.execute<Array<{ cutoff: Date }>>(
      `select ?::timestamptz - make_interval(months => ?) as cutoff`,
      [query.asOf.toISOString(), query.months],
    );
    return new Date(row!.cutoff).toISOString();
  }
}
