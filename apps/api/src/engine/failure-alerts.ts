import type { EntityManager } from '@mikro-orm/postgresql';
import type { RecordRunStatusInput } from '@baton/contracts';
import { Notification } from '../notifications/notification.entity';
import { User } from '../users/user.entity';
import { Workflow } from '../workflows/workflow.entity';

/**
 * Tells the workflow's owner that a run failed, where and why. Without an active owner every
 * operations admin hears it, so a failure never goes unseen. Keyed by run and trail length: the
 * same failure stored twice tells once, a retried run failing again tells again.
 */
export async function alertWorkflowOwner(em: EntityManager, input: RecordRunStatusInput): Promise<void> {
  const workflow = await em.findOne(Workflow, { id: input.origin.workflowId });
  const owner = workflow?.ownerId ? await em.findOne(User, { id: workflow.ownerId, active: true }) : null;
  const recipients = owner ? [owner] : await em.find(User, { role: 'admin', active: true });
  const where = input.error?.stepId ? ` at step "${input.error.stepId}"` : '';
  for (const user of recipients) {
    const idempotencyKey = `${input.runId}:failed:${input.trail.length}:${user.id}`;
    if (await em.findOne(Notification, { idempotencyKey })) continue;
    em.create(Notification, {
      userId: user.id,
      title: `A run of "${input.origin.workflowName}" failed${where}`,
      body: input.error ? `${input.error.code}: ${input.error.message}` : null,
      recordType: input.record.type,
      recordId: input.record.id,
      runId: input.runId,
      idempotencyKey,
    });
  }
}
