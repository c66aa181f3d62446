import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { freePort } from '@baton/runtime';
import { ApiClient, eventually } from '../support/api';
import { removeDataDir } from '../support/product';

jest.setTimeout(420_000);

const ENTRY = resolve(__dirname, '../../apps/api/dist/start.js');
const LEADS = 200;
const STEADY_LEADS = 100;
const SLOW_SLOTS = 4;
const IN_FLIGHT = 8;
const METRICS_TOKEN = 'scale-out-metrics-token';
const TAG = `Scale ${Date.now()}`;

interface Infrastructure {
  databaseUrl: string;
  temporalAddress: string;
  process: ChildProcess;
}

// The one PostgreSQL and one Temporal dev server every Baton process shares, in a process of their
// own (the embedded PostgreSQL package cannot load inside Jest's module sandbox).
const INFRASTRUCTURE = `
const { startInfrastructure, silentLog } = require('@baton/runtime');
startInfrastructure({ dataDir: process.argv[1], namespace: 'baton', headless: true, log: () => silentLog }).then(
  (infra) => {
    console.log(JSON.stringify({ databaseUrl: infra.databaseUrl, temporalAddress: infra.temporalAddress }));
    const stop = () => infra.stop().then(() => process.exit(0));
    process.on('SIGTERM', stop);
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);`;

async function startInfrastructure(dataDir: string): Promise<Infrastructure> {
  const child = spawn(process.execPath, ['-e', INFRASTRUCTURE, dataDir], {
    cwd: resolve(__dirname, '../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const line = await new Promise<string>((resolveLine, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      output += c.toString();
      const first = output.split('\n').find((l) => l.startsWith('{'));
      if (first) resolveLine(first);
    });
    child.once('exit', () => reject(new Error(`the infrastructure did not start:\n${output}`)));
  });
  return { ...(JSON.parse(line) as Omit<Infrastructure, 'process'>), process: child };
}

