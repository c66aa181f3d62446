import { Migration } from '@mikro-orm/migrations';

// A rep may ask for one of their tasks to go to someone else. The request lives on the task while
// it is pending (requested_at set) and is cleared when the task is handed on or done; the outbox
// keeps the history. A suggested colleague who is deleted later just stops being suggested.
export class Migration20261126100000TaskReassignRequests extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "tasks"
      add column "reassign_requested_at" timestamptz null,
      add column "reassign_reason" text null,
      add column "reassign_suggested_assignee_id" uuid null references "users" ("id") on update cascade on delete set null;`);
  }
}
