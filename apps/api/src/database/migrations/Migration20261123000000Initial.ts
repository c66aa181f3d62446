import { Migration } from '@mikro-orm/migrations';

export class Migration20261123000000Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "users" ("id" uuid not null, "email" text not null, "name" text not null, "role" text check ("role" in ('admin', 'sales_rep', 'approver', 'manager', 'engineer')) not null, "password_hash" text not null, "active" boolean not null default true, "created_at" timestamptz not null, constraint "users_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);

    this.addSql(
      `create table "sessions" ("id" uuid not null, "token_hash" text not null, "user_id" uuid not null references "users" ("id") on update cascade on delete cascade, "expires_at" timestamptz not null, "created_at" timestamptz not null, constraint "sessions_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "sessions" add constraint "sessions_token_hash_unique" unique ("token_hash");`);

    this.addSql(
      `create table "leads" ("id" uuid not null, "name" text not null, "email" text null, "company" text null, "phone" text null, "source" text check ("source" in ('web', 'referral', 'event', 'partner', 'cold_call', 'other')) not null default 'web', "status" text check ("status" in ('new', 'working', 'qualified', 'unqualified', 'converted')) not null default 'new', "score" int null, "region" text null, "owner_id" uuid null references "users" ("id") on update cascade on delete set null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "leads_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "leads_created_at_id_index" on "leads" ("created_at" desc, "id" desc);`);
    this.addSql(`create index "leads_owner_id_index" on "leads" ("owner_id");`);

    this.addSql(
      `create table "tasks" ("id" uuid not null, "title" text not null, "description" text null, "status" text check ("status" in ('open', 'done')) not null default 'open', "priority" text check ("priority" in ('low', 'normal', 'high')) not null default 'normal', "due_at" timestamptz not null, "assignee_id" uuid not null references "users" ("id") on update cascade, "record_type" text null, "record_id" uuid null, "record_label" text null, "created_by_id" uuid null references "users" ("id") on update cascade on delete set null, "run_id" text null, "workflow_id" uuid null, "workflow_name" text null, "workflow_version" int null, "step_id" text null, "idempotency_key" text null, "created_at" timestamptz not null, "completed_at" timestamptz null, constraint "tasks_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "tasks" add constraint "tasks_idempotency_key_unique" unique ("idempotency_key");`,
    );
    this.addSql(
      `create index "tasks_assignee_status_due_index" on "tasks" ("assignee_id", "status", "due_at", "id");`,
    );

    this.addSql(
      `create table "workflows" ("id" uuid not null, "key" text not null, "name" text not null, "entity" text not null, "active_version_id" uuid null, "archived" boolean not null default false, "created_at" timestamptz not null, constraint "workflows_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "workflows" add constraint "workflows_key_unique" unique ("key");`);
    this.addSql(
      `create index "workflows_active_entity_index" on "workflows" ("entity") where "active_version_id" is not null and not "archived";`,
    );

    this.addSql(
      `create table "workflow_versions" ("id" uuid not null, "workflow_id" uuid not null references "workflows" ("id") on update cascade, "version" int not null, "definition" jsonb not null, "status" text check ("status" in ('draft', 'published')) not null default 'draft', "note" text null, "published_at" timestamptz null, "created_at" timestamptz not null, constraint "workflow_versions_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "workflow_versions" add constraint "workflow_versions_workflow_id_version_unique" unique ("workflow_id", "version");`,
    );

    this.addSql(
      `create table "workflow_runs" ("id" text not null, "workflow_id" uuid not null, "version_id" uuid not null, "version" int not null, "event_id" uuid not null, "record_type" text not null, "record_id" uuid not null, "status" text check ("status" in ('running', 'completed', 'failed')) not null default 'running', "steps_run" jsonb not null, "error" jsonb null, "started_at" timestamptz not null, "finished_at" timestamptz null, constraint "workflow_runs_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "workflow_runs_workflow_started_index" on "workflow_runs" ("workflow_id", "started_at" desc);`,
    );

    this.addSql(
      `create table "outbox_events" ("id" uuid not null, "type" text not null, "aggregate_type" text not null, "aggregate_id" uuid not null, "payload" jsonb not null, "occurred_at" timestamptz not null, "dispatched_at" timestamptz null, "attempts" int not null default 0, "last_error" text null, constraint "outbox_events_pkey" primary key ("id"));`,
    );
    // The dispatcher only ever scans undispatched events, oldest first.
    this.addSql(
      `create index "outbox_events_pending_index" on "outbox_events" ("occurred_at") where "dispatched_at" is null;`,
    );

    this.addSql(
      `create table "step_effects" ("idempotency_key" text not null, "run_id" text not null, "step_id" text not null, "output" jsonb not null, "created_at" timestamptz not null, constraint "step_effects_pkey" primary key ("idempotency_key"));`,
    );
    this.addSql(
      `create table "assignment_cursors" ("pool" text not null, "position" int not null default 0, constraint "assignment_cursors_pkey" primary key ("pool"));`,
    );
    this.addSql(
      `create table "baton_meta" ("key" text not null, "value" jsonb not null, constraint "baton_meta_pkey" primary key ("key"));`,
    );
  }
}
