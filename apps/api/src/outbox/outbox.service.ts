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
}

/**
 * Records domain events inside the caller's transaction — the only way workflows learn of changes —
 * and wakes the dispatcher after commit.
 */
@Injectable()
export class OutboxService {
  private readonly listeners = new Set<OutboxListener>();

  record(em: EntityManager, event: DomainEvent): OutboxEvent {
    const { actorId, changes, ...head } = event;
    return em.create(OutboxEvent, { ...head, payload: { actorId, changes } });
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
