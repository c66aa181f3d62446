import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { ApprovalsController } from './approvals/approvals.controller';
import { ApprovalsService } from './approvals/approvals.service';
import { AuditController } from './audit/audit.controller';
import { AuditService } from './audit/audit.service';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { LoginThrottleService } from './auth/login-throttle.service';
import { ErrorFilter } from './common/error.filter';
import { CrmModule } from './crm.module';
import { BATON_CONFIG, type BatonConfig } from './config';
import { mikroOrmConfig } from './database/mikro-orm.config';
import { DateTriggersService } from './engine/date-triggers.service';
import { EngineActivitiesService } from './engine/engine-activities.service';
import { EngineWorkerService } from './engine/engine-worker.service';
import { activityRegistryProvider } from './engine/activity-registry.provider';
import { ActivityTypesController } from './engine/activity-types.controller';
import { TemporalService } from './engine/temporal.service';
import { HealthController } from './health/health.controller';
import { LeadsController } from './leads/leads.controller';
import { LeadsService } from './leads/leads.service';
import { NotificationListenerService } from './notifications/notification-listener.service';
import { NotificationStreamService } from './notifications/notification-stream.service';
import { NotificationsController } from './notifications/notifications.controller';
import { NotificationsService } from './notifications/notifications.service';
import { OutboxDispatcherService } from './outbox/outbox-dispatcher.service';
import { OutboxService } from './outbox/outbox.service';
import { RunStarterService } from './outbox/run-starter.service';
import { HooksModule } from './hooks/hooks.module';
import { BacktestsModule } from './backtests/backtests.module';
import { MetricsModule } from './metrics/metrics.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { SegmentsModule } from './segments/segments.module';
import { KnowledgeModule } from './knowledge/knowledge.module';
import { PrivacyModule } from './privacy/privacy.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { TasksController } from './tasks/tasks.controller';
import { TasksService } from './tasks/tasks.service';
import { UsersController } from './users/users.controller';
import { TeamsController } from './teams/teams.controller';
import { TeamsService } from './teams/teams.service';
import { UsersService } from './users/users.service';
import { WorkflowsService } from './workflows/workflows.service';
import { DefinitionValidatorService } from './workflows/definition-validator.service';
import { WorkflowVersionsService } from './workflows/workflow-versions.service';
import { WorkflowsController } from './workflows/workflows.controller';
import { RulesController } from './rules/rules.controller';
import { RulesService } from './rules/rules.service';
import { RunsController } from './runs/runs.controller';
import { RunsService } from './runs/runs.service';
import { RunResumeService } from './runs/run-resume.service';
import { RunOnRecordController } from './runs/run-on-record.controller';
import { RunOnRecordService } from './runs/run-on-record.service';

@Module({})
export class AppModule {
  static forRoot(config: BatonConfig): DynamicModule {
    return {
      module: AppModule,
      // Feature modules (CrmModule, …) use the shared services below without re-declaring them.
      global: true,
      exports: [
        BATON_CONFIG,
        OutboxService,
        TemporalService,
        AuditService,
        ApprovalsService,
        RunStarterService,
      ],
      imports: [
        MikroOrmModule.forRoot(mikroOrmConfig(config.databaseUrl, config.dbPoolSize)),
        CrmModule,
        HooksModule,
        BacktestsModule,
        DashboardModule,
        MetricsModule,
        SegmentsModule,
        KnowledgeModule,
        PrivacyModule,
        CampaignsModule,
      ],
      controllers: [
        ActivityTypesController,
        ApprovalsController,
        AuditController,
        AuthController,
        HealthController,
        LeadsController,
        NotificationsController,
        RulesController,
        RunsController,
        RunOnRecordController,
        TasksController,
        UsersController,
        TeamsController,
        WorkflowsController,
      ],
      providers: [
        { provide: BATON_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        AuthService,
        LoginThrottleService,
        AuditService,
        ApprovalsService,
        NotificationsService,
        NotificationListenerService,
        NotificationStreamService,
        UsersService,
        TeamsService,
        LeadsService,
        TasksService,
        WorkflowsService,
        RunsService,
        RunResumeService,
        RunOnRecordService,
        RulesService,
        RunStarterService,
        WorkflowVersionsService,
        DefinitionValidatorService,
        OutboxService,
        OutboxDispatcherService,
        DateTriggersService,
        TemporalService,
        activityRegistryProvider,
        EngineActivitiesService,
        EngineWorkerService,
      ],
    };
  }
}
