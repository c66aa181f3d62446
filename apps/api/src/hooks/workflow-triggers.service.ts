import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SchedulesService } from '../engine/schedules/schedules.service';
import type { Workflow } from '../workflows/workflow.entity';
import { WebhookSecretsService, type WebhookView } from './webhook-secrets.service';

/** What the workflows feature needs from triggers that live outside the outbox: schedules and hooks. */
@Injectable()
export class WorkflowTriggersService {
  private readonly logger = new Logger('triggers');

  constructor(
    private readonly schedules: SchedulesService,
    private readonly secrets: WebhookSecretsService,
  ) {}

  /**
   * After a publish, archive or restore has committed: the workflow's Temporal Schedules follow at
   * once. A failure here must not undo the change, which is made; the schedule watch retries.
   */
  async changed(workflowId: string): Promise<void> {
    try {
      await this.schedules.reconcileWorkflow(workflowId);
    } catch (err) {
      this.logger.warn(
        `schedules of workflow ${workflowId} not reconciled yet: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  /** For the workflow's own view: its hook URLs and whether a webhook secret is set. */
  webhooks(em: EntityManager, workflow: Workflow): Promise<WebhookView> {
    return this.secrets.view(em, workflow);
  }
}
