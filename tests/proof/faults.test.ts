import { expectStatus } from '../support/api';
import type { Window } from './support/faults-figures';
import { holdRunInserts, pendingEvents, sql } from './support/faults-outcomes';
import { FaultRig, type FaultRun } from './support/faults-rig';
import type { Answer } from './support/faults-traffic';
import { deadlineDefinition } from './support/faults-workflows';

jest.setTimeout(600_000);

const during = ({ traffic, window }: FaultRun, kind: string): Answer[] =>
  traffic.of(kind).filter((a) => a.sentAt >= window.start && a.sentAt <= window.end);
const count = (answers: Answer[], status: number) => answers.filter((a) => a.outcome === status).length;

/**
 * kill -9 of the worker and of the API, a Temporal restart and a PostgreSQL restart, each while
 * leads arrive steadily (four a second) and their runs are in flight. Every committed lead must end
 * with exactly one lead-handoff run (completed), one task, one SLA watch and one notice; every
 * answer while a dependency is down must be a quick 503 with Retry-After, never a 500 or a hang.
 */
describe('faults with runs in flight', () => {
  const rig = new FaultRig();

  beforeAll(() => rig.start());
  afterAll(() => rig.stop());

  it('loses and doubles nothing when the worker is killed with kill -9 and restarted', async () => {
    const result = await rig.run({
      name: 'kill -9 of the worker, restarted 3 s later',
      key: 'worker',
      outageMs: 3_000,
      recoveryKind: 'lead',
      prepare: (traffic) => rig.runsInFlight(traffic),
      inject: () => rig.worker.kill(),
      recover: async () => {
        rig.worker.spawn();
        await rig.worker.ready();
      },
    });
    await rig.verify(result, () => {
      expect(result.row.inFlight).toBeGreaterThan(0);
      // The API does not need the worker: every lead was accepted throughout.
      expect(result.traffic.of('lead').filter((a) => a.outcome !== 201)).toEqual([]);
    });
  });

  it('starts the run of every committed lead exactly once when the API is killed mid-dispatch', async () => {
    let pendingAtKill = 0;
    let startedAtKill = 0;
    const result = await rig.run({
      name: 'kill -9 of the API mid-dispatch, restarted 2 s later',
      key: 'api',
      outageMs: 2_000,
      recoveryKind: 'lead',
      inject: async (traffic) => {
        // Kill the dispatcher at its worst moment: it has started runs in Temporal and not yet
        // marked their events as handed over; leads committed meanwhile wait their turn.
        const release = await holdRunInserts(rig.databaseUrl);
        try {
          traffic.burst(12);
          const deadline = Date.now() + 30_000;
          while (Date.now() < deadline) {
            const pending = await pendingEvents(rig.databaseUrl, traffic.tag);
            const started = await rig.alreadyStarted(pending.map((e) => e.id));
            if (started > 0 && pending.length > started) break;
            await new Promise((r) => setTimeout(r, 50));
          }
          await rig.api.kill();
        } finally {
          await release();
        }
        // Nobody dispatches now: what is pending was committed and not marked as handed over.
        const pending = await pendingEvents(rig.databaseUrl, traffic.tag);
        pendingAtKill = pending.length;
        startedAtKill = await rig.alreadyStarted(pending.map((e) => e.id));
      },
      recover: async () => {
        rig.api.spawn();
        await rig.api.ready();
      },
      // Requests in flight at the kill are cut off, and nothing listens until the restart.
      networkAllowed: (a: Answer, w: Window) => a.sentAt <= w.end && a.sentAt + a.ms >= w.start,
      note: () =>
        `${pendingAtKill} outbox events pending at the kill, ${startedAtKill} of them already started in Temporal`,
    });
    await rig.verify(result, () => {
      // Both windows were open: committed but not started, and started but not marked.
      expect(startedAtKill).toBeGreaterThan(0);
      expect(pendingAtKill).toBeGreaterThan(startedAtKill);
    });
  });

  it('loses nothing and answers 503 while the Temporal dev server restarts', async () => {
    const result = await rig.run({
      name: 'Temporal dev server stopped for 5 s and restarted',
      key: 'temporal',
      outageMs: 5_000,
      recoveryKind: 'dry-run',
      probes: (traffic) =>
        traffic
          .probe('ready', 500, 'GET', '/api/health/ready')
          .probe('dry-run', 1_000, 'POST', `/api/workflows/${rig.noticeWorkflowId}/versions/1/dry-run`, {
            recordId: rig.probeLeadId,
          }),
      prepare: (traffic) => rig.runsInFlight(traffic),
      inject: () => rig.temporal.stop(),
      recover: () => rig.temporal.start(),
    });
    await rig.verify(result, () => {
      expect(result.row.inFlight).toBeGreaterThan(0);
      // The outbox keeps taking leads while Temporal is away; what needs Temporal says 503.
      expect(during(result, 'lead').filter((a) => a.outcome !== 201)).toEqual([]);
      expect(count(during(result, 'dry-run'), 503)).toBeGreaterThan(0);
      expect(count(during(result, 'ready'), 503)).toBeGreaterThan(0);
    });
  });

  it('loses nothing, answers 503 and fires a date trigger once when PostgreSQL restarts', async () => {
    // An offer deadline that comes while the database is down: the date sweep must fire it once
    // it is back (the API checks every second in this suite).
    const deadlineWorkflowId = await rig.publish(deadlineDefinition(rig.adminId));
    const account = await expectStatus(
      rig.api,
      rig.admin.post('/api/accounts', { name: 'Fault Deadline Ltd' }),
      201,
    );
    const opportunity = await expectStatus(
      rig.api,
      rig.admin.post('/api/opportunities', {
        accountId: account.id,
        name: 'Fault deadline',
        offerDeadline: new Date(Date.now() + 8_000).toISOString(),
      }),
      201,
    );
    const result = await rig.run({
      // Longer than a step's five attempts (one to eight seconds apart) last when each fails at once.
      name: 'PostgreSQL stopped for 15 s and restarted',
      key: 'postgres',
      outageMs: 15_000,
      recoveryKind: 'lead',
      probes: (traffic) =>
        traffic
          .probe('ready', 500, 'GET', '/api/health/ready')
          .probe('read', 500, 'GET', '/api/leads?limit=1'),
      prepare: (traffic) => rig.runsInFlight(traffic),
      inject: () => rig.postgres.stop(),
      recover: () => rig.postgres.start(),
    });
    await rig.verify(result, async () => {
      expect(result.row.inFlight).toBeGreaterThan(0);
      for (const kind of ['lead', 'read', 'ready'])
        expect(count(during(result, kind), 503)).toBeGreaterThan(0);
      const fired = await sql<{ status: string; started: number }>(
        rig.databaseUrl,
        `select status, (extract(epoch from started_at) * 1000)::float8 as started from workflow_runs
          where workflow_id = $1 and record_id = $2`,
        [deadlineWorkflowId, opportunity.id],
      );
      expect(fired.map((r) => r.status)).toEqual(['completed']);
      expect(fired[0]!.started).toBeGreaterThan(result.window.restart);
    });
  });

  it('stops the API and the worker cleanly after all of it', async () => {
    // A hook stuck on a connection the faults broke would hold the process past its grace period.
    expect(await rig.api.stop()).toBe(0);
    expect(await rig.worker.stop()).toBe(0);
  });
});
