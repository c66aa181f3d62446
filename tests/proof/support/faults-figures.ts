import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { answerKey, isOk, type Answer } from './faults-traffic';
import { duplicated, finished, type LeadOutcome } from './faults-outcomes';

// Answers to requests during an outage must come quickly: a client waiting longer is a hang.
export const ANSWER_WITHIN_MS = 5_000;

// Readiness answers with its own body (status and dependencies), not an error body.
const HEALTH_KINDS = new Set(['ready']);

/** One line of the fault suite's figures. */
export interface FaultRow {
  fault: string;
  /** Runs that had started and not finished when the fault hit. */
  inFlight: number;
  leads: number;
  runsStarted: number;
  runsCompleted: number;
  lost: number;
  duplicates: { tasks: number; watches: number; notifications: number; runs: number };
  /** Answers to requests sent from the fault's start until what it took down was back, by kind and answer. */
  outage: Record<string, Record<string, number>>;
  /** The slowest answer to a request sent before the restart. */
  slowestMs: number;
  firstOkMs: number | null;
  allDoneMs: number | null;
  note: string;
  held: boolean;
}

/** When the fault began, when the restart was issued, and when what it took down answered again. */
export interface Window {
  start: number;
  restart: number;
  end: number;
}

// A request sent in the last moment before the restart may be taken up by the service as it comes
// back, and then wait for its work behind the backlog the outage left.
const RESTART_MARGIN_MS = 1_000;

/**
 * Answers that break the contract for clients: anything but a 2xx or a 503 with Retry-After and a
 * `{ code, message }` body (readiness: its own body); a hang; a refusal slower than
 * ANSWER_WITHIN_MS; any answer that slow to a request sent while the dependency was down; or a
 * failed connection where `networkAllowed` does not excuse it (the API process itself was down).
 */
export function badAnswers(
  answers: Answer[],
  outage: Window,
  networkAllowed: (a: Answer) => boolean = () => false,
): Answer[] {
  const down = (a: Answer) => a.sentAt >= outage.start && a.sentAt <= outage.restart - RESTART_MARGIN_MS;
  return answers.filter((a) => {
    if (a.outcome === 'refused' || a.outcome === 'reset') return !networkAllowed(a);
    if (a.outcome === 'timeout') return true;
    if (a.ms > ANSWER_WITHIN_MS && (!isOk(a) || down(a))) return true;
    if (isOk(a)) return false;
    return !(a.outcome === 503 && a.retryAfter !== null && (a.shaped || HEALTH_KINDS.has(a.kind)));
  });
}

export function outageAnswers(answers: Answer[], window: Window): FaultRow['outage'] {
  const split: FaultRow['outage'] = {};
  for (const a of answers) {
    if (a.sentAt < window.start || a.sentAt > window.end) continue;
    const byKey = (split[a.kind] ??= {});
    byKey[answerKey(a)] = (byKey[answerKey(a)] ?? 0) + 1;
  }
  return split;
}

/** From the restart to the first successful request of `kind` sent after it. */
export function firstOkAfter(answers: Answer[], kind: string, end: number): number | null {
  const ok = answers.filter((a) => a.kind === kind && a.sentAt >= end && isOk(a));
  return ok.length ? Math.min(...ok.map((a) => a.sentAt + a.ms)) - end : null;
}

export function tally(outcomes: LeadOutcome[]) {
  const over = (count: (o: LeadOutcome) => number) => outcomes.filter((o) => count(o) > 1).length;
  return {
    runsStarted: outcomes.reduce((n, o) => n + o.handoffs + o.notices + o.watches, 0),
    runsCompleted: outcomes.reduce((n, o) => n + o.handoffsCompleted + o.noticesCompleted, 0),
    lost: outcomes.filter((o) => !finished(o)).length,
    duplicated: outcomes.filter(duplicated),
    duplicates: {
      tasks: over((o) => o.tasks),
      watches: over((o) => o.watches),
      notifications: over((o) => o.notifications),
      runs: over((o) => Math.max(o.handoffs, o.notices)),
    },
    allDoneAt: outcomes.every(finished) ? Math.max(...outcomes.map((o) => o.doneAt ?? 0)) : null,
  };
}

const seconds = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);

export function faultTable(rows: FaultRow[]): string {
  const answers = (outage: FaultRow['outage']) =>
    Object.entries(outage)
      .map(
        ([kind, split]) =>
          `${kind}: ${Object.entries(split)
            .sort()
            .map(([k, n]) => `${k} ×${n}`)
            .join(', ')}`,
      )
      .join('; ');
  return [
    '| fault | runs in flight at the fault | leads | runs started | runs completed | lost | duplicates (tasks / SLA watches / notifications / runs) | answers until it was back | slowest answer while it was down | first OK request after the restart | all runs completed after the restart | held |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | ---: | :---: |',
    ...rows
      .map((r) =>
        [
          `${r.fault}${r.note ? ` (${r.note})` : ''}`,
          r.inFlight,
          r.leads,
          r.runsStarted,
          r.runsCompleted,
          r.lost,
          `${r.duplicates.tasks} / ${r.duplicates.watches} / ${r.duplicates.notifications} / ${r.duplicates.runs}`,
          answers(r.outage),
          `${r.slowestMs} ms`,
          seconds(r.firstOkMs),
          seconds(r.allDoneMs),
          r.held ? '✔' : '✘',
        ].join(' | '),
      )
      .map((line) => `| ${line} |`),
  ].join('\n');
}

/** Keeps a process's log beside the figures in test-results/proof, for a look after a failure. */
export function keepLog(name: string, text: string): void {
  const dir = resolve(__dirname, '../../../test-results/proof');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), text);
}
