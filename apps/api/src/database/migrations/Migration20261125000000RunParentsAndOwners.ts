import { Migration } from '@mikro-orm/migrations';

// Runs started by another run's call_workflow / for_each step name their parent; workflows get an
// owner, who hears about failed runs (existing ones go to the first operations admin).
export class Migration20261125000000RunParentsAndOwners extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "workflow_runs" add column "parent_run_id" text null;`);
    this.addSql(
      `create index "workflow_runs_parent_index" on "workflow_runs" ("parent_run_id") where "parent_run_id" is not null;`,
    );
    this.addSql(
      `alter table "workflows" add column "owner_id" uuid null references "users" ("id") on delete set null;`,
    );
    this.addSql(
      `update "workflows" set "owner_id" = (select "id" from "users" where "role" = 'admin' order by "created_at", "id" limit 1);`,
    );
  }
}
