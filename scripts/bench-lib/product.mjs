// Boots the built product the way `npm start` runs it — embedded PostgreSQL, headless Temporal dev
// server, API, worker and web app in one process tree — on free ports, for the benchmark scripts.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import runtime from '../../libs/runtime/dist/index.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRY = join(ROOT, 'apps/api/dist/start.js');
const OUTPUT_KEPT = 20_000;

export const newDataDir = () => mkdtempSync(join(tmpdir(), 'baton-bench-'));
export const removeDataDir = (dir) => rmSync(dir, { recursive: true, force: true });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Spawns the product and resolves once GET /api/health answers 200. `ms` is the time from spawn to
 * that answer. A port found free can be taken before the product binds it, so with `attempts` > 1
 * such a start is tried again on new ports.
 */
export async function startProduct({ dataDir, env = {}, nodeArgs = [], attempts = 3, timeoutMs = 300_000 }) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce({ dataDir, env, nodeArgs, timeoutMs });
    } catch (err) {
      if (attempt >= attempts || !/EADDRINUSE|address already in use/.test(String(err?.message))) throw err;
    }
  }
}

/**
 * A product that overruns its stop deadline exits without stopping its Temporal dev server (a
 * process group of its own); the server's pid file in the data directory names it.
 */
async function stopLeftDevServer(dataDir) {
  const pidFile = join(dataDir, 'temporal.db.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  const running = () => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dataDir);
    } catch {
      return false;
    }
  };
  if (!Number.isInteger(pid) || pid <= 0 || !running()) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && running(); i++) await sleep(100);
  if (running()) process.kill(pid, 'SIGKILL');
}

async function startOnce({ dataDir, env, nodeArgs, timeoutMs }) {
  const ports = {
    http: await runtime.freePort(),
    pg: await runtime.freePort(),
    temporal: await runtime.freePort(),
  };
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, ENTRY], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(ports.http),
      HOST: '127.0.0.1',
      BATON_DATA_DIR: dataDir,
      BATON_PG_PORT: String(ports.pg),
      BATON_TEMPORAL_PORT: String(ports.temporal),
      BATON_TEMPORAL_HEADLESS: 'true',
      BATON_LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEPT);
    if (process.env.BENCH_VERBOSE === '1') process.stderr.write(chunk);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((r) => child.once('exit', r));
  const base = `http://127.0.0.1:${ports.http}`;
  const deadline = t0 + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `the product exited during start-up: ${output.trim().split('\n').slice(-5).join(' | ')}`,
      );
    try {
      if ((await fetch(`${base}/api/health`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`the product was not healthy after ${timeoutMs / 1000} s`);
    }
    await sleep(50);
  }
  const ms = performance.now() - t0;
  return {
    base,
    ports,
    ms,
    pid: child.pid,
    databaseUrl: `postgres://baton:baton@127.0.0.1:${ports.pg}/baton`,
    output: () => output,
    /** Graceful stop, as Ctrl-C would do it. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      await stopLeftDevServer(dataDir);
    },
  };
}
