import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Changes } from './changes';
import { OutboxEvent } from './outbox-event.entity';

export type OutboxListener = () => void;

export interface DomainEvent {
  /** `<entity>.<created|updated|deleted>`, e.g. `lead.updated`. */
  type: string;
  aggregateType: string;
  aggregateId: string;
  /** The user who made the change; null for workflow steps and the system. */
  actorId: string | null;
  changes: Changes;
  /** Set when a workflow step made the change, so that workflow is not re-triggered by it. */
  cause?: { workflowId: string; runId: string };
}

/**
 * Records domain events inside the caller's transaction — the only way workflows learn of changes —
 * and wakes the dispatcher after commit.
 */
@Injectable()
export class OutboxService {
  private readonly listeners = new Set<OutboxListener>();

  record(em: EntityManager, event: DomainEvent): OutboxEvent {
    const { actorId, changes, cause, ...head } = event;
    return em.create(OutboxEvent, { ...head, payload: { actorId, changes, ...(cause ? { cause } : {}) } });
  }

  /** Called once the transaction that recorded events has committed. */
  committed(): void {
    for (const listener of this.listeners) listener();
  }

  onCommitted(listener: OutboxListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
