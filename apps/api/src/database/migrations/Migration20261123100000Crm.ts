import { Migration } from '@mikro-orm/migrations';

// List queries filter on archived_at/owner and keyset-paginate on (sort column, id): each sortable
// column gets a (column, id) index, scanned forwards or backwards for either direction.
export class Migration20261123100000Crm extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "accounts" ("id" uuid not null, "name" text not null, "domain" text null, "industry" text null, "region" text null, "owner_id" uuid null references "users" ("id") on update cascade on delete set null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "archived_at" timestamptz null, constraint "accounts_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "accounts_owner_id_index" on "accounts" ("owner_id");`);
    this.addSql(`create index "accounts_created_at_id_index" on "accounts" ("created_at", "id");`);
    this.addSql(`create index "accounts_updated_at_id_index" on "accounts" ("updated_at", "id");`);
    this.addSql(`create index "accounts_name_id_index" on "accounts" ("name", "id");`);

    this.addSql(
      `create table "contacts" ("id" uuid not null, "name" text not null, "email" text null, "phone" text null, "title" text null, "owner_id" uuid null references "users" ("id") on update cascade on delete set null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "archived_at" timestamptz null, constraint "contacts_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "contacts_owner_id_index" on "contacts" ("owner_id");`);
    this.addSql(`create index "contacts_created_at_id_index" on "contacts" ("created_at", "id");`);
    this.addSql(`create index "contacts_updated_at_id_index" on "contacts" ("updated_at", "id");`);
    this.addSql(`create index "contacts_name_id_index" on "contacts" ("name", "id");`);

    this.addSql(
      `create table "account_contacts" ("id" uuid not null, "account_id" uuid not null references "accounts" ("id") on update cascade on delete cascade, "contact_id" uuid not null references "contacts" ("id") on update cascade on delete cascade, "role" text null, "created_at" timestamptz not null, constraint "account_contacts_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "account_contacts" add constraint "account_contacts_account_id_contact_id_unique" unique ("account_id", "contact_id");`,
    );
    this.addSql(`create index "account_contacts_contact_id_index" on "account_contacts" ("contact_id");`);

    this.addSql(
      `create table "opportunities" ("id" uuid not null, "account_id" uuid not null references "accounts" ("id") on update cascade, "name" text not null, "stage" text check ("stage" in ('prospecting', 'qualification', 'proposal', 'negotiation', 'closed_won', 'closed_lost')) not null default 'prospecting', "amount" numeric(14,2) not null default 0 check ("amount" >= 0), "currency" text not null default 'EUR' check ("currency" ~ '^[A-Z]{3}$'), "close_date" date null, "rfi_reference" text null, "rfp_reference" text null, "offer_deadline" timestamptz null, "owner_id" uuid null references "users" ("id") on update cascade on delete set null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "archived_at" timestamptz null, constraint "opportunities_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "opportunities_owner_id_index" on "opportunities" ("owner_id");`);
    this.addSql(`create index "opportunities_account_id_index" on "opportunities" ("account_id");`);
    this.addSql(`create index "opportunities_stage_index" on "opportunities" ("stage");`);
    this.addSql(`create index "opportunities_created_at_id_index" on "opportunities" ("created_at", "id");`);
    this.addSql(`create index "opportunities_name_id_index" on "opportunities" ("name", "id");`);
    this.addSql(`create index "opportunities_amount_id_index" on "opportunities" ("amount", "id");`);
    this.addSql(`create index "opportunities_close_date_id_index" on "opportunities" ("close_date", "id");`);
    this.addSql(
      `create index "opportunities_offer_deadline_id_index" on "opportunities" ("offer_deadline", "id");`,
    );

    this.addSql(
      `create table "opportunity_contacts" ("opportunity_id" uuid not null references "opportunities" ("id") on update cascade on delete cascade, "contact_id" uuid not null references "contacts" ("id") on update cascade on delete cascade, constraint "opportunity_contacts_pkey" primary key ("opportunity_id", "contact_id"));`,
    );
    this.addSql(
      `create index "opportunity_contacts_contact_id_index" on "opportunity_contacts" ("contact_id");`,
    );

    this.addSql(
      `create table "products" ("id" uuid not null, "sku" text not null, "name" text not null, "description" text null, "unit_price" numeric(14,2) not null check ("unit_price" >= 0), "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "archived_at" timestamptz null, constraint "products_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "products" add constraint "products_sku_unique" unique ("sku");`);
    this.addSql(`create index "products_name_id_index" on "products" ("name", "id");`);
    this.addSql(`create index "products_unit_price_id_index" on "products" ("unit_price", "id");`);
    this.addSql(`create index "products_created_at_id_index" on "products" ("created_at", "id");`);

    this.addSql(
      `create table "quotes" ("id" uuid not null, "name" text not null, "opportunity_id" uuid not null references "opportunities" ("id") on update cascade, "account_id" uuid not null references "accounts" ("id") on update cascade, "status" text check ("status" in ('draft', 'submitted', 'approved', 'rejected', 'sent', 'accepted')) not null default 'draft', "currency" text not null default 'EUR' check ("currency" ~ '^[A-Z]{3}$'), "subtotal" numeric(14,2) not null default 0, "discount_total" numeric(14,2) not null default 0, "total" numeric(14,2) not null default 0, "decision_comment" text null, "decided_by_id" uuid null references "users" ("id") on update cascade on delete set null, "decided_at" timestamptz null, "owner_id" uuid null references "users" ("id") on update cascade on delete set null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "archived_at" timestamptz null, constraint "quotes_pkey" primary key ("id"), constraint "quotes_totals_check" check ("subtotal" >= 0 and "discount_total" >= 0 and "total" = "subtotal" - "discount_total"));`,
    );
    this.addSql(`create index "quotes_owner_id_index" on "quotes" ("owner_id");`);
    this.addSql(`create index "quotes_opportunity_id_index" on "quotes" ("opportunity_id");`);
    this.addSql(`create index "quotes_account_id_index" on "quotes" ("account_id");`);
    this.addSql(`create index "quotes_status_index" on "quotes" ("status");`);
    this.addSql(`create index "quotes_created_at_id_index" on "quotes" ("created_at", "id");`);
    this.addSql(`create index "quotes_name_id_index" on "quotes" ("name", "id");`);
    this.addSql(`create index "quotes_total_id_index" on "quotes" ("total", "id");`);

    this.addSql(
      `create table "quote_lines" ("id" uuid not null, "quote_id" uuid not null references "quotes" ("id") on update cascade on delete cascade, "position" int not null check ("position" >= 0), "product_id" uuid not null references "products" ("id") on update cascade, "quantity" int not null check ("quantity" > 0), "unit_price" numeric(14,2) not null check ("unit_price" >= 0), "discount_percent" numeric(5,2) not null default 0 check ("discount_percent" between 0 and 100), "subtotal" numeric(14,2) not null, "discount" numeric(14,2) not null, "total" numeric(14,2) not null, constraint "quote_lines_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "quote_lines_quote_id_position_index" on "quote_lines" ("quote_id", "position");`,
    );
    this.addSql(`create index "quote_lines_product_id_index" on "quote_lines" ("product_id");`);
  }
}
