import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { activeUser, assertVersion, editsAll } from '../accounts/crm-access';
import { AuditService } from '../audit/audit.service';
import { AccountContact, Contact } from '../contacts/contact.entity';
import { contactView } from '../contacts/contact.view';
import {
  EVENT_FIELDS as CONTACT_EVENT_FIELDS,
  POPULATE as CONTACT_POPULATE,
  snapshot,
} from '../contacts/contacts.service';
import type { ContactView } from '../contacts/contact.dto';
import type { LeadView } from '../leads/lead.dto';
import { Lead } from '../leads/lead.entity';
import { leadFields, leadView } from '../leads/lead.view';
import { LEAD_EVENT_FIELDS, leadsVisibleTo } from '../leads/leads.service';
import { diff, type Changes } from '../outbox/changes';
import { OutboxService } from '../outbox/outbox.service';
import type { User } from '../users/user.entity';
import type { MergeContactInput, MergeLeadInput } from './duplicate.dto';

export interface Moved {
  tasks: number;
  activities: number;
  notes: number;
}

export interface MergeResult<V> {
  survivor: V;
  merged: V;
  moved: Moved;
}

type Side = 'survivor' | 'duplicate' | undefined;

interface Mergeable {
  id: string;
  owner: User | null;
  version: number;
  archivedAt: Date | null;
  mergedIntoId: string | null;
  updatedAt: Date;
}

/**
 * Merges a duplicate into a survivor in one transaction: chosen fields are copied, the duplicate's
 * tasks, activities and notes move over, and the duplicate is archived pointing at the survivor,
 * so nothing of its history is lost. Events for both records and an audit entry go with it.
 */