interface BatonProcess {
  name: string;
  role: 'api' | 'worker';
  baseUrl: string;
  process: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** One Baton process of apps/api/dist/start.js against the shared PostgreSQL and Temporal. */
function spawnBaton(infra: Infrastructure, name: string, role: 'api' | 'worker', port: number): BatonProcess {
  const child = spawn(process.execPath, [ENTRY], {
    env: {
      ...process.env,
      BATON_ROLE: role,
      ...(role === 'api' ? { PORT: String(port) } : { BATON_WORKER_PORT: String(port) }),
      HOST: '127.0.0.1',
      DATABASE_URL: infra.databaseUrl,
      TEMPORAL_ADDRESS: infra.temporalAddress,
      TEMPORAL_NAMESPACE: 'baton',
      BATON_LOG_FORMAT: 'json',
      BATON_LOG_LEVEL: 'info',
      BATON_METRICS_TOKEN: METRICS_TOKEN,
      BATON_DISPATCH_INTERVAL_MS: '200',
      BATON_SHUTDOWN_GRACE_SECONDS: '10',
      BATON_WORKER_SLOW_ACTIVITIES: String(SLOW_SLOTS),
      // The test's webhook receiver listens on loopback.
      BATON_HTTP_ALLOW_PRIVATE: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { name, role, baseUrl: `http://127.0.0.1:${port}`, process: child, output: () => output, exited };
}

async function waitReady(p: BatonProcess): Promise<void> {
  await eventually(
    async () => {
      if (p.process.exitCode !== null) throw new Error(`${p.name} exited during start-up:\n${p.output()}`);
      const res = await fetch(`${p.baseUrl}/api/health/ready`).catch(() => undefined);
      return res?.status === 200 ? true : undefined;
    },
    240_000,
    `${p.name} to be ready`,
  );
}

async function scrape(p: BatonProcess): Promise<string> {
  const res = await fetch(`${p.baseUrl}/api/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  expect(res.status).toBe(200);
  return res.text();
}

/** The names of the metric families a scrape reports. */
function series(text: string): Set<string> {
  return new Set(text.split('\n').flatMap((l) => (l.startsWith('# TYPE ') ? [l.split(' ')[2]!] : [])));
}

/** A webhook receiver that holds every call until released, to keep slow steps busy at will. */
async function startHoldingReceiver() {
  const held: ServerResponse[] = [];
  let calls = 0;
  let holding = true;
  const answer = (res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls += 1;
      if (holding) held.push(res);
      else answer(res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    pending: () => held.filter((res) => !res.writableEnded).length,
    calls: () => calls,
    release() {
      holding = false;
      for (const res of held.splice(0)) answer(res);
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

async function clientsFor(apis: BatonProcess[]): Promise<Map<BatonProcess, ApiClient>> {
  const admin = await ApiClient.login(apis[0]!.baseUrl, 'admin@demo.baton');
  // Sessions live in PostgreSQL: a token from one API is good at every other.
  return new Map(apis.map((api) => [api, new ApiClient(api.baseUrl, admin.token)]));
}

/**
 * Closed-loop load of new leads alternating over the APIs that are up, as a load balancer would;
 * a request cut off by a kill is sent again to another API.
 */
class LeadLoad {
  readonly acknowledged: string[] = [];
  private readonly alive: Set<BatonProcess>;

  constructor(
    readonly clients: Map<BatonProcess, ApiClient>,
    readonly tag: string,
  ) {
    this.alive = new Set(clients.keys());
  }

  remove(api: BatonProcess): void {
    this.alive.delete(api);
  }

  async send(count: number, before: (i: number) => void = () => undefined): Promise<void> {
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < count) {
          const i = next++;
          before(i);
          await this.one(i);
        }
      }),
    );
  }

  private async one(i: number): Promise<void> {
    const region = ['EMEA', 'NA', 'Atlantis'][i % 3];
    for (let attempt = 0; attempt < 5; attempt++) {
      const apis = [...this.alive];
      const api = apis[(i + attempt) % apis.length]!;
      const res = await this.clients
        .get(api)!
        .post('/api/leads', { name: `${this.tag} lead ${i}`, region })
        .catch(() => undefined);
      if (res?.status === 201) {
        this.acknowledged.push(res.body.id as string);
        return;
      }
    }
    throw new Error(`lead ${i} was refused by every API`);
  }
}

interface LeadOutcome {
  id: string;
  handoffs: number;
  completed: number;
  watches: number;
  tasks: number;
}

const OUTCOMES = `select l.id,
    (select count(*)::int from workflow_runs r join workflows w on w.id = r.workflow_id
      where w.key = 'lead-handoff' and r.record_id = l.id and r.parent_run_id is null) as handoffs,
    (select count(*)::int from workflow_runs r join workflows w on w.id = r.workflow_id
      where w.key = 'lead-handoff' and r.record_id = l.id and r.parent_run_id is null
        and r.status = 'completed') as completed,
    (select count(*)::int from workflow_runs r
      where r.record_id = l.id and r.parent_run_id is not null) as watches,
    (select count(*)::int from tasks t where t.record_id = l.id) as tasks
  from leads l where l.name like $1`;

/** Waits until every lead of the load has its run completed, its SLA watch and its task. */
async function everyRunCompleted(
  db: Client,
  load: LeadLoad,
  witnesses: BatonProcess[],
): Promise<LeadOutcome[]> {
  const read = async () => (await db.query<LeadOutcome>(OUTCOMES, [`${load.tag} lead %`])).rows;
  return eventually(
    async () => {
      const rows = await read();
      const done = rows.every((r) => r.completed >= 1 && r.tasks >= 1 && r.watches >= 1);
      return done && rows.length >= load.acknowledged.length ? rows : undefined;
    },
    180_000,
    'every run to complete',
  ).catch(async (err: Error) => {
    const waiting = (await read()).filter((r) => r.completed === 0 || r.tasks === 0 || r.watches === 0);
    throw new Error(
      [
        err.message,
        `${waiting.length} unfinished, e.g. ${JSON.stringify(waiting.slice(0, 3))}`,
        ...witnesses.map((p) => `${p.name}:\n${p.output().slice(-2000)}`),
      ].join('\n'),
    );
  });
}

/** Time from a lead's creation to its task's, in milliseconds. */
async function handoffLatency(db: Client, leadIds: string[]): Promise<{ p50: number; p95: number }> {
  const { rows } = await db.query<{ p50: number; p95: number }>(
    `select round(percentile_cont(0.5) within group (order by ms))::int as p50,
            round(percentile_cont(0.95) within group (order by ms))::int as p95
       from (select extract(epoch from t.created_at - l.created_at) * 1000 as ms
               from leads l join tasks t on t.record_id = l.id where l.id = any($1)) d`,
    [leadIds],
  );
  return rows[0]!;
}

describe('two API and two worker processes sharing one PostgreSQL and one Temporal', () => {
  let dataDir: string;
  let infra: Infrastructure;
  let db: Client;
  const processes: BatonProcess[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'baton-scale-'));
    infra = await startInfrastructure(dataDir);
    db = new Client({ connectionString: infra.databaseUrl });
    await db.connect();
    // All four start at once: migrations and demo data must still be applied exactly once.
    for (const [name, role] of [
      ['api-1', 'api'],
      ['api-2', 'api'],
      ['worker-1', 'worker'],
      ['worker-2', 'worker'],
    ] as const) {
      processes.push(spawnBaton(infra, name, role, await freePort()));
    }
    await Promise.all(processes.map(waitReady));
  });

  afterAll(async () => {
    for (const p of processes)
      if (p.process.exitCode === null && p.process.signalCode === null) p.process.kill('SIGKILL');
    await Promise.all(processes.map((p) => p.exited));
    await db?.end();
    if (infra) {
      const stopped = new Promise((r) => infra.process.once('exit', r));
      infra.process.kill('SIGTERM');
      await stopped;
    }
    if (dataDir) removeDataDir(dataDir);
  });

  it('spreads a steady load over both APIs and both workers', async () => {
    const [api1, api2, worker1, worker2] = processes as [
      BatonProcess,
      BatonProcess,
      BatonProcess,
      BatonProcess,
    ];
    const load = new LeadLoad(await clientsFor([api1, api2]), `${TAG} steady`);
    const started = Date.now();
    await load.send(STEADY_LEADS);
    const sentSeconds = (Date.now() - started) / 1000;
    const outcomes = await everyRunCompleted(db, load, [api1, worker2]);
    const doneSeconds = (Date.now() - started) / 1000;

    expect(outcomes.filter((o) => o.handoffs !== 1 || o.tasks !== 1 || o.watches !== 1)).toEqual([]);
    // Both of each kind did part of the work.
    for (const api of [api1, api2]) {
      expect(await scrape(api)).toMatch(
        /^http_request_duration_seconds_count\{method="POST",route="\/api\/leads",status="201"\} [1-9]/m,
      );
    }
    for (const worker of [worker1, worker2]) {
      expect(await scrape(worker)).toMatch(/^temporal_workflow_task_execution_latency_count\{[^}]*\} [1-9]/m);
    }
    const latency = await handoffLatency(db, load.acknowledged);
    console.log(
      [
        `scale-out, steady: ${STEADY_LEADS} leads through 2 APIs and 2 workers, ${IN_FLIGHT} requests in flight`,
        `  sent in ${sentSeconds.toFixed(1)}s (${(STEADY_LEADS / sentSeconds).toFixed(1)} leads/s)`,
        `  every run completed ${doneSeconds.toFixed(1)}s after the first lead (${(STEADY_LEADS / doneSeconds).toFixed(1)} runs/s)`,
        `  lead → task: p50 ${latency.p50} ms, p95 ${latency.p95} ms`,
      ].join('\n'),
    );
  });

  it('completes every run exactly once and drains the outbox when one API and one worker are killed mid-way', async () => {
    const [api1, api2, worker1, worker2] = processes as [
      BatonProcess,
      BatonProcess,
      BatonProcess,
      BatonProcess,
    ];
    const load = new LeadLoad(await clientsFor([api1, api2]), `${TAG} crash`);
    const started = Date.now();
    let killedAt = 0;
    await load.send(LEADS, (i) => {
      if (i !== LEADS / 2) return;
      // Half-way: kill -9 one API (requests in flight included) and one worker (activities and
      // workflow tasks in flight included); the load goes on through the API that is left.
      load.remove(api2);
      api2.process.kill('SIGKILL');
      worker1.process.kill('SIGKILL');
      killedAt = Date.now();
    });
    const sentSeconds = (Date.now() - started) / 1000;
    expect(await api2.exited).toBeNull();
    expect(await worker1.exited).toBeNull();

    // Every lead in the database (a request cut off by the kill may have committed without its
    // answer) has exactly one lead-handoff run, completed, one SLA watch started by it, one task.
    const outcomes = await everyRunCompleted(db, load, [api1, worker2]);
    const doneSeconds = (Date.now() - started) / 1000;
    expect(load.acknowledged).toHaveLength(LEADS);
    const stored = new Set(outcomes.map((o) => o.id));
    expect(load.acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect(outcomes.filter((o) => o.handoffs !== 1 || o.tasks !== 1 || o.watches !== 1)).toEqual([]);

    // The outbox drains: every event handed to Temporal, none left behind by the killed API.
    await eventually(
      async () => {
        const { rows } = await db.query<{ pending: number }>(
          'select count(*)::int as pending from outbox_events where dispatched_at is null',
        );
        return rows[0]!.pending === 0 ? true : undefined;
      },
      60_000,
      'the outbox to drain',
    );
    const drainedSeconds = (Date.now() - killedAt) / 1000;

    // The API that is left lists them as completed.
    const completed = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await load.clients
        .get(api1)!
        .get(`/api/runs?status=completed&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      for (const run of page.body.items as Array<{ record: { id: string } }>) completed.add(run.record.id);
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(load.acknowledged.filter((id) => !completed.has(id))).toEqual([]);

    console.log(
      [
        `scale-out, crash: ${LEADS} leads (${outcomes.length} stored); kill -9 of api-2 and worker-1 after ${LEADS / 2}`,
        `  sent in ${sentSeconds.toFixed(1)}s (${(LEADS / sentSeconds).toFixed(1)} leads/s)`,
        `  every run completed ${doneSeconds.toFixed(1)}s after the first lead (${(outcomes.length / doneSeconds).toFixed(1)} runs/s)`,
        `  outbox drained and every run completed ${drainedSeconds.toFixed(1)}s after the kill`,
      ].join('\n'),
    );
  });

  it('runs webhook steps on their own queue, so they cannot hold back the CRM steps of other runs', async () => {
    const [api1, , , worker2] = processes as [BatonProcess, BatonProcess, BatonProcess, BatonProcess];
    const receiver = await startHoldingReceiver();
    try {
      const admin = await ApiClient.login(api1.baseUrl, 'admin@demo.baton');
      const definition = {
        schemaVersion: 1,
        key: 'notify-crm',
        name: 'Notify the CRM',
        triggers: [
          {
            id: 'created',
            kind: 'record',
            entity: 'lead',
            event: 'created',
            condition: { '==': [{ var: 'lead.source' }, 'partner'] },
          },
        ],
        steps: [{ id: 'call', type: 'http_request', config: { url: receiver.url } }],
        transitions: [{ id: 't1', from: 'created', to: 'call' }],
      };
      const workflow = await admin.post('/api/workflows', { definition });
      expect(workflow.status).toBe(201);
      expect(
        (await admin.post(`/api/workflows/${workflow.body.id}/versions/1/publish`, { note: 'probe' })).status,
      ).toBe(200);

      // More webhook calls than every activity slot of the worker left (8 + 4), all held.
      const probes = 16;
      for (let i = 0; i < probes; i++) {
        const res = await admin.post('/api/leads', { name: `${TAG} probe ${i}`, source: 'partner' });
        expect(res.status).toBe(201);
      }
      await eventually(
        async () => (receiver.pending() === SLOW_SLOTS ? true : undefined),
        60_000,
        'busy slow slots',
      );

      // Meanwhile new leads get their task and their SLA watch, which is an ordinary activity on
      // the main queue, while every slow slot is still held.
      const load = new LeadLoad(new Map([[api1, admin]]), `${TAG} beside webhooks`);
      await load.send(6);
      await everyRunCompleted(db, load, [api1, worker2]);
      expect(receiver.pending()).toBe(SLOW_SLOTS);
      expect(receiver.calls()).toBe(SLOW_SLOTS);

      receiver.release();
      await eventually(
        async () => (receiver.calls() === probes ? true : undefined),
        120_000,
        'every webhook call',
      );
      expect(await scrape(worker2)).toMatch(
        /^temporal_activity_execution_latency_count\{[^}]*task_queue="baton-engine-slow"[^}]*activity_type="http_request"[^}]*\} [1-9]/m,
      );
    } finally {
      receiver.release();
      await receiver.stop();
    }
  });

