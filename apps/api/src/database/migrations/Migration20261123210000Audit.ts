import { Migration } from '@mikro-orm/migrations';

// login_attempts is counted per email and per IP within a recent window, and pruned by age.
// audit_entries is read newest first, optionally narrowed to one record or one actor.
export class Migration20261123210000Audit extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "login_attempts" ("id" uuid not null, "email" text not null, "ip" text not null, "at" timestamptz not null, constraint "login_attempts_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "login_attempts_email_at_index" on "login_attempts" ("email", "at");`);
    this.addSql(`create index "login_attempts_ip_at_index" on "login_attempts" ("ip", "at");`);
    this.addSql(`create index "login_attempts_at_index" on "login_attempts" ("at");`);

    this.addSql(
      `create table "audit_entries" ("id" uuid not null, "at" timestamptz not null, "actor_id" uuid null references "users" ("id") on update cascade on delete set null, "action" text not null, "entity_type" text not null, "entity_id" text not null, "before" jsonb null, "after" jsonb null, constraint "audit_entries_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_entries_at_id_index" on "audit_entries" ("at", "id");`);
    this.addSql(
      `create index "audit_entries_entity_index" on "audit_entries" ("entity_type", "entity_id", "at", "id");`,
    );
    this.addSql(`create index "audit_entries_actor_index" on "audit_entries" ("actor_id", "at", "id");`);
  }
}
