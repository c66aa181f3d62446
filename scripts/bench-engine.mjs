// `npm run bench:engine`: boots the built product on free ports in a temporary directory and
// measures, in one run on one machine:
//   1. lead created → task visible latency (p50/p99) while leads arrive at a steady rate through
//      the API (default 20 leads/s for 15 s); "visible" = the task row is committed, polled every 10 ms;
//   2. interpreter throughput against a hand-written Temporal workflow doing the same activities
//      (assign owner, create task, record the run) on the same server: rounds alternate between
//      the two so both see the same machine load; the ratio is the median of each.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import runtime from '../libs/runtime/dist/index.js';
import { writeResult } from './bench-lib/result.mjs';

const RATE = Number(process.env.BENCH_RATE ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const RUNS_PER_ROUND = Number(process.env.BENCH_RUNS ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const dataDir = mkdtempSync(join(tmpdir(), 'baton-bench-'));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function start() {
  const ports = {
    http: await runtime.freePort(),
    pg: await runtime.freePort(),
    temporal: await runtime.freePort(),
  };
  const env = {
    ...process.env,
    PORT: String(ports.http),
    BATON_DATA_DIR: dataDir,
    BATON_PG_PORT: String(ports.pg),
    BATON_TEMPORAL_PORT: String(ports.temporal),
    BATON_TEMPORAL_HEADLESS: 'true',
    BATON_LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    TEMPORAL_ADDRESS: '',
  };
  // BENCH_PROFILE=dir: a V8 CPU profile of the product process, written when it stops.
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
    : [];
  const child = spawn(process.execPath, [...profile, 'apps/api/dist/start.js'], { env, stdio: 'ignore' });
  const base = `http://127.0.0.1:${ports.http}`;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {}
    if (child.exitCode !== null) throw new Error('product exited during start-up');
    await sleep(50);
  }
  const stop = () =>
    new Promise((r) => {
      child.once('exit', r);
      child.kill('SIGTERM');
    });
  return { base, ports, stop };
}

function api(base, token) {
  return async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => null);
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
}

/** Phase 1: leads at a steady rate through the API; latency until each one's task is committed. */
async function latencyAtRate(call, db) {
  const total = RATE * SECONDS;
  const sent = new Map();
  const seen = new Map();
  const posts = [];
  const t0 = performance.now();
  let polling = true;
  const poller = (async () => {
    while (polling || seen.size < sent.size) {
      const waiting = [...sent.keys()].filter((id) => !seen.has(id));
      if (waiting.length > 0) {
        const { rows } = await db.query('select record_id from tasks where record_id = any($1::uuid[])', [
          waiting,
        ]);
        const now = performance.now();
        for (const r of rows) if (!seen.has(r.record_id)) seen.set(r.record_id, now);
      }
      if (!polling && performance.now() - t0 > (SECONDS + 60) * 1000) break;
      await sleep(10);
    }
  })();
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const at = performance.now();
    posts.push(call('POST', '/api/leads', { name: `Bench lead ${i}` }).then((lead) => sent.set(lead.id, at)));
  }
  await Promise.all(posts);
  const sentFor = performance.now() - t0;
  polling = false;
  await poller;
  const latencies = [...sent]
    .filter(([id]) => seen.has(id))
    .map(([id, at]) => seen.get(id) - at)
    .sort((a, b) => a - b);
  return {
    total,
    achievedRate: total / (sentFor / 1000),
    latencies,
    missing: total - latencies.length,
    leadIds: [...sent.keys()],
  };
}

