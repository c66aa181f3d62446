import { Migration } from '@mikro-orm/migrations';

// Backtests: read by id while they run. At most one runs per workflow version at a time: the
// partial unique index turns a second start into a conflict, whichever replica takes it.
export class Migration20261125400000Backtests extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "backtests" ("id" uuid not null, "workflow_id" uuid not null references "workflows" ("id") on delete cascade, "version" int not null, "compared_version" int null, "entity" text not null, "sample_size" int not null, "status" text check ("status" in ('running', 'completed', 'failed')) not null default 'running', "total" int not null, "done" int not null default 0, "results" jsonb not null, "error" jsonb null, "created_by_id" uuid null references "users" ("id") on update cascade on delete set null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "finished_at" timestamptz null, constraint "backtests_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create unique index "backtests_running_unique" on "backtests" ("workflow_id", "version") where "status" = 'running';`,
    );
  }
}
