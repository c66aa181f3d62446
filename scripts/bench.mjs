// `npm run bench`: every benchmark in sequence, each as its own child process writing its figures as
// JSON (BENCH_JSON), then ONE table with the machine it ran on, printed and written into
// docs/benchmarks.md between the bench:latest markers. A benchmark that fails or times out gets a
// "failed: reason" row and the others still run; the exit code is then 1.
// BENCH_QUICK=1 shrinks every benchmark to check the harness in minutes; its table goes to
// docs/benchmarks/quick-run.md instead, marked as not the accepted figures. BENCH_ONLY=rules,soak
// runs a subset (its table is not written to docs/benchmarks.md either).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeSection } from './bench-lib/docs.mjs';
import { describeMachine, formatLoad, machineLine } from './bench-lib/machine.mjs';
import { devServers, groupMembers } from './bench-lib/proc.mjs';
import { ROOT } from './bench-lib/product.mjs';
import { suite } from './bench-lib/suite.mjs';
import { mark, markdownTable } from './bench-lib/table.mjs';

const QUICK = process.env.BENCH_QUICK === '1';
const ONLY = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const KILL_GRACE_MS = 30_000;
const ACCEPTED_DOC = join(ROOT, 'docs/benchmarks.md');
const DOC =
  process.env.BENCH_DOC ?? join(ROOT, QUICK || ONLY ? 'docs/benchmarks/quick-run.md' : 'docs/benchmarks.md');

const benchmarks = suite({ quick: QUICK }).filter((b) => !ONLY || ONLY.includes(b.id));
if (benchmarks.length === 0) {
  console.error(`BENCH_ONLY=${process.env.BENCH_ONLY} names no benchmark`);
  process.exit(2);
}
const jsonDir = mkdtempSync(join(tmpdir(), 'baton-bench-json-'));
let current;

// Each benchmark runs in a process group of its own, so a timeout or Ctrl-C stops the product
// and databases it started as well.
function stopGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/**
 * A product that overran its stop deadline leaves its PostgreSQL (in the benchmark's process group)
 * or its Temporal dev server (in a group of its own) running, and they would load the machine under
 * the next benchmark. A dev server counts as left behind when it started while this benchmark ran,
 * in a benchmark's temporary directory (baton-bench-*), and that directory is gone.
 */
async function sweep(bench, child, serversBefore) {
  const left = [...devServers()].filter(
    ([pid, db]) =>
      !serversBefore.has(pid) && db?.startsWith(join(tmpdir(), 'baton-bench-')) && !existsSync(dirname(db)),
  );
  const members = groupMembers(child.pid);
  if (members.length === 0 && left.length === 0) return;
  const names = [...members.map((p) => `${p.comm} ${p.pid}`), ...left.map(([pid]) => `temporal ${pid}`)];
  console.log(`[${bench.id}] stopping what it left running: ${names.join(', ')}`);
  const signal = (name) => {
    stopGroup(child, name);
    for (const [pid] of left) {
      try {
        process.kill(pid, name);
      } catch {
        // already gone
      }
    }
  };
  const alive = () => groupMembers(child.pid).length > 0 || left.some(([pid]) => existsSync(`/proc/${pid}`));
  signal('SIGTERM');
  const deadline = performance.now() + KILL_GRACE_MS;
  while (alive() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  if (alive()) signal('SIGKILL');
}

process.once('SIGINT', () => {
  if (current) stopGroup(current, 'SIGTERM');
  rmSync(jsonDir, { recursive: true, force: true });
  process.exit(130);
});

/** Runs one benchmark; resolves with its figures or with the reason it failed. */
function run(bench) {
  const jsonPath = join(jsonDir, `${bench.id}.json`);
  const env = { ...process.env, ...bench.env, BENCH_JSON: jsonPath };
  const limit = typeof bench.timeoutMinutes === 'function' ? bench.timeoutMinutes(env) : bench.timeoutMinutes;
  const [command, ...args] = bench.command;
  const started = performance.now();
  const serversBefore = devServers();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    current = child;
    const tail = [];
    const relay = (stream, out) => {
      let partial = '';
      stream.on('data', (chunk) => {
        const lines = (partial + chunk.toString()).split('\n');
        partial = lines.pop();
        for (const line of lines) {
          out.write(`[${bench.id}] ${line}\n`);
          if (line.trim()) tail.push(line.trim());
          if (tail.length > 40) tail.shift();
        }
      });
      stream.on('end', () => partial && out.write(`[${bench.id}] ${partial}\n`));
    };
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stopGroup(child, 'SIGTERM');
      setTimeout(() => stopGroup(child, 'SIGKILL'), KILL_GRACE_MS).unref();
    }, limit * 60_000);
    child.once('error', (err) => tail.push(err.message));
    child.once('close', async (code, signal) => {
      clearTimeout(timer);
      current = undefined;
      await sweep(bench, child, serversBefore);
      const seconds = (performance.now() - started) / 1000;
      const failed = (reason) => resolve({ bench, env, seconds, error: reason });
      if (timedOut) return failed(`timed out after ${limit} min`);
      if (code !== 0) {
        // The most telling line: the last error the benchmark printed, else its last line.
        const reason = [...tail].reverse().find((l) => /error|failed|exited|refused/i.test(l)) ?? tail.at(-1);
        return failed(`exit ${code ?? signal}${reason ? `: ${reason}` : ''}`);
      }
      let figures;
      try {
        figures = JSON.parse(readFileSync(jsonPath, 'utf8'));
      } catch {
        return failed('it wrote no figures (BENCH_JSON)');
      }
      try {
        resolve({ bench, env, seconds, figures, rows: bench.rows(figures) });
      } catch (err) {
        failed(`its figures could not be read: ${err.message}`);
      }
    });
  });
}

