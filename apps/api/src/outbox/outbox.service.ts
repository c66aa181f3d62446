import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OutboxEvent } from './outbox-event.entity';

export type OutboxListener = () => void;

/** Records domain events inside the caller's transaction and wakes the dispatcher after commit. */
@Injectable()
export class OutboxService {
  private readonly listeners = new Set<OutboxListener>();

  record(
    em: EntityManager,
    event: { type: string; aggregateType: string; aggregateId: string; payload?: Record<string, unknown> },
  ): OutboxEvent {
    return em.create(OutboxEvent, { ...event, payload: event.payload ?? {} });
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
