import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ENTRY = resolve(__dirname, '../../../apps/api/dist/start.js');
const KEEP_OUTPUT = 200_000;

export type BatonRole = 'api' | 'worker';

export interface BatonEnv {
  databaseUrl: string;
  temporalAddress: string;
}

/**
 * One Baton process (apps/api/dist/start.js with BATON_ROLE=api or worker) on a fixed port, so a
 * restart after kill -9 answers where the old one did. The worker's port serves health only.
 */
export class BatonProcess {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  private log = '';

  constructor(
    readonly role: BatonRole,
    readonly port: number,
    private readonly services: BatonEnv,
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  output(): string {
    return this.log;
  }

  /** Spawns the process; `ready()` says when it can work. */
  spawn(): void {
    const child = spawn(process.execPath, [ENTRY], {
      env: {
        ...process.env,
        BATON_ROLE: this.role,
        ...(this.role === 'api' ? { PORT: String(this.port) } : { BATON_WORKER_PORT: String(this.port) }),
        HOST: '127.0.0.1',
        DATABASE_URL: this.services.databaseUrl,
        TEMPORAL_ADDRESS: this.services.temporalAddress,
        TEMPORAL_NAMESPACE: 'baton',
        BATON_LOG_LEVEL: 'warn',
        BATON_DISPATCH_INTERVAL_MS: '200',
        BATON_DATE_SWEEP_MS: '1000',
        BATON_SHUTDOWN_GRACE_SECONDS: '5',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (c: Buffer) => (this.log = (this.log + c.toString()).slice(-KEEP_OUTPUT));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.child = child;
    this.exited = new Promise((r) => child.once('exit', () => r()));
  }

  get alive(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Waits until /api/health/ready answers 200 (database, Temporal and, for a worker, its pollers). */
  async ready(timeoutMs = 180_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.alive) throw new Error(`the ${this.role} process exited:\n${this.log}`);
      const res = await fetch(`${this.baseUrl}/api/health/ready`, {
        signal: AbortSignal.timeout(5_000),
      }).catch(() => undefined);
      if (res?.status === 200) return;
      if (Date.now() > deadline)
        throw new Error(`the ${this.role} process was not ready in ${timeoutMs} ms:\n${this.log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** kill -9: no shutdown hook runs, whatever was in flight is cut off. */
  async kill(): Promise<void> {
    if (!this.alive) return;
    this.child!.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, as an orchestrator stops a process; exit code 0 means it drained and stopped cleanly. */
  async stop(): Promise<number | null> {
    if (!this.alive) return this.child?.exitCode ?? null;
    this.child!.kill('SIGTERM');
    await this.exited;
    return this.child!.exitCode;
  }
}
