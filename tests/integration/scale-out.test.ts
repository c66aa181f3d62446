import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { freePort, silentLog, startInfrastructure, type Infrastructure } from '@baton/runtime';
import { ApiClient, eventually } from '../support/api';
import { removeDataDir } from '../support/product';

jest.setTimeout(420_000);

const ENTRY = resolve(__dirname, '../../apps/api/dist/start.js');
const LEADS = 200;
const IN_FLIGHT = 8;
const METRICS_TOKEN = 'scale-out-metrics-token';
const TAG = `Scale ${Date.now()}`;

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
      TEMPORAL_NAMESPACE: infra.namespace,
      BATON_LOG_FORMAT: 'json',
      BATON_LOG_LEVEL: 'info',
      BATON_METRICS_TOKEN: METRICS_TOKEN,
      BATON_DISPATCH_INTERVAL_MS: '200',
      BATON_SHUTDOWN_GRACE_SECONDS: '10',
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

describe('two API and two worker processes sharing one PostgreSQL and one Temporal', () => {
  let dataDir: string;
  let infra: Infrastructure;
  let db: Client;
  const processes: BatonProcess[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'baton-scale-'));
    infra = await startInfrastructure({ dataDir, namespace: 'baton', headless: true, log: () => silentLog });
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
    await infra?.stop();
    if (dataDir) removeDataDir(dataDir);
  });

  it('completes every run exactly once and drains the outbox when one API and one worker are killed mid-way', async () => {
    const [api1, api2, worker1, worker2] = processes as [
      BatonProcess,
      BatonProcess,
      BatonProcess,
      BatonProcess,
    ];
    const admins = new Map<BatonProcess, ApiClient>();
    for (const api of [api1, api2]) admins.set(api, await ApiClient.login(api.baseUrl, 'admin@demo.baton'));
    const alive = new Set([api1, api2]);
    const acknowledged: string[] = [];

    // Closed-loop load alternating between the APIs that are up, as a load balancer would; a
    // request cut off by the kill is sent again to the other API.
    const started = Date.now();
    let next = 0;
    let killedAt = 0;
    const region = (i: number) => ['EMEA', 'NA', 'Atlantis'][i % 3]!;
    const send = async (i: number): Promise<void> => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const apis = [...alive];
        const api = apis[(i + attempt) % apis.length]!;
        const res = await admins
          .get(api)!
          .post('/api/leads', { name: `${TAG} lead ${i}`, region: region(i) })
          .catch(() => undefined);
        if (res?.status === 201) {
          acknowledged.push(res.body.id as string);
          return;
        }
      }
      throw new Error(`lead ${i} was refused by every API`);
    };
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < LEADS) {
          const i = next++;
          if (i === LEADS / 2) {
            // Half-way: kill -9 one API (requests in flight included) and one worker (activities
            // and workflow tasks in flight included).
            alive.delete(api2);
            api2.process.kill('SIGKILL');
            worker1.process.kill('SIGKILL');
            killedAt = Date.now();
          }
          await send(i);
        }
      }),
    );
    const loadSeconds = (Date.now() - started) / 1000;
    expect(await api2.exited).toBeNull();
    expect(await worker1.exited).toBeNull();

    // Every lead in the database (a request cut off by the kill may have committed) has exactly one
    // lead-handoff run, completed, one SLA watch started by it, and one task.
    const leadsQuery = `select l.id,
          (select count(*)::int from workflow_runs r join workflows w on w.id = r.workflow_id
            where w.key = 'lead-handoff' and r.record_id = l.id and r.parent_run_id is null) as handoffs,
          (select count(*)::int from workflow_runs r join workflows w on w.id = r.workflow_id
            where w.key = 'lead-handoff' and r.record_id = l.id and r.parent_run_id is null
              and r.status = 'completed') as completed,
          (select count(*)::int from workflow_runs r where r.record_id = l.id and r.parent_run_id is not null) as watches,
          (select count(*)::int from tasks t where t.record_id = l.id) as tasks
        from leads l where l.name like $1`;
    const leads = await eventually(
      async () => {
        const { rows } = await db.query<{
          id: string;
          handoffs: number;
          completed: number;
          watches: number;
          tasks: number;
        }>(leadsQuery, [`${TAG} lead %`]);
        const done = rows.every((r) => r.completed === 1 && r.tasks === 1 && r.watches === 1);
        return done && rows.length >= LEADS ? rows : undefined;
      },
      180_000,
      'every run to complete',
    ).catch(async (err: Error) => {
      const { rows } = await db.query(
        `${leadsQuery} and not exists (select 1 from tasks t where t.record_id = l.id)`,
        [`${TAG} lead %`],
      );
      throw new Error(
        [
          err.message,
          `leads without a task: ${JSON.stringify(rows.slice(0, 5))}`,
          `api-1:\n${api1.output().slice(-2000)}`,
          `worker-2:\n${worker2.output().slice(-2000)}`,
        ].join('\n'),
      );
    });
    const runsDoneSeconds = (Date.now() - started) / 1000;

    expect(acknowledged).toHaveLength(LEADS);
    for (const id of acknowledged) expect(leads.some((l) => l.id === id)).toBe(true);
    expect(leads.filter((l) => l.handoffs !== 1 || l.tasks !== 1 || l.watches !== 1)).toEqual([]);

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

    // The API's listing shows them completed too, served by the API that is left.
    const completed = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await admins
        .get(api1)!
        .get(`/api/runs?status=completed&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      for (const run of page.body.items as Array<{ record: { id: string } }>) completed.add(run.record.id);
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(acknowledged.filter((id) => !completed.has(id))).toEqual([]);

    console.log(
      [
        `scale-out: ${leads.length} leads (${LEADS} acknowledged) through 2 APIs, 2 workers; kill -9 of api-2 and worker-1 after ${LEADS / 2}`,
        `  load sent in ${loadSeconds.toFixed(1)}s (${(LEADS / loadSeconds).toFixed(1)} leads/s)`,
        `  all runs completed ${runsDoneSeconds.toFixed(1)}s after the first lead (${(leads.length / runsDoneSeconds).toFixed(1)} runs/s)`,
        `  outbox drained and runs completed ${drainedSeconds.toFixed(1)}s after the kill`,
      ].join('\n'),
    );
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
