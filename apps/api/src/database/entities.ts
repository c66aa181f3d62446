import { Account } from '../accounts/account.entity';
import { Activity } from '../activities/activity.entity';
import { ActivityKind } from '../activities/activity-kind.entity';
import { Approval } from '../approvals/approval.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Backtest } from '../backtests/backtest.entity';
import { Segment } from '../segments/segment.entity';
import { LoginAttempt } from '../auth/login-attempt.entity';
import { Session } from '../auth/session.entity';
import { SupportCase } from '../cases/case.entity';
import { CaseArticle } from '../cases/case-article.entity';
import { KbArticle } from '../knowledge/kb-article.entity';
import { KbCannedAnswer } from '../knowledge/kb-canned-answer.entity';
import { KbCategory } from '../knowledge/kb-category.entity';
import { AccountContact, Contact } from '../contacts/contact.entity';
import { StepEffect } from '../engine/step-effect.entity';
import { OutboundEffect } from '../engine/outbound/outbound-effect.entity';
import { WebhookSecret } from '../hooks/webhook-secret.entity';
import { ImportJob } from '../imports/import-job.entity';
import { Lead } from '../leads/lead.entity';
import { Note } from '../notes/note.entity';
import { Opportunity } from '../opportunities/opportunity.entity';
import { OutboxEvent } from '../outbox/outbox-event.entity';
import { Product } from '../products/product.entity';
import { Quote, QuoteLine } from '../quotes/quote.entity';
import { Subscription } from '../subscriptions/subscription.entity';
import { Task } from '../tasks/task.entity';
import { Team } from '../teams/team.entity';
import { Notification } from '../notifications/notification.entity';
import { User } from '../users/user.entity';
import { Workflow } from '../workflows/workflow.entity';
import { WorkflowRun } from '../workflows/workflow-run.entity';
import { WorkflowVersion } from '../workflows/workflow-version.entity';
import { RetentionPolicy } from '../privacy/retention/retention-policy.entity';
import { Campaign } from '../campaigns/campaign.entity';
import { Consent, Unsubscribe } from '../consents/consent.entity';

// Listed, not discovered by glob, so the same list works from src/ under Jest and from dist/.
export const ENTITIES = [
  User,
  Session,
  Lead,
  Task,
  Workflow,
  WorkflowVersion,
  WorkflowRun,
  OutboxEvent,
  StepEffect,
  OutboundEffect,
  Account,
  Contact,
  AccountContact,
  Opportunity,
  Product,
  Quote,
  QuoteLine,
  Subscription,
  SupportCase,
  ActivityKind,
  Activity,
  Note,
  LoginAttempt,
  AuditEntry,
  ImportJob,
  Team,
  Notification,
  Approval,
  WebhookSecret,
  Backtest,
  Segment,
  KbCategory,
  KbArticle,
  KbCannedAnswer,
  CaseArticle,
  RetentionPolicy,
  Campaign,
  Consent,
  Unsubscribe,
];
