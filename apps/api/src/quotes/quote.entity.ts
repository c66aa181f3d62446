import { randomUUID } from 'node:crypto';
import {
  Collection,
  Entity,
  Enum,
  ManyToOne,
  OneToMany,
  OptionalProps,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';
import { Account } from '../accounts/account.entity';
import { Opportunity } from '../opportunities/opportunity.entity';
import { Product } from '../products/product.entity';
import { User } from '../users/user.entity';

export const QUOTE_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'sent', 'accepted'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

@Entity({ tableName: 'quotes' })
export class Quote {
  [OptionalProps]?:
    | 'status'
    | 'currency'
    | 'subtotal'
    | 'discountTotal'
    | 'total'
    | 'decisionComment'
    | 'decidedBy'
    | 'decidedAt'
    | 'owner'
    | 'createdAt'
    | 'updatedAt'
    | 'version'
    | 'archivedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @ManyToOne(() => Opportunity)
  opportunity!: Opportunity;

  /** The opportunity's account when the quote was made. */
  @ManyToOne(() => Account)
  account!: Account;

  @Enum({ items: () => [...QUOTE_STATUSES] })
  status: QuoteStatus = 'draft';

  @Property({ type: 'text' })
  currency: string = 'EUR';

  // Derived from the lines by the server on every change; stored so lists can sort by total.
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  subtotal: string = '0.00';

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  discountTotal: string = '0.00';

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  total: string = '0.00';

  @OneToMany(() => QuoteLine, (line) => line.quote, { orphanRemoval: true, orderBy: { position: 'asc' } })
  lines = new Collection<QuoteLine>(this);

  /** The approver's comment on the last approve or reject. */
  @Property({ type: 'text', nullable: true })
  decisionComment: string | null = null;

  @ManyToOne(() => User, { nullable: true })
  decidedBy: User | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;

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

@Entity({ tableName: 'quote_lines' })
export class QuoteLine {
  [OptionalProps]?: 'discountPercent';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Quote, { deleteRule: 'cascade' })
  quote!: Quote;

  @Property({ type: 'integer' })
  position!: number;

  @ManyToOne(() => Product)
  product!: Product;

  @Property({ type: 'integer' })
  quantity!: number;

  /** Copied from the price book (or negotiated) when the line is written; later price changes do not move it. */
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  unitPrice!: string;

  @Property({ type: 'decimal', precision: 5, scale: 2 })
  discountPercent: string = '0.00';

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  subtotal!: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  discount!: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  total!: string;
}
