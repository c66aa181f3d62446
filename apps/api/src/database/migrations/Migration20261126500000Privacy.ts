import { Migration } from '@mikro-orm/migrations';

// Personal-data rights. An erased contact or lead keeps its row (ids, dates, stages, links) and
// says when it was erased. Retention policies: one row per kind of record, leads for now, 24 months
// without activity but off until an admin turns it on (an upgrade must not start erasing data
// nobody chose to erase); the retention sweep reads it on every run.
export class Migration20261126500000Privacy extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "contacts" add column "erased_at" timestamptz null;`);
    this.addSql(`alter table "leads" add column "erased_at" timestamptz null;`);
    // The sweep looks only at leads not erased, not converted, and untouched since the cutoff.
    this.addSql(
      `create index "leads_retention_index" on "leads" ("updated_at", "id") where "erased_at" is null and "converted_at" is null;`,
    );
    this.addSql(
      `create table "retention_policies" ("entity" text not null check ("entity" in ('lead')), "enabled" boolean not null default false, "inactive_months" int not null default 24 check ("inactive_months" between 1 and 240), "updated_at" timestamptz not null default now(), "updated_by_id" uuid null references "users" ("id") on update cascade on delete set null, constraint "retention_policies_pkey" primary key ("entity"));`,
    );
    this.addSql(`insert into "retention_policies" ("entity") values ('lead') on conflict do nothing;`);
  }
}