  it('serves HTTP latency, outbox, run and Temporal worker metrics', async () => {
    const [api1, , , worker2] = processes as [BatonProcess, BatonProcess, BatonProcess, BatonProcess];
    const api = await scrape(api1);
    expect([...series(api)]).toEqual(
      expect.arrayContaining([
        'http_request_duration_seconds',
        'baton_outbox_lag_seconds',
        'baton_outbox_pending_events',
        'baton_workflow_runs',
      ]),
    );
    expect(api).toMatch(
      /^http_request_duration_seconds_count\{method="POST",route="\/api\/leads",status="201"\} [1-9]/m,
    );
    expect(api).toMatch(/^baton_workflow_runs\{status="completed"\} [1-9]/m);
    expect(api).toMatch(/^baton_outbox_pending_events 0$/m);

    const worker = await scrape(worker2);
    expect([...series(worker)]).toEqual(
      expect.arrayContaining([
        'temporal_worker_task_slots_available',
        'temporal_workflow_task_execution_latency',
        'temporal_local_activity_execution_latency',
      ]),
    );
    expect(worker).toMatch(/temporal_num_pollers\{[^}]*task_queue="baton-engine-slow"/);

    // Only the scraper's token or an admin may read them.
    expect((await fetch(`${api1.baseUrl}/api/metrics`)).status).toBe(401);
    const rep = await ApiClient.login(api1.baseUrl, 'rep1@demo.baton');
    expect((await rep.get('/api/metrics')).status).toBe(403);
  });

