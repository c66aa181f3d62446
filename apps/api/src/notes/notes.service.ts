import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { assertVersion } from '../accounts/crm-access';
import { fieldsOf, recordChange } from '../accounts/crm-events';
import { allOf, keyset, orderBy, parseSort, toPage, type SortFields } from '../accounts/crm-list';
import type { Page } from '../common/pagination';
import { created, diff, type Changes } from '../outbox/changes';
import { OutboxService } from '../outbox/outbox.service';
import { linkedRecord, pathRecord, visibleRecord } from '../record-links/record-link';
import { User } from '../users/user.entity';
import type { CreateNoteInput, ListNotesQuery, NoteView, UpdateNoteInput } from './note.dto';
import { Note } from './note.entity';
import { mayRead, readableSql } from './note-access';
import { noteView, type UserNames } from './note.view';

const EVENT_FIELDS = ['body', 'visibility', 'sharedWith', 'recordType', 'recordId', 'author'] as const;
const SORT = parseSort('-createdAt', { createdAt: { kind: 'timestamp' } } satisfies SortFields);

@Injectable()
export class NotesService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
  ) {}

  async create(input: CreateNoteInput, actor: User): Promise<NoteView> {
    const note = await this.em.transactional(async (tx) => {
      const { recordType, recordId, sharedWith, ...fields } = input;
      await linkedRecord(tx, recordType, recordId, actor);
      const note = tx.create(Note, {
        ...fields,
        sharedWith: await this.sharedWith(tx, sharedWith ?? []),
        recordType,
        recordId,
        author: tx.getReference(User, actor.id),
      });
      if (note.visibility === 'shared' && note.sharedWith.length === 0) throw noRecipients();
      this.event(tx, note, 'created', actor, created(fieldsOf(note), EVENT_FIELDS));
      return note;
    });
    this.outbox.committed();
    return this.get(note.id, actor);
  }

  async update(id: string, input: UpdateNoteInput, actor: User): Promise<NoteView> {
    await this.em.transactional(async (tx) => {
      const note = await this.find(tx, id, actor);
      this.assertAuthor(note, actor);
      assertVersion(note, input.version, 'note');
      const before = fieldsOf(note);
      const { version: _version, sharedWith, ...fields } = input;
      Object.assign(note, fields);
      if (sharedWith !== undefined) note.sharedWith = await this.sharedWith(tx, sharedWith);
      // Going private forgets the recipients, so sharing again names them afresh.
      if (note.visibility === 'private') note.sharedWith = [];
      if (note.visibility === 'shared' && note.sharedWith.length === 0) throw noRecipients();
      this.event(tx, note, 'updated', actor, diff(before, fieldsOf(note), EVENT_FIELDS));
    });
    this.outbox.committed();
    return this.get(id, actor);
  }

  async remove(id: string, actor: User): Promise<void> {
    await this.em.transactional(async (tx) => {
      const note = await this.find(tx, id, actor);
      this.assertAuthor(note, actor);
      this.event(tx, note, 'deleted', actor, diff(fieldsOf(note), {}, EVENT_FIELDS));
      tx.remove(note);
    });
    this.outbox.committed();
  }

  async get(id: string, viewer: User): Promise<NoteView> {
    const em = this.em.fork();
    const note = await this.find(em, id, viewer);
    return noteView(note, await this.names(em, [note]));
  }

  async list(query: ListNotesQuery, viewer: User): Promise<Page<NoteView>> {
    await pathRecord(this.em, query.recordType, query.recordId, viewer);
    const rows = await this.em
      .createQueryBuilder(Note, 'n')
      .select('*')
      .where(allOf([{ recordType: query.recordType, recordId: query.recordId }, keyset(SORT, query.cursor)]))
      .andWhere(readableSql('n'), [viewer.id, viewer.id])
      .orderBy(orderBy(SORT))
      .limit(query.limit + 1)
      .getResult();
    await this.em.populate(rows, ['author']);
    const names = await this.names(this.em, rows);
    return toPage(rows, query.limit, SORT, (note) => noteView(note, names));
  }

  /** A note the caller may not read, or on a record they cannot see, is reported as missing. */
  private async find(em: EntityManager, id: string, viewer: User): Promise<Note> {
    const note = await em.findOne(Note, { id }, { populate: ['author'] });
    if (
      !note ||
      !mayRead(note, viewer.id) ||
      !(await visibleRecord(em, note.recordType, note.recordId, viewer))
    ) {
      throw new BatonError('NOT_FOUND', 'No note with this id', { id });
    }
    return note;
  }

  private assertAuthor(note: Note, actor: User): void {
    if (note.author.id !== actor.id) {
      throw new BatonError('FORBIDDEN', 'Only the author may change or delete a note');
    }
  }

  private async sharedWith(tx: EntityManager, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = new Set((await tx.find(User, { id: { $in: ids }, active: true })).map((u) => u.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing) {
      throw new BatonError('VALIDATION_FAILED', 'sharedWith names someone who is not an active user', {
        field: 'sharedWith',
        id: missing,
      });
    }
    return ids;
  }

  private async names(em: EntityManager, notes: Note[]): Promise<UserNames> {
    const ids = [...new Set(notes.flatMap((n) => n.sharedWith))];
    if (ids.length === 0) return new Map();
    return new Map((await em.find(User, { id: { $in: ids } })).map((u) => [u.id, u.name]));
  }

  private event(
    tx: EntityManager,
    note: Note,
    action: 'created' | 'updated' | 'deleted',
    actor: User,
    changes: Changes,
  ): void {
    recordChange(this.outbox, tx, { type: 'note', id: note.id }, action, actor, changes);
  }
}

function noRecipients(): BatonError {
  return new BatonError('VALIDATION_FAILED', 'A shared note names at least one user in sharedWith', {
    field: 'sharedWith',
  });
}
