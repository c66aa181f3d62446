import { Migration } from '@mikro-orm/migrations';

// One inbound-webhook secret per workflow, with the counter of its current one-minute delivery
// window; it goes when the workflow does.
export class Migration20261125300000WebhookSecrets extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "webhook_secrets" ("workflow_id" uuid not null, "secret" text not null, "created_at" timestamptz not null default now(), "window_started_at" timestamptz null, "window_count" integer not null default 0, constraint "webhook_secrets_pkey" primary key ("workflow_id"), constraint "webhook_secrets_workflow_id_foreign" foreign key ("workflow_id") references "workflows" ("id") on delete cascade);`,
    );
  }
}
