import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A price-book entry; quote lines copy its price when they are written. */
@Entity({ tableName: 'products' })
export class Product {
  [OptionalProps]?:
    'description' | 'unitCost' | 'active' | 'createdAt' | 'updatedAt' | 'version' | 'archivedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  sku!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  unitPrice!: string;

  /**
   * What one unit costs to deliver; null when unknown. Quotes read it when they are shown (it is
   * not copied onto lines), so their margin follows the price book.
   */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  unitCost: string | null = null;

  /** Inactive products stay on existing quotes but cannot be put on new lines. */
  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null = null;
}