/** Phase 2: the same runs through the interpreter and through the hand-written workflow. */
async function throughput(client, call, leadIds) {
  const workflow = (await call('GET', '/api/workflows')).items.find((w) => w.key === 'lead-handoff');
  const { definition: shipped } = await call('GET', `/api/workflows/${workflow.id}/versions/1`);
  // The hand-written workflow assigns and creates the task; it does not start the SLA watch, so
  // the interpreter runs the same two steps (the watch is a child run started without waiting).
  const watch = new Set(shipped.steps.filter((s) => s.type === 'call_workflow').map((s) => s.id));
  const definition = {
    ...shipped,
    steps: shipped.steps.filter((s) => !watch.has(s.id)),
    transitions: shipped.transitions.filter((t) => !watch.has(t.from) && !watch.has(t.to)),
  };
  // New leads must not start runs of their own while the two are compared.
  await call('POST', `/api/workflows/${workflow.id}/archive`);
  const kinds = { interpreter: 'runDefinitionWorkflow', handWritten: 'referenceHandoffWorkflow' };
  const rates = { interpreter: [], handWritten: [] };
  // Round 0 is a warm-up, not counted: phase 1's last hand-offs and their SLA watches are still
  // settling when phase 2 begins, and whichever kind ran first used to pay for it. The order then
  // alternates so neither kind always follows the other.
  for (let round = 0; round <= ROUNDS; round++) {
    const order = Object.entries(kinds);
    if (round % 2 === 0) order.reverse();
    for (const [kind, type] of order) {
      const handles = [];
      const t0 = performance.now();
      for (let i = 0; i < RUNS_PER_ROUND; i++) {
        const runId = `bench-${kind}-${round}-${i}-${randomUUID()}`;
        const input = {
          origin: {
            workflowId: workflow.id,
            workflowName: workflow.name,
            versionId: workflow.activeVersion.id,
            version: 1,
            runId,
          },
          definition,
          triggerId: definition.triggers[0].id,
          event: {
            id: randomUUID(),
            type: 'lead.created',
            occurredAt: new Date().toISOString(),
            actorId: null,
          },
          record: { type: 'lead', id: leadIds[i % leadIds.length] },
        };
        handles.push(
          client.workflow.start(type, { taskQueue: 'baton-engine', workflowId: runId, args: [input] }),
        );
      }
      const results = await Promise.all((await Promise.all(handles)).map((h) => h.result()));
      const seconds = (performance.now() - t0) / 1000;
      const failed = results.filter((r) => r.status !== 'completed').length;
      if (failed > 0) throw new Error(`${failed} ${kind} runs failed`);
      if (round > 0) rates[kind].push(RUNS_PER_ROUND / seconds);
      if (process.env.BENCH_DIAG) await explain((await Promise.all(handles))[Math.floor(RUNS_PER_ROUND / 2)]);
      console.log(
        `  ${round === 0 ? 'warm-up' : `round ${round}`} ${kind}: ${RUNS_PER_ROUND} runs in ${seconds.toFixed(2)} s = ${(RUNS_PER_ROUND / seconds).toFixed(1)} runs/s`,
      );
    }
  }
  return rates;
}

/** BENCH_DIAG=1: where one run's time went, event by event (ms since the previous event). */
async function explain(handle) {
  const { events } = await handle.fetchHistory();
  let previous;
  for (const e of events) {
    const at = Number(e.eventTime.seconds) * 1000 + Math.floor(e.eventTime.nanos / 1e6);
    const kind = Object.keys(e)
      .find((k) => k.endsWith('EventAttributes'))
      ?.replace('EventAttributes', '');
    console.log(`    +${String(previous === undefined ? 0 : at - previous).padStart(5)} ms ${kind}`);
    previous = at;
  }
}

let product;
let connection;
let db;
try {
  product = await start();
  const admin = api(
    product.base,
    (
      await api(product.base)('POST', '/api/auth/login', {
        email: 'admin@demo.baton',
        password: 'baton-demo',
      })
    ).token,
  );
  db = new pg.Client({ connectionString: `postgres://baton:baton@127.0.0.1:${product.ports.pg}/baton` });
  await db.connect();

  console.log(`phase 1: ${RATE} leads/s for ${SECONDS} s through POST /api/leads`);
  const phase1 = await latencyAtRate(admin, db);
  console.log(`phase 2: a warm-up round, then ${ROUNDS} alternating rounds of ${RUNS_PER_ROUND} runs each`);
  connection = await Connection.connect({ address: `127.0.0.1:${product.ports.temporal}` });
  const rates = await throughput(new Client({ connection, namespace: 'baton' }), admin, phase1.leadIds);

  const l = phase1.latencies;
  console.log('');
  console.log(
    `lead created → task visible at ${RATE} leads/s (achieved ${phase1.achievedRate.toFixed(1)}/s, ${phase1.total} leads${phase1.missing ? `, ${phase1.missing} without a task` : ''}):`,
  );
  console.log(
    `  p50 ${pct(l, 50).toFixed(0)} ms, p90 ${pct(l, 90).toFixed(0)} ms, p99 ${pct(l, 99).toFixed(0)} ms, max ${l.at(-1).toFixed(0)} ms`,
  );
  const interp = median(rates.interpreter);
  const hand = median(rates.handWritten);
  console.log(
    `interpreter ${interp.toFixed(1)} runs/s vs hand-written ${hand.toFixed(1)} runs/s (medians): ratio ${(interp / hand).toFixed(2)}`,
  );
  writeResult({
    rate: RATE,
    seconds: SECONDS,
    achievedRate: phase1.achievedRate,
    leads: phase1.total,
    withoutTask: phase1.missing,
    p50: pct(l, 50),
    p90: pct(l, 90),
    p99: pct(l, 99),
    max: l.at(-1),
    runsPerRound: RUNS_PER_ROUND,
    rounds: ROUNDS,
    interpreterRunsPerSecond: interp,
    handWrittenRunsPerSecond: hand,
    ratio: interp / hand,
  });
} finally {
  await db?.end().catch(() => {});
  await connection?.close().catch(() => {});
  await product?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
