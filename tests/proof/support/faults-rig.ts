import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { freePort } from '@baton/runtime';
import { ApiClient, expectStatus } from '../../support/api';
import { removeDataDir } from '../../support/product';
import { BatonProcess } from './faults-baton';
import {
  badAnswers,
  faultTable,
  firstOkAfter,
  keepLog,
  outageAnswers,
  tally,
  type FaultRow,
  type Window,
} from './faults-figures';
import {
  failedRuns,
  finished,
  inFlight,
  pendingEvents,
  settle,
  sql,
  type LeadOutcome,
} from './faults-outcomes';
import { Service } from './faults-services';
import { answerKey, Traffic, type Answer } from './faults-traffic';
import { noticeDefinition } from './faults-workflows';
import { reportFigures } from './figures';

const LEAD_EVERY_MS = 250;
const WARM_UP_MS = 3_000;
const AFTER_MS = 3_000;
const SETTLE_MS = 120_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Fault {
  name: string;
  key: string;
  /** How long what the fault took down stays down before the restart. */
  outageMs: number;
  /** The request kind whose first success after the restart counts as recovery. */
  recoveryKind: string;
  probes?(traffic: Traffic): void;
  /** Sets the scene once the traffic runs, e.g. runs in flight; before the fault's figures start. */
  prepare?(traffic: Traffic): Promise<void>;
  /** Starts the fault; resolves once it is in effect. */
  inject(traffic: Traffic): Promise<void>;
  /** Restarts what the fault took down; resolves once it answers again. */
  recover(): Promise<void>;
  /** Failed connections are expected only when the API process itself is down. */
  networkAllowed?(a: Answer, w: Window): boolean;
  note?(): string;
}

/** How one fault went: the traffic, when the fault began, restarted and ended, what the database holds. */
export interface FaultRun {
  fault: Fault;
  traffic: Traffic;
  window: Window;
  outcomes: LeadOutcome[];
  row: FaultRow;
}

/** The error lines of a process's log with what follows them (a stack), for a failure message. */
function errorLines(output: string): string {
  const lines = output.split('\n');
  return lines
    .flatMap((line, i) => (/\bERROR\b/.test(line) ? lines.slice(i, i + 12) : []))
    .join('\n')
    .slice(0, 6000);
}

/**
 * The product as separate processes on one machine — PostgreSQL, the Temporal dev server, one API
 * (BATON_ROLE=api) and one worker (BATON_ROLE=worker), each stoppable on its own — and the harness
 * that runs a fault against it while leads arrive, then checks what became of every lead.
 */
export class FaultRig {
  readonly rows: FaultRow[] = [];
  readonly dataDir = mkdtempSync(join(tmpdir(), 'baton-faults-'));
  postgres!: Service;
  temporal!: Service;
  api!: BatonProcess;
  worker!: BatonProcess;
  admin!: ApiClient;
  adminId = '';
  noticeWorkflowId = '';
  /** A lead outside every fault's traffic, for dry runs. */
  probeLeadId = '';

  get databaseUrl(): string {
    return this.postgres.address;
  }

  async start(): Promise<void> {
    this.postgres = new Service('postgres', this.dataDir, await freePort());
    this.temporal = new Service('temporal', this.dataDir, await freePort());
    await Promise.all([this.postgres.start(), this.temporal.start()]);
    const services = { databaseUrl: this.postgres.address, temporalAddress: this.temporal.address };
    this.api = new BatonProcess('api', await freePort(), services);
    this.worker = new BatonProcess('worker', await freePort(), services);
    this.api.spawn();
    this.worker.spawn();
    await Promise.all([this.api.ready(), this.worker.ready()]);

    this.admin = await ApiClient.login(this.api.baseUrl, 'admin@demo.baton');
    this.adminId = (await expectStatus(this.api, this.admin.get('/api/auth/me'))).id;
    this.noticeWorkflowId = await this.publish(noticeDefinition(this.adminId));
    this.probeLeadId = (
      await expectStatus(this.api, this.admin.post('/api/leads', { name: 'Fault suite probe' }), 201)
    ).id;
  }

  /**
   * A burst of leads, then waits until at least `count` of their handoff runs are under way, so the
   * fault hits runs in the middle of their steps.
   */
  async runsInFlight(traffic: Traffic, count = 4): Promise<void> {
    traffic.burst(12);
    const deadline = Date.now() + 10_000;
    while ((await inFlight(this.databaseUrl, traffic.tag)) < count && Date.now() < deadline) await sleep(20);
  }

  /** Creates and publishes a workflow; returns its id. */
  async publish(definition: unknown): Promise<string> {
    const { id } = await expectStatus(this.api, this.admin.post('/api/workflows', { definition }), 201);
    await expectStatus(
      this.api,
      this.admin.post(`/api/workflows/${id}/versions/1/publish`, { note: 'faults' }),
    );
    return id as string;
  }

