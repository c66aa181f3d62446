import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../users/user.entity';

@Entity({ tableName: 'accounts' })
export class Account {
  [OptionalProps]?:
    'domain' | 'industry' | 'region' | 'owner' | 'createdAt' | 'updatedAt' | 'version' | 'archivedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  domain: string | null = null;

  @Property({ type: 'text', nullable: true })
  industry: string | null = null;

  @Property({ type: 'text', nullable: true })
  region: string | null = null;

  @ManyToOne(() => User, { nullable: true })
  owner: User | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null = null;
}
