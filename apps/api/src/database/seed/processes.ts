import type { EntityManager } from '@mikro-orm/postgresql';
import type { WorkflowDefinition } from '@baton/contracts';
import { Team } from '../../teams/team.entity';
import { User } from '../../users/user.entity';
import { Workflow } from '../../workflows/workflow.entity';
import { WorkflowVersion } from '../../workflows/workflow-version.entity';
import { CASE_ESCALATION } from './case-escalation.definition';
import { LEAD_CONTACT_SLA } from './lead-contact-sla.definition';
import { LEAD_HANDOFF } from './lead-handoff.definition';
import { QUOTE_APPROVAL } from './quote-approval.definition';
import { SUBSCRIPTION_RENEWAL } from './subscription-renewal.definition';

/** The processes Baton ships, published on first start; each one once, so a deleted one stays deleted. */
export const SHIPPED_PROCESSES: readonly WorkflowDefinition[] = [
  LEAD_HANDOFF,
  LEAD_CONTACT_SLA,
  QUOTE_APPROVAL,
  SUBSCRIPTION_RENEWAL,
  CASE_ESCALATION,
];

async function once(tx: EntityManager, key: string, seed: () => Promise<void>): Promise<boolean> {
  const done = await tx.execute(`select 1 from baton_meta where key = ?`, [key]);
  if (done.length > 0) return false;
  await seed();
  await tx.flush();
  await tx.execute(`insert into baton_meta (key, value) values (?, ?)`, [
    key,
    JSON.stringify({ at: new Date().toISOString() }),
  ]);
  return true;
}

/** Publishes each shipped process not seeded before (installs older than a process get it too). */
export async function seedProcesses(em: EntityManager): Promise<string[]> {
  return em.transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(hashtext('baton:seed'))`);
    const seeded: string[] = [];
    for (const definition of SHIPPED_PROCESSES) {
      await once(tx, `process:${definition.key}`, async () => {
        if (await tx.findOne(Workflow, { key: definition.key })) return;
        const workflow = tx.create(Workflow, {
          key: definition.key,
          name: definition.name,
          entity: definition.triggers[0]!.entity,
          ownerId:
            (await tx.findOne(User, { role: 'admin' }, { orderBy: { createdAt: 'asc', id: 'asc' } }))?.id ??
            null,
        });
        const version = tx.create(WorkflowVersion, {
          workflow,
          version: 1,
          definition,
          status: 'published',
          note: 'Shipped with Baton',
          publishedAt: new Date(),
        });
        workflow.activeVersionId = version.id;
        seeded.push(definition.key);
      });
    }
    return seeded;
  });
}

/** The demo management chain: reps report to the sales manager, who (like the approver) reports to the admin. */
export async function seedDemoTeams(em: EntityManager): Promise<boolean> {
  return em.transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(hashtext('baton:seed'))`);
    return once(tx, 'demo-teams', async () => {
      const users = new Map(
        (await tx.find(User, { email: { $like: '%@demo.baton' } })).map((u) => [u.email, u]),
      );
      const manager = users.get('manager@demo.baton');
      const admin = users.get('admin@demo.baton');
      if (!manager || !admin) return;
      const team = tx.create(Team, { name: 'Field sales', managerId: manager.id });
      for (const email of ['rep1@demo.baton', 'rep2@demo.baton']) {
        const rep = users.get(email);
        if (rep) Object.assign(rep, { managerId: manager.id, teamId: team.id });
      }
      manager.managerId = admin.id;
      manager.teamId = team.id;
      const approver = users.get('approver@demo.baton');
      if (approver) approver.managerId = admin.id;
    });
  });
}