  it('writes JSON logs that carry the request id, and a worker process serves nothing but health and metrics', async () => {
    const [api1, , , worker2] = processes as [BatonProcess, BatonProcess, BatonProcess, BatonProcess];
    const res = await fetch(`${api1.baseUrl}/api/health/live`, {
      headers: { 'x-request-id': 'scale-out-probe' },
    });
    expect(res.headers.get('x-request-id')).toBe('scale-out-probe');
    const line = await eventually(
      async () =>
        api1
          .output()
          .split('\n')
          .find((l) => l.includes('"requestId":"scale-out-probe"')),
      5_000,
      'the access log line',
    );
    expect(JSON.parse(line)).toMatchObject({ level: 'info', route: '/api/health/live', status: 200 });
    expect((await fetch(`${worker2.baseUrl}/api/health/live`)).status).toBe(200);
    expect((await fetch(`${worker2.baseUrl}/api/leads`)).status).toBe(404);
  });

  it('stops the survivors cleanly on SIGTERM', async () => {
    const survivors = processes.filter((p) => p.process.exitCode === null && p.process.signalCode === null);
    expect(survivors.map((p) => p.name)).toEqual(['api-1', 'worker-2']);
    for (const p of survivors) p.process.kill('SIGTERM');
    expect(await Promise.all(survivors.map((p) => p.exited))).toEqual([0, 0]);
    for (const p of survivors) expect(p.output()).toMatch(/"message":"stopped in [\d.]+s"/);
  });
});
