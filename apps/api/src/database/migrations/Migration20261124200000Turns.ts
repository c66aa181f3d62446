import { Migration } from '@mikro-orm/migrations';

// Round-robin turns now come from one sequence per pool (created on first use); the cursor table
// they replace is dropped.
export class Migration20261124200000Turns extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop table if exists "assignment_cursors";`);
  }
}
