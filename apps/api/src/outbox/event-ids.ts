import { createHash } from 'node:crypto';

/**
 * A uuid-shaped id derived from `key`, for events that have no outbox row (a date coming, a
 * schedule tick, a webhook delivery): the same firing always gets the same event id, hence the same
 * run id, however often it is tried.
 */
export function eventIdOf(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
