import { randomUUID } from 'node:crypto';
import {
  Collection,
  Entity,
  ManyToOne,
  OneToMany,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { Account } from '../accounts/account.entity';
import { User } from '../users/user.entity';

/** One register of people; an account links to them through `AccountContact`, with a role. */
@Entity({ tableName: 'contacts' })
export class Contact {
  [OptionalProps]?:
    | 'email'
    | 'phone'
    | 'title'
    | 'owner'
    | 'createdAt'
    | 'updatedAt'
    | 'version'
    | 'archivedAt'
    | 'mergedIntoId'
    | 'erasedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Property({ type: 'text', nullable: true })
  title: string | null = null;

  @ManyToOne(() => User, { nullable: true })
  owner: User | null = null;

  @OneToMany(() => AccountContact, (link) => link.contact, { orphanRemoval: true })
  accountLinks = new Collection<AccountContact>(this);

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null = null;

  /** The contact this one was merged into (and archived for). */
  @Property({ type: 'uuid', nullable: true })
  mergedIntoId: string | null = null;

  /** When the person's data was erased (the record is kept, anonymised and archived). */
  @Property({ type: 'timestamptz', nullable: true })
  erasedAt: Date | null = null;
}

// A surrogate id rather than a composite key: MikroORM 6.6 cannot delete composite-key rows
// ("Expected 1 bindings, saw 2"); a unique (account, contact) keeps each pair once.
@Entity({ tableName: 'account_contacts' })
@Unique({ properties: ['account', 'contact'] })
export class AccountContact {
  [OptionalProps]?: 'role' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Account, { deleteRule: 'cascade' })
  account!: Account;

  @ManyToOne(() => Contact, { deleteRule: 'cascade' })
  contact!: Contact;

  /** What the person is at this account, e.g. "Buyer" or "Technical evaluator". */
  @Property({ type: 'text', nullable: true })
  role: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
