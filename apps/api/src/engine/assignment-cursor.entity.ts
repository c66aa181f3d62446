import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** Round-robin position per pool (e.g. `role:sales_rep`), advanced under a row lock. */
@Entity({ tableName: 'assignment_cursors' })
export class AssignmentCursor {
  [OptionalProps]?: 'position';

  @PrimaryKey({ type: 'text' })
  pool!: string;

  @Property({ type: 'integer' })
  position: number = 0;
}