@Injectable()
export class MergeService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async mergeLeads(id: string, input: MergeLeadInput, actor: User): Promise<MergeResult<LeadView>> {
    const result = await this.em.transactional(async (tx) => {
      // Leads the actor may not see read as missing, as everywhere else.
      const visible = leadsVisibleTo(actor);
      const [survivor, duplicate] = await this.lock<Lead>(tx, Lead, id, input.duplicateId, 'lead', visible);
      this.check(survivor, duplicate, input, actor, 'lead');
      await tx.populate([survivor, duplicate], ['owner']);
      const before = leadFields(survivor);
      const duplicateBefore = leadFields(duplicate);
      const f = input.fields ?? {};
      for (const key of [
        'name',
        'email',
        'company',
        'phone',
        'source',
        'status',
        'score',
        'region',
      ] as const) {
        if (pick(f[key], survivor[key], duplicate[key])) Object.assign(survivor, { [key]: duplicate[key] });
      }
      if (pick(f.owner, survivor.owner, duplicate.owner)) {
        survivor.owner = duplicate.owner ? await activeUser(tx, duplicate.owner.id) : null;
      }
      const moved = await this.move(tx, 'lead', duplicate.id, survivor.id);
      this.retire(survivor, duplicate);
      const changes = diff(before, leadFields(survivor), LEAD_EVENT_FIELDS);
      this.record(
        tx,
        'lead',
        actor,
        survivor,
        duplicate,
        changes,
        moved,
        before,
        duplicateBefore,
        leadFields(survivor),
      );
      return { survivor, duplicate, moved };
    });
    this.outbox.committed();
    return { survivor: leadView(result.survivor), merged: leadView(result.duplicate), moved: result.moved };
  }

  async mergeContacts(id: string, input: MergeContactInput, actor: User): Promise<MergeResult<ContactView>> {
    const result = await this.em.transactional(async (tx) => {
      const [survivor, duplicate] = await this.lock<Contact>(
        tx,
        Contact,
        id,
        input.duplicateId,
        'contact',
        {},
      );
      this.check(survivor, duplicate, input, actor, 'contact');
      await tx.populate([survivor, duplicate], [...CONTACT_POPULATE]);
      const before = snapshot(survivor);
      const duplicateBefore = snapshot(duplicate);
      const f = input.fields ?? {};
      for (const key of ['name', 'email', 'phone', 'title'] as const) {
        if (pick(f[key], survivor[key], duplicate[key])) Object.assign(survivor, { [key]: duplicate[key] });
      }
      if (pick(f.owner, survivor.owner, duplicate.owner)) {
        survivor.owner = duplicate.owner ? await activeUser(tx, duplicate.owner.id) : null;
      }
      // The survivor also works with the duplicate's accounts (the duplicate keeps its links as history).
      const linked = new Set(survivor.accountLinks.getItems().map((l) => l.account.id));
      for (const link of duplicate.accountLinks.getItems()) {
        if (linked.has(link.account.id)) continue;
        survivor.accountLinks.add(
          tx.create(AccountContact, { account: link.account, contact: survivor, role: link.role }),
        );
      }
      const moved = await this.move(tx, 'contact', duplicate.id, survivor.id);
      await tx.execute(`update cases set contact_id = ? where contact_id = ?`, [survivor.id, duplicate.id]);
      await tx.execute(
        `insert into opportunity_contacts (opportunity_id, contact_id)
         select opportunity_id, ? from opportunity_contacts where contact_id = ? on conflict do nothing`,
        [survivor.id, duplicate.id],
      );
      this.retire(survivor, duplicate);
      const changes = diff(before, snapshot(survivor), CONTACT_EVENT_FIELDS);
      this.record(
        tx,
        'contact',
        actor,
        survivor,
        duplicate,
        changes,
        moved,
        before,
        duplicateBefore,
        snapshot(survivor),
      );
      return { survivor, duplicate, moved };
    });
    this.outbox.committed();
    return {
      survivor: contactView(result.survivor),
      merged: contactView(result.duplicate),
      moved: result.moved,
    };
  }

  /** Both rows, locked in id order (no deadlock between opposite merges); missing or invisible → 404. */
  private async lock<T extends Mergeable>(
    tx: EntityManager,
    entity: typeof Lead | typeof Contact,
    id: string,
    duplicateId: string,
    what: string,
    visible: Record<string, unknown>,
  ): Promise<[T, T]> {
    if (id === duplicateId) {
      throw new BatonError('VALIDATION_FAILED', `A ${what} cannot be merged into itself`, { duplicateId });
    }
    const rows = (await tx.find(
      entity as never,
      { $and: [{ id: { $in: [id, duplicateId] } }, visible] } as never,
      {
        lockMode: LockMode.PESSIMISTIC_WRITE,
        orderBy: { id: 'asc' },
      } as never,
    )) as T[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const survivor = byId.get(id);
    if (!survivor) throw new BatonError('NOT_FOUND', `No ${what} with this id`, { id });
    const duplicate = byId.get(duplicateId);
    if (!duplicate) throw new BatonError('NOT_FOUND', `No ${what} with the duplicateId`, { duplicateId });
    return [survivor, duplicate];
  }

  // Managers and admins merge anything; reps only records they own, both of them.
  private check(
    survivor: Mergeable,
    duplicate: Mergeable,
    input: { version: number; duplicateVersion: number },
    actor: User,
    what: string,
  ): void {
    if (!editsAll(actor) && !(survivor.owner?.id === actor.id && duplicate.owner?.id === actor.id)) {
      throw new BatonError('FORBIDDEN', `You may only merge ${what}s you own, both of them`);
    }
    for (const [record, label] of [
      [survivor, what],
      [duplicate, `duplicate ${what}`],
    ] as const) {
      if (record.mergedIntoId || record.archivedAt) {
        throw new BatonError('CONFLICT', `The ${label} is archived or already merged`, {
          id: record.id,
          mergedInto: record.mergedIntoId,
        });
      }
    }
    assertVersion(survivor, input.version, what);
    assertVersion(duplicate, input.duplicateVersion, `duplicate ${what}`);
  }

  /** Points the duplicate's tasks, activities and notes at the survivor. */
  private async move(tx: EntityManager, type: string, from: string, to: string): Promise<Moved> {
    const moved: Moved = { tasks: 0, activities: 0, notes: 0 };
    for (const table of ['tasks', 'activities', 'notes'] as const) {
      const res = await tx.execute<{ affectedRows: number }>(
        `update ${table} set record_id = ? where record_type = ? and record_id = ?`,
        [to, type, from],
        'run',
      );
      moved[table] = res.affectedRows;
    }
    return moved;
  }

  private retire(survivor: Mergeable, duplicate: Mergeable): void {
    const now = new Date();
    duplicate.archivedAt = now;
    duplicate.mergedIntoId = survivor.id;
    // The merge changes the survivor even when no field does: its version moves on.
    survivor.updatedAt = now;
  }

  private record(
    tx: EntityManager,
    type: 'lead' | 'contact',
    actor: User,
    survivor: Mergeable,
    duplicate: Mergeable,
    changes: Changes,
    moved: Moved,
    before: Record<string, unknown>,
    duplicateBefore: Record<string, unknown>,
    after: Record<string, unknown>,
  ): void {
    this.outbox.record(tx, {
      type: `${type}.updated`,
      aggregateType: type,
      aggregateId: survivor.id,
      actorId: actor.id,
      changes: { ...changes, mergedFrom: { from: null, to: duplicate.id } },
    });
    this.outbox.record(tx, {
      type: `${type}.deleted`,
      aggregateType: type,
      aggregateId: duplicate.id,
      actorId: actor.id,
      changes: {
        archivedAt: { from: null, to: duplicate.archivedAt?.toISOString() ?? null },
        mergedInto: { from: null, to: survivor.id },
      },
    });
    this.audit.record(tx, {
      actor,
      action: `${type}.merged`,
      entityType: type,
      entityId: survivor.id,
      before: { survivor: before, duplicate: { id: duplicate.id, ...duplicateBefore } },
      after: { survivor: after, duplicate: { id: duplicate.id, mergedInto: survivor.id }, moved },
    });
  }
}

/** Whether the survivor takes the duplicate's value: when asked to, or by default to fill a gap. */
function pick(side: Side, survivorValue: unknown, duplicateValue: unknown): boolean {
  if (side === 'duplicate') return true;
  if (side === 'survivor') return false;
  return (survivorValue === null || survivorValue === undefined) && duplicateValue != null;
}
