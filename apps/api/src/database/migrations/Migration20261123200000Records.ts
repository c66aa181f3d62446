import { Migration } from '@mikro-orm/migrations';

// Subscriptions, cases, activities (with admin-extensible kinds) and notes. Activities, notes and
// tasks are found by (record_type, record_id) for lists and the timeline, hence those indexes.
export class Migration20261123200000Records extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "subscriptions" ("id" uuid not null, "account_id" uuid not null references "accounts" ("id") on update cascade, "plan" text not null, "start_date" date not null, "end_date" date not null, "renewal_status" text check ("renewal_status" in ('active', 'renewal_due', 'renewed', 'at_risk', 'churned')) not null default 'active', "warranty_end" date null, "amount" numeric(14,2) not null default 0 check ("amount" >= 0), "owner_id" uuid null references "users" ("id") on update cascade on delete set null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "archived_at" timestamptz null, constraint "subscriptions_pkey" primary key ("id"), constraint "subscriptions_dates_check" check ("end_date" >= "start_date"));`,
    );
    this.addSql(`create index "subscriptions_owner_id_index" on "subscriptions" ("owner_id");`);
    this.addSql(`create index "subscriptions_account_id_index" on "subscriptions" ("account_id");`);
    this.addSql(`create index "subscriptions_end_date_id_index" on "subscriptions" ("end_date", "id");`);
    this.addSql(`create index "subscriptions_created_at_id_index" on "subscriptions" ("created_at", "id");`);

    this.addSql(
      `create table "cases" ("id" uuid not null, "account_id" uuid not null references "accounts" ("id") on update cascade, "contact_id" uuid null references "contacts" ("id") on update cascade on delete set null, "subject" text not null, "description" text null, "priority" text check ("priority" in ('low', 'normal', 'high', 'urgent')) not null default 'normal', "status" text check ("status" in ('open', 'pending', 'resolved', 'closed')) not null default 'open', "sla_due_at" timestamptz not null, "owner_id" uuid null references "users" ("id") on update cascade on delete set null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "archived_at" timestamptz null, constraint "cases_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "cases_owner_id_index" on "cases" ("owner_id");`);
    this.addSql(`create index "cases_account_id_index" on "cases" ("account_id");`);
    this.addSql(`create index "cases_status_index" on "cases" ("status");`);
    this.addSql(`create index "cases_created_at_id_index" on "cases" ("created_at", "id");`);
    this.addSql(`create index "cases_sla_due_at_id_index" on "cases" ("sla_due_at", "id");`);

    this.addSql(
      `create table "activity_kinds" ("id" uuid not null, "key" text not null, "label" text not null, "icon" text null, "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "activity_kinds_pkey" primary key ("id"), constraint "activity_kinds_key_unique" unique ("key"));`,
    );
    // Reference data every install needs, not demo data.
    this.addSql(
      `insert into "activity_kinds" ("id", "key", "label", "icon", "created_at", "updated_at") values ('6a1c0d52-3f0e-4c36-9b8e-0c1a2b3c4d01', 'call', 'Call', 'phone', now(), now()), ('6a1c0d52-3f0e-4c36-9b8e-0c1a2b3c4d02', 'meeting', 'Meeting', 'users', now(), now()), ('6a1c0d52-3f0e-4c36-9b8e-0c1a2b3c4d03', 'email', 'Email', 'mail', now(), now());`,
    );

    this.addSql(
      `create table "activities" ("id" uuid not null, "kind" text not null references "activity_kinds" ("key") on update cascade, "subject" text not null, "body" text null, "occurred_at" timestamptz not null, "duration_minutes" int null check ("duration_minutes" >= 0), "record_type" text not null, "record_id" uuid not null, "author_id" uuid not null references "users" ("id") on update cascade, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "activities_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "activities_record_occurred_index" on "activities" ("record_type", "record_id", "occurred_at", "id");`,
    );

    this.addSql(
      `create table "notes" ("id" uuid not null, "body" text not null check (char_length("body") <= 20000), "record_type" text not null, "record_id" uuid not null, "author_id" uuid not null references "users" ("id") on update cascade, "visibility" text check ("visibility" in ('private', 'shared')) not null default 'private', "shared_with" jsonb not null default '[]', "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "notes_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "notes_record_created_index" on "notes" ("record_type", "record_id", "created_at", "id");`,
    );

    this.addSql(`create index "tasks_record_index" on "tasks" ("record_type", "record_id");`);
    this.addSql(`create index "workflow_runs_record_index" on "workflow_runs" ("record_type", "record_id");`);
    this.addSql(
      `create index "outbox_events_aggregate_index" on "outbox_events" ("aggregate_type", "aggregate_id", "occurred_at");`,
    );
  }
}
