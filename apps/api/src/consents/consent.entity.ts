import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Contact } from '../contacts/contact.entity';
import { User } from '../users/user.entity';

/**
 * A contact's agreement to be written to for a purpose (`marketing`, `renewal_offers`). Withdrawing
 * sets `withdrawnAt` and keeps the row: when consent was given, how and until when is the record.
 */
@Entity({ tableName: 'consents' })
export class Consent {
  [OptionalProps]?: 'givenAt' | 'withdrawnAt' | 'recordedBy';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Contact, { deleteRule: 'cascade' })
  contact!: Contact;

  @Property({ type: 'text' })
  purpose!: string;

  /** Where the consent was given: a web form, a call, a signed contract. */
  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'timestamptz' })
  givenAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  recordedBy: User | null = null;
}

/** "No more of these": by contact and/or address, for one purpose or (purpose null) all of them. */
@Entity({ tableName: 'unsubscribes' })
export class Unsubscribe {
  [OptionalProps]?: 'contactId' | 'email' | 'purpose' | 'campaignId' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', nullable: true })
  contactId: string | null = null;

  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  @Property({ type: 'text', nullable: true })
  purpose: string | null = null;

  /** The campaign whose link it came through, if any. */
  @Property({ type: 'uuid', nullable: true })
  campaignId: string | null = null;

  /** `link`, `one_click` (the mail client's unsubscribe button) or `staff`. */
  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
