import { Migration } from '@mikro-orm/migrations';

// CSV import jobs: read by id while they run; listed newest first per creator.
export class Migration20261123230000Imports extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "imports" ("id" uuid not null, "entity" text check ("entity" in ('leads', 'contacts')) not null, "status" text check ("status" in ('queued', 'running', 'completed', 'failed')) not null default 'queued', "total_rows" int null, "processed" int not null default 0, "succeeded" int not null default 0, "failed" int not null default 0, "rows_per_second" double precision not null default 0, "bytes_total" int null, "bytes_read" int not null default 0, "started_at" timestamptz null, "finished_at" timestamptz null, "errors" jsonb not null default '[]', "created_by_id" uuid null references "users" ("id") on update cascade on delete set null, "created_at" timestamptz not null, constraint "imports_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "imports_created_by_index" on "imports" ("created_by_id", "created_at");`);
  }
}