  /** Drives traffic, injects the fault, restarts, and waits for every run of the traffic to settle. */
  async run(fault: Fault): Promise<FaultRun> {
    const tag = `Fault ${Date.now()} ${fault.key}`;
    const traffic = new Traffic(this.api.baseUrl, this.admin.token!, tag).leads(LEAD_EVERY_MS);
    fault.probes?.(traffic);
    await sleep(WARM_UP_MS);
    await fault.prepare?.(traffic);
    const running = await inFlight(this.databaseUrl, tag);
    const start = Date.now();
    await fault.inject(traffic);
    await sleep(fault.outageMs);
    const restart = Date.now();
    await fault.recover();
    const window: Window = { start, restart, end: Date.now() };
    await sleep(AFTER_MS);
    await traffic.stop();

    const outcomes = await settle(this.databaseUrl, tag, SETTLE_MS);
    const counts = tally(outcomes);
    const whileDown = traffic.answers.filter((a) => a.sentAt >= start && a.sentAt <= restart);
    const row: FaultRow = {
      fault: fault.name,
      inFlight: running,
      leads: outcomes.length,
      runsStarted: counts.runsStarted,
      runsCompleted: counts.runsCompleted,
      lost: counts.lost,
      duplicates: counts.duplicates,
      outage: outageAnswers(traffic.answers, window),
      slowestMs: Math.max(0, ...whileDown.map((a) => a.ms)),
      firstOkMs: firstOkAfter(traffic.answers, fault.recoveryKind, restart),
      allDoneMs: counts.allDoneAt === null ? null : Math.max(0, counts.allDoneAt - restart),
      note: [`back ${((window.end - restart) / 1000).toFixed(1)} s after the restart`, fault.note?.()]
        .filter(Boolean)
        .join('; '),
      held: false,
    };
    this.rows.push(row);
    // Every answer, timed from the fault's start, for a look at what happened when something failed.
    const timeline = traffic.answers.map((a) => ({ ...a, sentAt: a.sentAt - start }));
    keepLog(`faults-${fault.key}-answers.json`, JSON.stringify({ window, timeline }, null, 1));
    return { fault, traffic, window, outcomes, row };
  }

  /**
   * The invariants every fault must keep, then the fault's own (`more`); the figures row says
   * whether all of them held.
   */
  async verify(result: FaultRun, more: () => void | Promise<void> = () => undefined): Promise<void> {
    await this.expectKept(result);
    await more();
    result.row.held = true;
  }

  private async expectKept({ fault, traffic, outcomes, row, window }: FaultRun): Promise<void> {
    const stored = new Set(outcomes.map((o) => o.id));
    const acknowledged = traffic.of('lead').flatMap((a) => (a.outcome === 201 ? [a.id!] : []));
    expect(acknowledged.length).toBeGreaterThan(0);
    // Every lead the API acknowledged is stored (and some it could not acknowledge may be too).
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    // Every stored lead got its handoff run completed, its task, its SLA watch and its notice.
    const lost = outcomes.filter((o) => !finished(o));
    if (lost.length > 0) {
      const failed = await failedRuns(this.databaseUrl, traffic.tag);
      throw new Error(
        [
          `${lost.length} leads lost, e.g. ${JSON.stringify(lost.slice(0, 3))}`,
          `failed runs: ${JSON.stringify(failed)}`,
          `worker errors:\n${errorLines(this.worker.output())}`,
        ].join('\n'),
      );
    }
    // … exactly once.
    expect(row.duplicates).toEqual({ tasks: 0, watches: 0, notifications: 0, runs: 0 });
    expect(outcomes.filter((o) => o.handoffs !== 1 || o.notices !== 1 || o.watches !== 1)).toEqual([]);
    expect(outcomes.filter((o) => o.tasks !== 1 || o.notifications !== 1)).toEqual([]);
    expect(await pendingEvents(this.databaseUrl, traffic.tag)).toEqual([]);
    // No 500, no hang, no slow answer while the fault lasted: a quick 503 with Retry-After or a success.
    const bad = badAnswers(traffic.answers, window, (a) => fault.networkAllowed?.(a, window) ?? false);
    if (bad.length > 0) {
      const when = (a: Answer) => `${((a.sentAt - window.start) / 1000).toFixed(1)} s into the fault`;
      throw new Error(
        [
          `bad answers: ${bad.map((a) => `${a.kind} ${answerKey(a)} after ${a.ms} ms, sent ${when(a)}`).join('; ')}`,
          `api errors:\n${errorLines(this.api.output())}`,
        ].join('\n'),
      );
    }
    // Both processes are ready again: reconnected to PostgreSQL and Temporal, the worker polling.
    await Promise.all([this.api.ready(60_000), this.worker.ready(60_000)]);
  }

  /** Of these outbox events, how many already have a run in Temporal (started, not yet marked dispatched). */
  async alreadyStarted(eventIds: string[]): Promise<number> {
    const workflows = await sql<{ id: string }>(
      this.databaseUrl,
      `select id from workflows where key in ('lead-handoff', 'fault-notice')`,
    );
    const connection = await Connection.connect({ address: this.temporal.address });
    try {
      const client = new TemporalClient({ connection, namespace: 'baton' });
      const exists = (id: string) =>
        client.workflow
          .getHandle(id)
          .describe()
          .then(
            () => true,
            () => false,
          );
      let started = 0;
      for (const eventId of eventIds) {
        const found = await Promise.all(workflows.map((w) => exists(`run-${w.id}-${eventId}`)));
        if (found.some(Boolean)) started += 1;
      }
      return started;
    } finally {
      await connection.close();
    }
  }

  /** Prints and keeps the figures and the processes' logs, then stops everything. */
  async stop(): Promise<void> {
    if (this.rows.length > 0) reportFigures('faults', faultTable(this.rows));
    await Promise.all([this.api?.stop(), this.worker?.stop()]);
    for (const p of [this.api, this.worker]) if (p) keepLog(`faults-${p.role}.log`, p.output());
    await Promise.all([this.postgres?.stop(), this.temporal?.stop()]);
    removeDataDir(this.dataDir);
  }
}
