import { Migration } from '@mikro-orm/migrations';

// Email campaigns and the consent they depend on.
// - consents: a contact's yes to a purpose; withdrawing keeps the row (the record of what was agreed
//   and when), so at most one live consent per contact and purpose.
// - unsubscribes: "no more of these", by contact and/or address; purpose null means every purpose.
// - campaign_recipients: one row per contact of a campaign, claimed before its mail is sent, so a
//   retried batch never sends twice; `token` names the recipient in the open pixel and unsubscribe link.
// - campaign_links: every link of every recipient's mail, under a random token of its own.
// - campaign_events: delivered, opened, clicked, unsubscribed and bounced, for results and triggers.
export class Migration20261126300000Campaigns extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "consents" ("id" uuid not null, "contact_id" uuid not null references "contacts" ("id") on delete cascade, "purpose" text not null, "source" text not null, "given_at" timestamptz not null, "withdrawn_at" timestamptz null, "recorded_by_id" uuid null references "users" ("id") on delete set null, constraint "consents_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create unique index "consents_live_unique" on "consents" ("contact_id", "purpose") where "withdrawn_at" is null;`,
    );

    this.addSql(
      `create table "campaigns" ("id" uuid not null, "name" text not null, "segment_id" uuid null references "segments" ("id") on delete set null, "purpose" text not null, "subject" text not null, "body" text not null, "body_format" text check ("body_format" in ('text', 'html')) not null default 'html', "status" text check ("status" in ('draft', 'scheduled', 'sending', 'sent', 'cancelled', 'failed')) not null default 'draft', "scheduled_at" timestamptz null, "rate_per_minute" int not null default 600, "batch_size" int not null default 50, "link_base_url" text null, "error" jsonb null, "created_by_id" uuid null references "users" ("id") on delete set null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "started_at" timestamptz null, "finished_at" timestamptz null, "version" int not null default 1, constraint "campaigns_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "campaigns_created_at_index" on "campaigns" ("created_at", "id");`);

    this.addSql(
      `create table "unsubscribes" ("id" uuid not null, "contact_id" uuid null references "contacts" ("id") on delete cascade, "email" text null, "purpose" text null, "campaign_id" uuid null references "campaigns" ("id") on delete set null, "source" text not null, "created_at" timestamptz not null, constraint "unsubscribes_pkey" primary key ("id"), constraint "unsubscribes_who" check ("contact_id" is not null or "email" is not null));`,
    );
    this.addSql(`create index "unsubscribes_contact_index" on "unsubscribes" ("contact_id");`);
    this.addSql(`create index "unsubscribes_email_index" on "unsubscribes" (lower("email"));`);

    this.addSql(
      `create table "campaign_recipients" ("id" uuid not null, "campaign_id" uuid not null references "campaigns" ("id") on delete cascade, "contact_id" uuid not null references "contacts" ("id") on delete cascade, "email" text null, "status" text check ("status" in ('sending', 'sent', 'skipped', 'bounced', 'failed')) not null, "reason" text null, "message_id" text null, "token" text not null, "created_at" timestamptz not null, "sent_at" timestamptz null, constraint "campaign_recipients_pkey" primary key ("id"), constraint "campaign_recipients_contact_unique" unique ("campaign_id", "contact_id"), constraint "campaign_recipients_token_unique" unique ("token"));`,
    );
    this.addSql(
      `create index "campaign_recipients_message_id_index" on "campaign_recipients" ("message_id");`,
    );

    this.addSql(
      `create table "campaign_links" ("token" text not null, "recipient_id" uuid not null references "campaign_recipients" ("id") on delete cascade, "position" int not null, "url" text not null, constraint "campaign_links_pkey" primary key ("token"), constraint "campaign_links_position_unique" unique ("recipient_id", "position"));`,
    );

    this.addSql(
      `create table "campaign_events" ("id" uuid not null, "campaign_id" uuid not null references "campaigns" ("id") on delete cascade, "recipient_id" uuid not null references "campaign_recipients" ("id") on delete cascade, "contact_id" uuid not null references "contacts" ("id") on delete cascade, "type" text check ("type" in ('delivered', 'opened', 'clicked', 'unsubscribed', 'bounced')) not null, "url" text null, "detail" text null, "at" timestamptz not null, constraint "campaign_events_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "campaign_events_campaign_index" on "campaign_events" ("campaign_id", "type", "at");`,
    );
    this.addSql(
      `create index "campaign_events_recipient_index" on "campaign_events" ("recipient_id", "type");`,
    );
  }
}
