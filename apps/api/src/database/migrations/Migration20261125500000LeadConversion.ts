import { Migration } from '@mikro-orm/migrations';

// Lead conversion: a converted lead points at the account, contact and (optional) opportunity it
// became, and says when. Baton archives those records rather than deleting them, so the links
// hold; a row deleted by hand leaves the lead converted but no longer saying into what.
export class Migration20261125500000LeadConversion extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "leads"
      add column "converted_account_id" uuid null references "accounts" ("id") on update cascade on delete set null,
      add column "converted_contact_id" uuid null references "contacts" ("id") on update cascade on delete set null,
      add column "converted_opportunity_id" uuid null references "opportunities" ("id") on update cascade on delete set null,
      add column "converted_at" timestamptz null;`);
  }
}
