import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../../auth/passwords';
import { Lead } from '../../leads/lead.entity';
import { User } from '../../users/user.entity';
import { seedDemoCrm } from './demo-crm';
import { seedDemoRecords } from './demo-records';
import { seedDemoKnowledge } from '../../knowledge/demo-knowledge';
import { DEMO_PASSWORD, DEMO_USERS, demoLeads } from './demo-data';

const SEED_KEY = 'demo-seed';

/**
 * Seeds demo users, historical leads, CRM records, activities and notes once. A marker row
 * makes later starts skip it, so data people changed or deleted is never put back.
 */
export async function seedDemoData(em: EntityManager): Promise<boolean> {
  return em.transactional(async (tx) => {
    // Two processes starting together must not both seed.
    await tx.execute(`select pg_advisory_xact_lock(hashtext('baton:seed'))`);
    const done = await tx.execute(`select 1 from baton_meta where key = ?`, [SEED_KEY]);
    if (done.length > 0) return false;

    const hash = await hashPassword(DEMO_PASSWORD);
    const users = DEMO_USERS.map((u) => tx.create(User, { ...u, passwordHash: hash }));
    const reps = users.filter((u) => u.role === 'sales_rep');

    const now = Date.now();
    for (const [i, lead] of demoLeads(120).entries()) {
      const { daysAgo, ...fields } = lead;
      const createdAt = new Date(now - daysAgo * 86_400_000 - i * 60_000);
      tx.create(Lead, { ...fields, owner: reps[i % reps.length] ?? null, createdAt, updatedAt: createdAt });
    }
    const approver = users.find((u) => u.role === 'approver');
    seedDemoCrm(tx, reps, approver, now);
    await tx.flush();
    await seedDemoRecords(tx, users, now);
    seedDemoKnowledge(
      tx,
      users.find((u) => u.role === 'manager'),
      now,
    );
    await tx.flush();
    await tx.execute(`insert into baton_meta (key, value) values (?, ?)`, [
      SEED_KEY,
      JSON.stringify({ at: new Date().toISOString() }),
    ]);
    return true;
  });
}
