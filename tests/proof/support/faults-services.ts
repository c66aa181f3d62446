import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

// Each service lives in a Node process of its own (the embedded PostgreSQL package cannot load
// inside Jest's module sandbox), so the suite can stop one and start it again on the same port and
// the same data while everything else keeps running. SIGTERM stops the service cleanly: PostgreSQL
// with a fast shutdown (open connections are cut), the Temporal dev server with its own SIGTERM.
const HOST = `
const { join } = require('node:path');
const runtime = require('@baton/runtime');
const [kind, dataDir, port] = process.argv.slice(1);
const start = async () => {
  if (kind === 'postgres') {
    const pg = await runtime.startEmbeddedPostgres({
      dataDir: join(dataDir, 'pg'), port: Number(port), database: 'baton', log: runtime.silentLog,
    });
    return { address: pg.url, stop: pg.stop };
  }
  return runtime.startTemporalDevServer({
    cliPath: await runtime.ensureTemporalCli(runtime.silentLog),
    dbFile: join(dataDir, 'temporal.db'),
    port: Number(port),
    uiPort: await runtime.freePort(),
    namespace: 'baton',
    headless: true,
    log: runtime.silentLog,
  });
};
start().then(
  (service) => {
    console.log(JSON.stringify({ address: service.address }));
    process.on('SIGTERM', () => service.stop().then(() => process.exit(0)));
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);`;

export type ServiceKind = 'postgres' | 'temporal';

/** PostgreSQL or the Temporal dev server, on a fixed port and data directory, that can be stopped and started again. */
export class Service {
  address = '';
  private child?: ChildProcess;

  constructor(
    readonly kind: ServiceKind,
    readonly dataDir: string,
    readonly port: number,
  ) {}

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the service and resolves once it answers; its address stays the same across restarts. */
  async start(): Promise<void> {
    const child = spawn(process.execPath, ['-e', HOST, this.kind, this.dataDir, String(this.port)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let output = '';
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    const line = await new Promise<string>((resolveLine, reject) => {
      child.stdout?.on('data', (c: Buffer) => {
        output += c.toString();
        const first = output.split('\n').find((l) => l.startsWith('{'));
        if (first) resolveLine(first);
      });
      child.once('exit', () => reject(new Error(`${this.kind} did not start:\n${output}`)));
    });
    this.address = (JSON.parse(line) as { address: string }).address;
  }

  /** Stops the service cleanly and resolves once it is gone. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}