// BENCH_* settings given to `npm run bench` itself reach every benchmark (BENCH_SOAK_MINUTES…).
const OWN_SETTINGS = new Set(['BENCH_JSON', 'BENCH_ONLY', 'BENCH_DOC', 'BENCH_QUICK']);
const passedOn = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => k.startsWith('BENCH_') && !OWN_SETTINGS.has(k)),
);

/** The command a reader can paste to repeat one benchmark (after `npm run build`). */
function commandLine({ bench }) {
  const env = Object.entries({ ...passedOn, ...bench.env }).map(([k, v]) => `${k}=${v} `);
  return `${env.join('')}${bench.command.join(' ')}`;
}

const machine = describeMachine();
const startedAt = new Date();
const t0 = performance.now();
console.log(`npm run bench${QUICK ? ' (BENCH_QUICK=1: shrunk, not the accepted figures)' : ''}`);
console.log(`machine: ${machineLine(machine)}; load average ${formatLoad(machine.loadAverage)}`);
const results = [];
for (const bench of benchmarks) {
  console.log(`\n=== ${bench.title}: ${commandLine({ bench })}`);
  results.push(await run(bench));
}
rmSync(jsonDir, { recursive: true, force: true });
const loadAtEnd = loadavg();
const minutes = (performance.now() - t0) / 60_000;

const tableRows = results.flatMap((r) =>
  r.error
    ? [[r.bench.title, 'every measure', `failed: ${r.error}`, '—', mark(false)]]
    : r.rows.map((x) => [r.bench.title, x.measure, x.result, x.goal, mark(x.ok)]),
);
const table = markdownTable(['benchmark', 'measure', 'result', 'goal', ''], tableRows);
const commands = markdownTable(
  ['benchmark', 'command', 'wall time'],
  results.map((r) => [r.bench.title, `\`${commandLine(r)}\``, `${(r.seconds / 60).toFixed(1)} min`]),
);
const soak = results.find((r) => r.bench.id === 'soak' && r.figures);
const failures = results.filter((r) => r.error);

const section = [
  QUICK || ONLY
    ? `**${QUICK ? 'Quick mode' : `Subset ${ONLY.join(', ')}`} — not accepted figures.** Produced by \`${QUICK ? 'BENCH_QUICK=1 ' : ''}${ONLY ? `BENCH_ONLY=${ONLY.join(',')} ` : ''}npm run bench\`, which only checks the harness; the accepted table is in [benchmarks.md](${relative(dirname(DOC), ACCEPTED_DOC)}).`
    : 'Generated by `npm run bench`; do not edit by hand (the next run replaces it).',
  '',
  `- Run: ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${minutes.toFixed(1)} min in all.`,
  `- Machine: ${machineLine(machine)}.`,
  `- Load average (1 / 5 / 15 min): ${formatLoad(machine.loadAverage)} at the start, ${formatLoad(loadAtEnd)} at the end.`,
  '',
  table,
  '',
  ...(soak
    ? [
        `Memory during the soak (${soak.figures.counts.requests} requests; ${soak.figures.counts.errors} errors; outbox backlog at the end ${soak.figures.outboxPendingAtEnd ?? '—'}):`,
        '',
        `![Memory during the soak](${relative(dirname(DOC), soak.figures.chart)})`,
        '',
      ]
    : []),
  'Each benchmark ran as below, from the repository root after the one `npm run build` that `npm run bench` starts with (each also got `BENCH_JSON=<file>`, where it writes its figures):',
  '',
  commands,
].join('\n');

writeSection(
  DOC,
  section,
  QUICK || ONLY ? '# `npm run bench`: harness check' : '## Latest `npm run bench` table',
);

console.log('\n');
console.log(`npm run bench${QUICK ? ' — quick mode, not accepted figures' : ''}`);
console.log(`machine: ${machineLine(machine)}`);
console.log(
  `load average (1/5/15 min): start ${formatLoad(machine.loadAverage)}, end ${formatLoad(loadAtEnd)}`,
);
console.log('');
console.log(table);
if (soak) console.log(`\nsoak memory chart: ${relative(ROOT, soak.figures.chart)}`);
console.log(`\nwritten to ${relative(ROOT, DOC)}; ${minutes.toFixed(1)} min in all`);
if (failures.length > 0) {
  console.log(`${failures.length} benchmark(s) failed: ${failures.map((f) => f.bench.id).join(', ')}`);
  process.exit(1);
}
