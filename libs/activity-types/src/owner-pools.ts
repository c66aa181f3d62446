import { BatonError, type Role } from '@baton/domain';
import type { CrmGateway, CrmUser } from '@baton/activity-sdk';

export const ASSIGN_STRATEGIES = ['round_robin', 'least_loaded', 'weighted'] as const;
export type AssignStrategy = (typeof ASSIGN_STRATEGIES)[number];

/** Who may be given the record: everyone with a role, or named users. */
export type PoolMembers = { kind: 'role'; role: Role } | { kind: 'users'; userIds: string[] };

export interface OwnerPool {
  members: PoolMembers;
  strategy: AssignStrategy;
  /** User id → share of the turns, for `weighted`; users not listed count 1. */
  weights: Readonly<Record<string, number>>;
}

/** How a pool reads in messages, e.g. `role sales_rep` or `users u1, u2`. */
export function describePool(members: PoolMembers): string {
  return members.kind === 'role' ? `role ${members.role}` : `users ${members.userIds.join(', ')}`;
}

/** The pool's active users, in a stable order (by email) that rotations index into. */
export async function activeMembers(crm: CrmGateway, members: PoolMembers): Promise<CrmUser[]> {
  const found =
    members.kind === 'role'
      ? await crm.findUsers({ role: members.role, active: true })
      : await crm.findUsers({ ids: [...new Set(members.userIds)], active: true });
  // Checked again here so that no gateway, however it reads `active`, hands work to someone who left.
  return found
    .filter((user) => user.active)
    .sort((a, b) => a.email.localeCompare(b.email) || a.id.localeCompare(b.id));
}

/** Picks one of `candidates` (non-empty, from {@link activeMembers}) by the pool's strategy. */
export async function pickOwner(crm: CrmGateway, pool: OwnerPool, candidates: CrmUser[]): Promise<CrmUser> {
  switch (pool.strategy) {
    case 'round_robin':
      return candidates[await crm.takeTurn(rotationKey(pool.members), candidates.length)]!;
    case 'least_loaded':
      return candidates.reduce((best, user) => (user.openTasks < best.openTasks ? user : best));
    case 'weighted': {
      const cycle = weightedCycle(candidates.map((user) => pool.weights[user.id] ?? 1));
      const turn = await crm.takeTurn(`${rotationKey(pool.members)}:weighted`, cycle.length);
      return candidates[cycle[turn]!]!;
    }
    default: {
      const unknown: never = pool.strategy;
      throw new BatonError('DEFINITION_INVALID', `Unknown assignment strategy ${String(unknown)}`);
    }
  }
}

// Rotations are kept per pool membership, not per step, so every workflow sharing a pool shares its
// turns; `role:<role>` is the key round-robin steps have always used, so existing rotations carry on.
function rotationKey(members: PoolMembers): string {
  return members.kind === 'role'
    ? `role:${members.role}`
    : `users:${[...new Set(members.userIds)].sort().join(',')}`;
}

/**
 * One cycle of a weighted rotation: candidate indexes, index `i` appearing `weights[i]` times,
 * spread out instead of bunched (3:1 gives a, a, b, a — not a, a, a, b).
 *
 * Each candidate's `j`-th turn sits at (j + ½) / weight of the way through the cycle and the cycle
 * is those turns in order (ties to the earlier candidate) — the same even spread as smooth
 * weighted round-robin, but computed from the turn number alone. The turn number comes from
 * `crm.takeTurn`, which hands each concurrent step a different turn, so every full cycle gives
 * each candidate exactly its weight however many runs assign at once; no per-user counters are
 * read and written back, so nothing can race.
 */
export function weightedCycle(weights: readonly number[]): number[] {
  const turns: Array<{ index: number; num: number; den: number }> = [];
  weights.forEach((weight, index) => {
    for (let j = 0; j < weight; j++) turns.push({ index, num: 2 * j + 1, den: 2 * weight });
  });
  // Compared as fractions by cross-multiplying: floats could order equal positions differently.
  return turns.sort((a, b) => a.num * b.den - b.num * a.den || a.index - b.index).map((t) => t.index);
}
