import { Migration } from '@mikro-orm/migrations';

// Segments: saved rules over contacts or leads. A name is unique among live segments only, so an
// archived segment's name can be taken again.
export class Migration20261126200000Segments extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "segments" ("id" uuid not null, "name" text not null, "entity" text check ("entity" in ('contact', 'lead')) not null, "rule" jsonb not null, "description" text null, "owner_id" uuid null references "users" ("id") on update cascade on delete set null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "archived_at" timestamptz null, constraint "segments_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create unique index "segments_name_live_unique" on "segments" (lower("name")) where "archived_at" is null;`,
    );
  }
}
