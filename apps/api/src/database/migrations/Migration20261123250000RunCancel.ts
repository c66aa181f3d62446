import { Migration } from '@mikro-orm/migrations';

export class Migration20261123250000RunCancel extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "workflow_runs" drop constraint if exists "workflow_runs_status_check";`);
    this.addSql(
      `alter table "workflow_runs" add constraint "workflow_runs_status_check" check ("status" in ('running', 'completed', 'failed', 'cancelled'));`,
    );
  }
}
