import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { KbArticle } from '../knowledge/kb-article.entity';
import { User } from '../users/user.entity';
import { SupportCase } from './case.entity';

/** A knowledge-base article an agent pointed the customer to on a case. */
@Entity({ tableName: 'case_articles' })
@Unique({ properties: ['supportCase', 'article'] })
export class CaseArticle {
  [OptionalProps]?: 'linkedBy' | 'linkedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => SupportCase, { fieldName: 'case_id', deleteRule: 'cascade' })
  supportCase!: SupportCase;

  @ManyToOne(() => KbArticle, { deleteRule: 'cascade' })
  article!: KbArticle;

  @ManyToOne(() => User, { nullable: true })
  linkedBy: User | null = null;

  @Property({ type: 'timestamptz' })
  linkedAt: Date = new Date();
}
