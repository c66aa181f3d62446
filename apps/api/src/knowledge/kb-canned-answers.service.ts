import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { assertVersion } from '../accounts/crm-access';
import { allOf, containsPattern, keyset, orderBy, parseSort, toPage } from '../accounts/crm-list';
import type { Page } from '../common/pagination';
import { User } from '../users/user.entity';
import type {
  CannedAnswerView,
  CreateCannedAnswerInput,
  ListCannedAnswersQuery,
  UpdateCannedAnswerInput,
} from './kb-canned-answer.dto';
import { KbCannedAnswer } from './kb-canned-answer.entity';
import { MERGE_FIELDS, unknownMergeFields } from './merge-fields';

const SORT = parseSort('title', { title: { kind: 'text' } });

function view(answer: KbCannedAnswer): CannedAnswerView {
  return {
    id: answer.id,
    title: answer.title,
    body: answer.body,
    author: answer.author ? { id: answer.author.id, name: answer.author.name } : null,
    createdAt: answer.createdAt.toISOString(),
    updatedAt: answer.updatedAt.toISOString(),
    archivedAt: answer.archivedAt?.toISOString() ?? null,
    version: answer.version,
  };
}

function assertKnownFields(body: string): void {
  const unknown = unknownMergeFields(body);
  if (unknown.length === 0) return;
  throw new BatonError(
    'VALIDATION_FAILED',
    `Unknown merge field${unknown.length > 1 ? 's' : ''}: ${unknown.map((f) => `{{${f}}}`).join(', ')}`,
    { field: 'body', unknown, known: MERGE_FIELDS },
  );
}

@Injectable()
export class KbCannedAnswersService {
  constructor(private readonly em: EntityManager) {}

  async create(input: CreateCannedAnswerInput, actor: User): Promise<CannedAnswerView> {
    assertKnownFields(input.body);
    const answer = await this.em.transactional(async (tx) =>
      tx.create(KbCannedAnswer, { ...input, author: tx.getReference(User, actor.id) }),
    );
    return this.get(answer.id);
  }

  async update(id: string, input: UpdateCannedAnswerInput): Promise<CannedAnswerView> {
    if (input.body !== undefined) assertKnownFields(input.body);
    await this.em.transactional(async (tx) => {
      const answer = await this.find(tx, id);
      assertVersion(answer, input.version, 'canned answer');
      const { version: _version, ...fields } = input;
      Object.assign(answer, fields);
    });
    return this.get(id);
  }

  async archive(id: string): Promise<CannedAnswerView> {
    await this.em.transactional(async (tx) => {
      const answer = await this.find(tx, id);
      answer.archivedAt ??= new Date();
    });
    return this.get(id);
  }

  async get(id: string): Promise<CannedAnswerView> {
    return view(await this.find(this.em.fork(), id));
  }

  async list(query: ListCannedAnswersQuery): Promise<Page<CannedAnswerView>> {
    const where = allOf([
      query.archived ? undefined : { archivedAt: null },
      query.q ? { title: { $ilike: containsPattern(query.q) } } : undefined,
      keyset(SORT, query.cursor),
    ]);
    const rows = await this.em.find(KbCannedAnswer, where, {
      populate: ['author'],
      orderBy: orderBy(SORT),
      limit: query.limit + 1,
    });
    return toPage(rows, query.limit, SORT, view);
  }

  /** Archived answers stay readable by id (a reply may have used one) but are not offered. */
  async find(em: EntityManager, id: string): Promise<KbCannedAnswer> {
    const answer = await em.findOne(KbCannedAnswer, { id }, { populate: ['author'] });
    if (!answer) throw new BatonError('NOT_FOUND', 'No canned answer with this id', { id });
    return answer;
  }
}
