// `npm run bench:handoff`: boots the built product on free ports in a temporary directory, then
// measures (1) start-up time to a healthy /api/health, cold (new data dir) and warm (same dir),
// and (2) lead→task latency: from POST /api/leads to the task being visible in the owner's inbox.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import runtime from '../libs/runtime/dist/index.js';

const LEADS = Number(process.env.BENCH_LEADS ?? 30);
const dataDir = mkdtempSync(join(tmpdir(), 'baton-bench-'));

async function start() {
  const port = await runtime.freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    BATON_DATA_DIR: dataDir,
    BATON_PG_PORT: String(await runtime.freePort()),
    BATON_TEMPORAL_PORT: String(await runtime.freePort()),
    BATON_TEMPORAL_HEADLESS: 'true',
    BATON_LOG_LEVEL: 'warn',
  };
  const t0 = performance.now();
  const child = spawn(process.execPath, ['apps/api/dist/start.js'], { env, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {}
    if (child.exitCode !== null) throw new Error('product exited during start-up');
    await new Promise((r) => setTimeout(r, 50));
  }
  const ms = performance.now() - t0;
  const stop = () =>
    new Promise((r) => {
      child.once('exit', r);
      child.kill('SIGTERM');
    });
  return { base, ms, stop };
}

async function login(base, email) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'baton-demo' }),
  });
  return (await res.json()).token;
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

try {
  const cold = await start();
  await cold.stop();
  const warm = await start();
  const admin = await login(warm.base, 'admin@demo.baton');
  const reps = {
    'Riley Rep': await login(warm.base, 'rep1@demo.baton'),
    'Sam Seller': await login(warm.base, 'rep2@demo.baton'),
  };
  const latencies = [];
  for (let i = 0; i < LEADS; i++) {
    const t0 = performance.now();
    const lead = await (
      await fetch(`${warm.base}/api/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ name: `Bench lead ${i}` }),
      })
    ).json();
    for (;;) {
      const tasks = await Promise.all(
        Object.values(reps).map(
          async (token) =>
            (
              await (
                await fetch(`${warm.base}/api/tasks?assignee=me&limit=200`, {
                  headers: { authorization: `Bearer ${token}` },
                })
              ).json()
            ).items,
        ),
      );
      if (tasks.flat().some((t) => t.record?.id === lead.id)) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    latencies.push(performance.now() - t0);
  }
  await warm.stop();
  latencies.sort((a, b) => a - b);
  console.log(
    `start-up to healthy: cold ${(cold.ms / 1000).toFixed(1)} s (new data dir), warm ${(warm.ms / 1000).toFixed(1)} s`,
  );
  console.log(
    `lead→task latency over ${LEADS} leads: p50 ${pct(latencies, 50).toFixed(0)} ms, p95 ${pct(latencies, 95).toFixed(0)} ms, max ${latencies.at(-1).toFixed(0)} ms`,
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
