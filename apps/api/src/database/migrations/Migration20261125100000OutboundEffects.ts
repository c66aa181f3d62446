import { Migration } from '@mikro-orm/migrations';

// Emails sent and webhook answers received by steps, so a retried step does not send again.
export class Migration20261125100000OutboundEffects extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "outbound_effects" ("key" text not null, "run_id" text not null, "step_id" text not null, "result" jsonb not null, "created_at" timestamptz not null, constraint "outbound_effects_pkey" primary key ("key"));`,
    );
    this.addSql(`create index "outbound_effects_run_id_index" on "outbound_effects" ("run_id");`);
  }
}
