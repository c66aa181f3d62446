import { LockMode } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { ApprovalState, ApproverSpec, OpenApprovalInput, OpenApprovalOutput } from '@baton/contracts';
import { BatonError } from '@baton/domain';
import { MikroCrmGateway } from '../engine/crm-gateway';
import { Approval } from './approval.entity';

// A manager who left is skipped: the request climbs on to theirs.
const MAX_CHAIN = 5;

const usersOf = (slots: ApprovalState['slots']): Set<string> => new Set(slots.flatMap((s) => s.userIds));

/** The approval bookkeeping activities the interpreter calls; each is safe to repeat. */
export class ApprovalActivities {
  constructor(private readonly orm: MikroORM) {}

  async openApproval(input: OpenApprovalInput): Promise<OpenApprovalOutput> {
    return this.orm.em.fork().transactional(async (tx) => {
      const crm = new MikroCrmGateway(tx);
      const record = await crm.getRecord(input.record);
      const existing = await tx.findOne(Approval, { id: input.approvalId });
      if (existing)
        return { approverIds: existing.approvers.map((s) => s.userIds[0]!), ownerId: record.ownerId };

      const resolved = new Set<string>();
      for (const spec of input.approvers)
        for (const id of await this.resolve(crm, spec, record.ownerId)) resolved.add(id);
      // Nobody approves their own request.
      if (input.requestedById) resolved.delete(input.requestedById);
      if (resolved.size === 0) {
        throw new BatonError(
          'APPROVER_NOT_FOUND',
          `Nobody can approve "${input.stageName}" for ${record.label}`,
          {
            approvers: input.approvers,
          },
        );
      }
      const approverIds = [...resolved];
      tx.create(Approval, {
        id: input.approvalId,
        runId: input.runId,
        stepId: input.stepId,
        stage: input.stage,
        stageName: input.stageName,
        reason: input.reason,
        recordType: input.record.type,
        recordId: input.record.id,
        recordLabel: record.label,
        mode: input.mode,
        approvers: approverIds.map((id) => ({ userIds: [id] })),
        requestedById: input.requestedById,
        dueAt: new Date(input.dueAt),
      });
      await tx.flush();
      for (const userId of approverIds)
        await this.ask(tx, input.approvalId, userId, input.title, record.label, input);
      return { approverIds, ownerId: record.ownerId };
    });
  }

  async recordApproval(state: ApprovalState): Promise<void> {
    await this.orm.em.fork().transactional(async (tx) => {
      const row = await tx.findOne(
        Approval,
        { id: state.approvalId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!row) return;
      // Writes may land out of order (an escalation and a decision together); never go backwards.
      if (row.status !== 'pending' && state.status === 'pending') return;
      if (state.decisions.length < row.decisions.length) return;
      const before = usersOf(row.approvers);
      for (const userId of usersOf(state.slots)) {
        if (!before.has(userId) && state.status === 'pending') {
          await this.ask(tx, row.id, userId, 'Approval requested', row.recordLabel, {
            record: { type: row.recordType, id: row.recordId },
            runId: row.runId,
            reason: row.reason,
          });
        }
      }
      row.approvers = state.slots;
      row.decisions = state.decisions;
      row.escalations = state.escalations;
      if (row.status === 'pending' && state.status !== 'pending') row.decidedAt = new Date();
      row.status = state.status;
    });
  }

  async findManagers(input: {
    approvalId: string;
    userIds: string[];
  }): Promise<Record<string, string | null>> {
    const crm = new MikroCrmGateway(this.orm.em.fork());
    const managers: Record<string, string | null> = {};
    for (const userId of input.userIds) {
      let current = userId;
      let found: string | null = null;
      for (let level = 0; level < MAX_CHAIN && !found; level++) {
        const [user] = await crm.findUsers({ ids: [current] });
        if (!user?.managerId) break;
        const [manager] = await crm.findUsers({ ids: [user.managerId] });
        if (manager?.active) found = manager.id;
        else current = user.managerId;
      }
      managers[userId] = found;
    }
    return managers;
  }

  private async resolve(crm: MikroCrmGateway, spec: ApproverSpec, ownerId: string | null): Promise<string[]> {
    switch (spec.kind) {
      case 'user':
        return (await crm.findUsers({ ids: [spec.userId], active: true })).map((u) => u.id);
      case 'role':
        return (await crm.findUsers({ role: spec.role, active: true })).map((u) => u.id);
      case 'manager_of_owner': {
        if (!ownerId) return [];
        const managers = await this.findManagers({ approvalId: '', userIds: [ownerId] });
        return managers[ownerId] ? [managers[ownerId]] : [];
      }
    }
  }

  // Keyed per approval and person, so a retried activity (or a request that comes back to
  // someone through delegation) asks them once.
  private async ask(
    tx: EntityManager,
    approvalId: string,
    userId: string,
    title: string,
    label: string,
    context: { record: { type: string; id: string }; runId: string; reason: string },
  ): Promise<void> {
    await tx.execute(
      `insert into notifications (id, user_id, title, body, record_type, record_id, run_id, idempotency_key, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, now()) on conflict (idempotency_key) do nothing`,
      [
        randomUUID(),
        userId,
        `${title}: ${label}`,
        context.reason,
        context.record.type,
        context.record.id,
        context.runId,
        `${approvalId}:asked:${userId}`,
      ],
    );
  }
}
