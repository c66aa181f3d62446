import { Migration } from '@mikro-orm/migrations';

// Teams and the management chain (approvals and escalations climb it), in-app notifications, and
// the approval requests a run opens and people decide.
export class Migration20261124000000Approvals extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "teams" ("id" uuid not null, "name" text not null, "manager_id" uuid null references "users" ("id") on update cascade on delete set null, "created_at" timestamptz not null, constraint "teams_pkey" primary key ("id"), constraint "teams_name_unique" unique ("name"));`,
    );
    this.addSql(
      `alter table "users" add column "manager_id" uuid null references "users" ("id") on update cascade on delete set null, add column "team_id" uuid null references "teams" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `create table "notifications" ("id" uuid not null, "user_id" uuid not null references "users" ("id") on update cascade on delete cascade, "title" text not null, "body" text null, "record_type" text null, "record_id" uuid null, "run_id" text null, "idempotency_key" text null, "read_at" timestamptz null, "created_at" timestamptz not null, constraint "notifications_pkey" primary key ("id"), constraint "notifications_idempotency_key_unique" unique ("idempotency_key"));`,
    );
    this.addSql(`create index "notifications_user_index" on "notifications" ("user_id", "created_at");`);
    this.addSql(
      `create table "approvals" ("id" text not null, "run_id" text not null, "step_id" text not null, "stage" int not null, "stage_name" text not null, "reason" text not null, "record_type" text not null, "record_id" uuid not null, "record_label" text not null, "mode" text check ("mode" in ('any', 'all')) not null, "approvers" jsonb not null, "status" text check ("status" in ('pending', 'approved', 'rejected', 'recalled', 'timed_out', 'cancelled')) not null default 'pending', "decisions" jsonb not null default '[]', "escalations" int not null default 0, "requested_by_id" uuid null references "users" ("id") on update cascade on delete set null, "due_at" timestamptz not null, "created_at" timestamptz not null, "decided_at" timestamptz null, constraint "approvals_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "approvals_status_index" on "approvals" ("status", "created_at");`);
    this.addSql(`create index "approvals_record_index" on "approvals" ("record_type", "record_id");`);
  }
}
