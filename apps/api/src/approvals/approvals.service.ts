import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import { APPROVAL_UPDATE, type ApprovalActionInput, type ApprovalState } from '@baton/contracts';
import { BatonError, ERROR_CODES, type ErrorCode } from '@baton/domain';
import { decodeCursor, encodeCursor, type Page } from '../common/pagination';
import { TemporalService } from '../engine/temporal.service';
import { User } from '../users/user.entity';
import type { ApprovalActionBody, ApprovalView, ListApprovalsQuery } from './approval.dto';
import { Approval } from './approval.entity';
import { approvalMargins } from './approval-margins';
import { approvalView } from './approval.view';

// The run opens the request (this row) a moment before it starts listening for decisions.
const OPENING_RETRIES = 10;
const OPENING_RETRY_MS = 200;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Approval inboxes and decisions. Decisions go to the run as Temporal Updates; the run decides races. */
@Injectable()
export class ApprovalsService {
  constructor(
    private readonly em: EntityManager,
    private readonly temporal: TemporalService,
  ) {}

  async list(query: ListApprovalsQuery, viewer: User): Promise<Page<ApprovalView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const involves = `(requested_by_id = ? or exists (select 1 from jsonb_array_elements(approvers) s where (s->'userIds') @> jsonb_build_array(?::text)))`;
    // Reps see the requests they made or were asked to decide; deciders and admins see all.
    if (viewer.role === 'sales_rep' || viewer.role === 'engineer') {
      where.push(involves);
      params.push(viewer.id, viewer.id);
    }
    if (query.approver === 'me') {
      where.push(
        `status = 'pending' and exists (select 1 from jsonb_array_elements(approvers) s where s->>'decision' is null and (s->'userIds') @> jsonb_build_array(?::text))`,
      );
      params.push(viewer.id);
    }
    if (query.status) {
      where.push('status = ?');
      params.push(query.status);
    }
    if (query.recordId) {
      where.push('record_id = ?');
      params.push(query.recordId);
    }
    const cursor = decodeCursor(query.cursor);
    if (cursor) {
      where.push('(created_at, id) < (?, ?)');
      params.push(cursor.at, cursor.id);
    }
    const rows = await this.em.execute<Array<{ id: string }>>(
      `select id from approvals ${where.length ? `where ${where.join(' and ')}` : ''} order by created_at desc, id desc limit ?`,
      [...params, query.limit + 1],
    );
    const found = new Map(
      (await this.em.find(Approval, { id: { $in: rows.map((r) => r.id) } })).map((a) => [a.id, a]),
    );
    const approvals = rows.flatMap((r) => (found.has(r.id) ? [found.get(r.id)!] : []));
    const items = approvals.slice(0, query.limit);
    const last = items.at(-1);
    const names = await this.names(items);
    const margins = await approvalMargins(this.em, items);
    return {
      items: items.map((a) => approvalView(a, names, viewer, margins)),
      nextCursor:
        approvals.length > query.limit && last
          ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id })
          : null,
    };
  }

  async get(id: string, viewer: User): Promise<ApprovalView> {
    const approval = await this.find(id, viewer);
    return this.view(approval, viewer);
  }

  /** Approve, reject, delegate or recall; answers with the request as it stands after the action. */
  async act(id: string, body: ApprovalActionBody, actor: User): Promise<ApprovalView> {
    const approval = await this.find(id, actor);
    if (body.action === 'delegate') {
      const delegate = await this.em.findOne(User, { id: body.delegateTo!, active: true });
      if (!delegate)
        throw new BatonError('VALIDATION_FAILED', 'Delegate to an active user', { field: 'delegateTo' });
    }
    const input: ApprovalActionInput = {
      approvalId: approval.id,
      userId: actor.id,
      action: body.action,
      ...(body.comment ? { comment: body.comment } : {}),
      ...(body.delegateTo ? { delegateTo: body.delegateTo } : {}),
    };
    for (let attempt = 0; ; attempt++) {
      try {
        await this.temporal.client.workflow
          .getHandle(approval.runId)
          .executeUpdate<ApprovalState, [ApprovalActionInput]>(APPROVAL_UPDATE, { args: [input] });
        break;
      } catch (err) {
        const code = this.refusal(err);
        if (code === 'APPROVAL_NOT_PENDING' && approval.status === 'pending' && attempt < OPENING_RETRIES) {
          await sleep(OPENING_RETRY_MS);
          await this.em.refresh(approval);
          continue;
        }
        if (code)
          throw new BatonError(code, this.message(err), { approvalId: approval.id, status: approval.status });
        throw err;
      }
    }
    // The run stored the decision before answering; read it back past this request's identity map.
    await this.em.refresh(approval);
    return this.view(approval, actor);
  }

  private async view(approval: Approval, viewer: User): Promise<ApprovalView> {
    const names = await this.names([approval]);
    return approvalView(approval, names, viewer, await approvalMargins(this.em, [approval]));
  }

  /** The code of a refusal by the run's validator, or APPROVAL_NOT_PENDING when the run has ended. */
  private refusal(err: unknown): ErrorCode | undefined {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
      const type = err.cause.type ?? '';
      return (ERROR_CODES as readonly string[]).includes(type) ? (type as ErrorCode) : undefined;
    }
    const text = err instanceof Error ? `${err.name} ${err.message}` : '';
    if (/WorkflowNotFound|already completed|workflow execution.*(completed|not found)/i.test(text))
      return 'APPROVAL_NOT_PENDING';
    return undefined;
  }

  private message(err: unknown): string {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure)
      return err.cause.message;
    return 'This approval request is no longer pending';
  }

  private async find(id: string, viewer: User): Promise<Approval> {
    const approval = await this.em.findOne(Approval, { id });
    const involved =
      approval &&
      (approval.requestedById === viewer.id || approval.approvers.some((s) => s.userIds.includes(viewer.id)));
    if (!approval || ((viewer.role === 'sales_rep' || viewer.role === 'engineer') && !involved)) {
      throw new BatonError('NOT_FOUND', 'No approval request with this id', { id });
    }
    return approval;
  }

  private async names(approvals: Approval[]): Promise<Map<string, string>> {
    const ids = new Set<string>();
    for (const a of approvals) {
      if (a.requestedById) ids.add(a.requestedById);
      for (const s of a.approvers) for (const u of s.userIds) ids.add(u);
      for (const d of a.decisions) {
        ids.add(d.userId);
        if (d.delegateTo) ids.add(d.delegateTo);
      }
    }
    if (ids.size === 0) return new Map();
    return new Map((await this.em.find(User, { id: { $in: [...ids] } })).map((u) => [u.id, u.name]));
  }
}
