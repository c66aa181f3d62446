import { Migration } from '@mikro-orm/migrations';

// Notifications are written by the API and by workers in other processes; the trigger tells every
// API process, which pushes the news to the user's open streams (GET /api/notifications/stream).
// The payload is only the user id: NOTIFY payloads are capped at 8000 bytes and readers re-query anyway.
export class Migration20261124100000NotificationStream extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function "notifications_announce"() returns trigger language plpgsql as $$
begin
  perform pg_notify('baton_notifications', new.user_id::text);
  return null;
end
$$;`);
    this.addSql(`drop trigger if exists "notifications_announce" on "notifications";`);
    this.addSql(
      `create trigger "notifications_announce" after insert on "notifications" for each row execute function "notifications_announce"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "notifications_announce" on "notifications";`);
    this.addSql(`drop function if exists "notifications_announce"();`);
  }
}
