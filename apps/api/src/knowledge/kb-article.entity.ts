import { randomUUID } from 'node:crypto';
import { ArrayType, Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../users/user.entity';
import { KbCategory } from './kb-category.entity';

export const ARTICLE_STATUSES = ['draft', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/**
 * A knowledge-base article. Only published, unarchived ones reach the public FAQ. The table's
 * generated `search` column (title and body as a tsvector) is read by SQL only, so it is not mapped.
 */
@Entity({ tableName: 'kb_articles' })
export class KbArticle {
  [OptionalProps]?:
    | 'category'
    | 'status'
    | 'tags'
    | 'author'
    | 'publishedAt'
    | 'createdAt'
    | 'updatedAt'
    | 'version'
    | 'archivedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', unique: true })
  slug!: string;

  /** Markdown or plain text; shown as text, never as HTML. */
  @Property({ type: 'text' })
  body!: string;

  @ManyToOne(() => KbCategory, { nullable: true })
  category: KbCategory | null = null;

  @Enum({ items: () => [...ARTICLE_STATUSES] })
  status: ArticleStatus = 'draft';

  @Property({ type: ArrayType, columnType: 'text[]' })
  tags: string[] = [];

  @ManyToOne(() => User, { nullable: true })
  author: User | null = null;

  /** When it last went from draft to published. */
  @Property({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null = null;
}
