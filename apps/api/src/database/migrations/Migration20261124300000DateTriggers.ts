import { Migration } from '@mikro-orm/migrations';

// One row per date trigger that fired for a record and a date value: the sweep never fires the
// same moment twice, and a moved date (a new value) arms a new one.
export class Migration20261124300000DateTriggers extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "trigger_firings" ("key" text not null, "workflow_id" uuid not null, "trigger_id" text not null, "record_id" uuid not null, "fire_at" timestamptz not null, "run_id" text not null, "fired_at" timestamptz not null default now(), constraint "trigger_firings_pkey" primary key ("key"));`,
    );
  }
}
