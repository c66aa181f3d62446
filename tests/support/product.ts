import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '@baton/runtime';

const ROOT = resolve(__dirname, '../..');
const ENTRY = join(ROOT, 'apps/api/dist/start.js');

export interface Product {
  baseUrl: string;
  dataDir: string;
  /** The embedded services, for extra processes (workers) joining this product. */
  databaseUrl: string;
  temporalAddress: string;
  process: ChildProcess;
  output(): string;
  /** Graceful stop, as Ctrl-C would do it. */
  stop(): Promise<void>;
  /** kill -9 of the product's main process; its database and Temporal children are left orphaned. */
  crash(): Promise<void>;
}

/**
 * Starts the built product exactly as `npm start` does — embedded PostgreSQL, Temporal dev server,
 * API, worker and web — on free ports and a private data directory, and waits until it is healthy.
 */
export async function startProduct(
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<Product> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'baton-test-'));
  // A port found free can be taken before the product binds it (the Temporal dev server opens
  // several ports of its own); such a start is retried on new ports with the same data.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce({ ...options, dataDir });
    } catch (err) {
      if (attempt >= 3 || !(err instanceof Error) || !/EADDRINUSE|address already in use/.test(err.message))
        throw err;
    }
  }
}

async function startOnce(options: { dataDir: string; env?: Record<string, string> }): Promise<Product> {
  const { dataDir } = options;
  const port = await freePort();
  const pgPort = await freePort();
  const temporalPort = await freePort();
  const child = spawn(process.execPath, [ENTRY], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      BATON_DATA_DIR: dataDir,
      BATON_PG_PORT: String(pgPort),
      BATON_TEMPORAL_PORT: String(temporalPort),
      BATON_TEMPORAL_HEADLESS: 'true',
      BATON_LOG_LEVEL: 'warn',
      BATON_DISPATCH_INTERVAL_MS: '200',
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the product exited during start-up:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the product did not become healthy in 180s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    baseUrl,
    dataDir,
    databaseUrl: options.env?.DATABASE_URL || `postgres://baton:baton@127.0.0.1:${pgPort}/baton`,
    temporalAddress: options.env?.TEMPORAL_ADDRESS || `127.0.0.1:${temporalPort}`,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    async crash() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface WorkerProcess {
  process: ChildProcess;
  output(): string;
  crash(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a worker-only Baton process (BATON_ROLE=worker) against a running product's services. */
export async function startWorker(product: Product): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [ENTRY], {
    cwd: ROOT,
    env: {
      ...process.env,
      BATON_ROLE: 'worker',
      DATABASE_URL: product.databaseUrl,
      TEMPORAL_ADDRESS: product.temporalAddress,
      BATON_LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const deadline = Date.now() + 120_000;
  while (!output.includes('polling task queue')) {
    if (child.exitCode !== null) throw new Error(`the worker exited during start-up:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the worker did not start in 120s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    process: child,
    output: () => output,
    async crash() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
