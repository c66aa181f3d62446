import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { WebhookTrigger } from '@baton/contracts';
import { BatonError } from '@baton/domain';
import { evaluateRule, truthy } from '@baton/rules';
import { findUnstorableText } from '../common/storable-text';
import { eventIdOf } from '../outbox/event-ids';
import { RunStarterService, triggerEventType } from '../outbox/run-starter.service';
import { WorkflowRun } from '../workflows/workflow-run.entity';
import { WorkflowVersion } from '../workflows/workflow-version.entity';
import { Workflow } from '../workflows/workflow.entity';
import { recordKeyOf } from './payload';
import { findRecord } from './record-lookup';
import { isAuthentic, type HookCredentials } from './signature';
import { WebhookSecret } from './webhook-secret.entity';

/** Deliveries one workflow's hooks accept per minute, all its triggers together. */
export const DELIVERIES_PER_MINUTE = 60;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Delivery {
  workflowId: string;
  triggerId: string;
  credentials: HookCredentials;
  /** The body exactly as received: the signature is over these bytes. */
  body: Buffer;
  /** A sender's retry of one delivery carries the same key and starts no second run. */
  idempotencyKey?: string | undefined;
}

export type DeliveryResult =
  { runId: string } | { runId: null; reason: 'condition' | 'reenroll'; message: string };

/** Inbound webhooks: authenticates a delivery, finds its record and starts the run. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly em: EntityManager,
    private readonly starter: RunStarterService,
  ) {}

  async deliver(delivery: Delivery): Promise<DeliveryResult> {
    // An unknown workflow and a wrong secret get the same answer, so hook URLs cannot be probed for
    // which workflows exist. Once the caller has proved it holds the secret, nothing is hidden: an
    // unknown trigger is a plain 404.
    const secret = UUID.test(delivery.workflowId)
      ? await this.em.findOne(WebhookSecret, { workflowId: delivery.workflowId })
      : null;
    if (!isAuthentic(delivery.credentials, delivery.body, secret?.secret)) {
      throw new BatonError(
        'WEBHOOK_UNAUTHORIZED',
        'Send the workflow\'s webhook secret as "Authorization: Bearer <secret>" or sign the body ("X-Baton-Signature: sha256=<hmac>")',
      );
    }
    // Counted only once authenticated: strangers cannot use up the sender's allowance.
    await this.countDelivery(delivery.workflowId);
    const payload = parsePayload(delivery.body);
    const { workflow, version, trigger } = await this.webhookTrigger(delivery.workflowId, delivery.triggerId);

    const key = recordKeyOf(trigger.match, payload);
    if ('problem' in key) throw new BatonError('RECORD_NOT_FOUND', key.problem, { entity: trigger.entity });
    const record = await findRecord(this.em, trigger.entity, key);
    const data = { [trigger.entity]: record.fields, steps: {}, trigger: { payload } };
    if (
      trigger.condition !== undefined &&
      !truthy(evaluateRule(trigger.condition, data, { now: Date.now() }))
    ) {
      return {
        runId: null,
        reason: 'condition',
        message: "The trigger's condition does not hold for this record",
      };
    }

    const eventId =
      delivery.idempotencyKey === undefined
        ? randomUUID()
        : eventIdOf(`webhook:${workflow.id}:${trigger.id}:${delivery.idempotencyKey}`);
    // A retried delivery gets the run the first one started, even where re-enrollment would now refuse.
    const earlier = await this.em.findOne(WorkflowRun, { workflowId: workflow.id, eventId });
    if (earlier) return { runId: earlier.id };
    const outcome = await this.starter.start(this.em, {
      workflow,
      version,
      trigger,
      recordId: record.id,
      event: { id: eventId, type: triggerEventType(trigger), occurredAt: new Date(), actorId: null },
      payload,
    });
    switch (outcome.status) {
      case 'started':
        return { runId: outcome.runId };
      case 'refused':
        throw new BatonError('RATE_LIMITED', outcome.message, { runId: outcome.runId });
      case 'not_enrolled':
        return {
          runId: null,
          reason: 'reenroll',
          message: 'The record already went through this workflow and may not enter again yet',
        };
    }
  }

  private async webhookTrigger(
    workflowId: string,
    triggerId: string,
  ): Promise<{ workflow: Workflow; version: WorkflowVersion; trigger: WebhookTrigger }> {
    const workflow = await this.em.findOneOrFail(Workflow, { id: workflowId });
    if (workflow.archived) throw new BatonError('CONFLICT', 'The workflow is archived; restore it first');
    const version = workflow.activeVersionId
      ? await this.em.findOne(WorkflowVersion, { id: workflow.activeVersionId })
      : null;
    if (!version) throw new BatonError('CONFLICT', 'The workflow has no published version');
    const trigger = version.definition.triggers.find((t) => t.id === triggerId);
    if (trigger?.kind !== 'webhook') {
      throw new BatonError('NOT_FOUND', `The published version has no webhook trigger "${triggerId}"`, {
        triggerId,
      });
    }
    return { workflow, version, trigger };
  }

  // A fixed one-minute window per workflow, counted in its secret's row: one atomic statement, so
  // every API replica counts against the same allowance.
  private async countDelivery(workflowId: string): Promise<void> {
    const [row] = await this.em.execute<Array<{ window_count: number; window_started_at: Date }>>(
      `update webhook_secrets set
         window_started_at = case when window_started_at > now() - interval '1 minute' then window_started_at else now() end,
         window_count = case when window_started_at > now() - interval '1 minute' then window_count + 1 else 1 end
       where workflow_id = ? returning window_count, window_started_at`,
      [workflowId],
    );
    if (row && row.window_count > DELIVERIES_PER_MINUTE) {
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil((new Date(row.window_started_at).getTime() + 60_000 - Date.now()) / 1000),
      );
      throw new BatonError(
        'RATE_LIMITED',
        `More than ${DELIVERIES_PER_MINUTE} deliveries to this workflow's hooks in a minute`,
        { retryAfterSeconds, limitPerMinute: DELIVERIES_PER_MINUTE },
      );
    }
  }
}

function parsePayload(body: Buffer): Record<string, unknown> {
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString('utf8'));
  } catch {
    throw new BatonError('MALFORMED_JSON', 'The request body is not valid JSON');
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
    throw new BatonError('VALIDATION_FAILED', 'Send a JSON object');
  // The run's steps may write payload values to the database, which could not store these.
  const field = findUnstorableText(payload, 'payload');
  if (field !== undefined) {
    throw new BatonError(
      'VALIDATION_FAILED',
      'Text may not contain NUL characters or unpaired UTF-16 surrogates',
      {
        field,
      },
    );
  }
  return payload as Record<string, unknown>;
}
