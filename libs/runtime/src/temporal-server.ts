import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import type { Log } from './log';

export interface TemporalDevServerOptions {
  cliPath: string;
  dbFile: string;
  port: number;
  uiPort: number;
  namespace: string;
  headless: boolean;
  log: Log;
}

export interface RunningTemporal {
  address: string;
  uiUrl?: string;
  stop(): Promise<void>;
  /** For a parent about to exit without waiting: the server is in its own process group, so tell it. */
  abandon(): void;
}

/**
 * Starts `temporal server start-dev` on a persistent SQLite file, so runs survive restarts, and
 * waits until its frontend answers.
 */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<RunningTemporal> {
  const dbFile = resolve(options.dbFile);
  mkdirSync(dirname(dbFile), { recursive: true });
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--db-filename',
    dbFile,
    '--namespace',
    options.namespace,
    '--log-level',
    'warn',
    // Write-ahead logging with NORMAL sync: a commit no longer waits for an fsync of the whole
    // database, which capped the server at a few runs a second. Still safe when a process is
    // killed; only an operating-system crash can lose the last moments.
    '--sqlite-pragma',
    'journal_mode=wal',
    '--sqlite-pragma',
    'synchronous=1',
  ];
  if (options.headless) args.push('--headless');
  else args.push('--ui-port', String(options.uiPort));

  const pidFile = `${dbFile}.pid`;
  await stopOrphan(pidFile, options.log);
  // Own process group: a terminal's Ctrl-C reaches Baton, which stops the server after the worker drains.
  const child = spawn(options.cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  if (child.pid) writeFileSync(pidFile, String(child.pid));
  let exited = false;
  let output = '';
  const capture = (chunk: Buffer): void => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-4000);
    options.log(text.trim());
  };
  child.stdout?.on('data', capture);
  child.stderr?.on('data', capture);
  child.on('exit', () => {
    exited = true;
  });

  const address = `127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`Temporal dev server exited during start-up:\n${output}`);
    if (await reachable(address)) break;
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`Temporal dev server did not answer on ${address} within 60s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    address,
    uiUrl: options.headless ? undefined : `http://127.0.0.1:${options.uiPort}`,
    stop: async () => {
      await stopChild(child);
      rmSync(pidFile, { force: true });
    },
    abandon: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
}

// A dev server left behind by a killed parent still holds the port and the database file.
async function stopOrphan(pidFile: string, log: Log): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0 || !isTemporal(pid)) return;
  log(`stopping the Temporal dev server left running by an earlier start (pid ${pid})`);
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && isTemporal(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

function isTemporal(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('start-dev');
  } catch {
    return false;
  }
}

async function reachable(address: string): Promise<boolean> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: 1000 });
    await connection.workflowService.getSystemInfo({});
    return true;
  } catch {
    return false;
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}
