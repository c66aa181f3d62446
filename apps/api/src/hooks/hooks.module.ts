import { Module } from '@nestjs/common';
import { SchedulesModule } from '../engine/schedules/schedules.module';
import { HooksController } from './hooks.controller';
import { WebhookSecretController } from './webhook-secret.controller';
import { WebhookSecretsService } from './webhook-secrets.service';
import { WebhooksService } from './webhooks.service';
import { WorkflowTriggersService } from './workflow-triggers.service';

/**
 * Triggers that do not come through the outbox: inbound webhooks (and their secrets) here, and
 * schedule triggers (re-exported, for the engine's activities) from the engine.
 */
@Module({
  imports: [SchedulesModule],
  controllers: [HooksController, WebhookSecretController],
  providers: [WebhooksService, WebhookSecretsService, WorkflowTriggersService],
  exports: [WorkflowTriggersService, SchedulesModule],
})
export class HooksModule {}
