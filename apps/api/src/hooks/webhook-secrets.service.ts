import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { AuditService } from '../audit/audit.service';
import type { User } from '../users/user.entity';
import { WorkflowVersion } from '../workflows/workflow-version.entity';
import { Workflow } from '../workflows/workflow.entity';
import { newWebhookSecret } from './signature';
import { WebhookSecret } from './webhook-secret.entity';

/** Where a webhook trigger listens, relative to the API's origin. */
export const hookPath = (workflowId: string, triggerId: string): string =>
  `/api/hooks/${workflowId}/${encodeURIComponent(triggerId)}`;

export interface WebhookView {
  /** Whether a secret has been issued; the secret itself is shown only when it is issued. */
  secretSet: boolean;
  secretCreatedAt: string | null;
  /** One per webhook trigger of the active version. */
  hooks: Array<{ triggerId: string; url: string }>;
}

/** Issues (and re-issues) a workflow's webhook secret and says where its hooks listen. */
@Injectable()
export class WebhookSecretsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  /** A new secret, replacing any earlier one at once; returned this once and never again. */
  async rotate(
    workflowId: string,
    actor: User,
  ): Promise<{ secret: string; createdAt: string } & WebhookView> {
    return this.em.transactional(async (tx) => {
      const workflow = await tx.findOne(Workflow, { id: workflowId });
      if (!workflow) throw new BatonError('NOT_FOUND', 'No workflow with this id', { id: workflowId });
      const existing = await tx.findOne(WebhookSecret, { workflowId });
      const secret = newWebhookSecret();
      const createdAt = new Date();
      if (existing) Object.assign(existing, { secret, createdAt });
      else tx.create(WebhookSecret, { workflowId, secret, createdAt });
      this.audit.record(tx, {
        actor,
        action: existing ? 'workflow.webhook_secret_rotated' : 'workflow.webhook_secret_created',
        entityType: 'workflow',
        entityId: workflowId,
        after: { secretCreatedAt: createdAt.toISOString() },
      });
      await tx.flush();
      const view = await this.view(tx, workflow);
      return { secret, ...view, createdAt: createdAt.toISOString() };
    });
  }

  /** For the workflow view: the active version's hook URLs and whether a secret is set. */
  async view(em: EntityManager, workflow: Workflow): Promise<WebhookView> {
    const row = await em.findOne(WebhookSecret, { workflowId: workflow.id });
    const active = workflow.activeVersionId
      ? await em.findOne(WorkflowVersion, { id: workflow.activeVersionId })
      : null;
    return {
      secretSet: row !== null,
      secretCreatedAt: row?.createdAt.toISOString() ?? null,
      hooks: (active?.definition.triggers ?? [])
        .filter((t) => t.kind === 'webhook')
        .map((t) => ({ triggerId: t.id, url: hookPath(workflow.id, t.id) })),
    };
  }
}
