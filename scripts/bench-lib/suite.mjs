// The benchmarks `npm run bench` runs, in order: how each is started, its quick-mode settings, and
// how its JSON figures become table rows with their goals (from the issues; libs/rules/BENCH.md and
// docs/benchmarks.md explain each).
import { ms, num } from './stats.mjs';

const s = (millis) => `${(millis / 1000).toFixed(1)} s`;
const int = (n) => Math.round(n).toLocaleString('en-US');
const µs = (millis) => `${(millis * 1000).toFixed(1)} µs`;

/** A row of the table; `ok` undefined where no goal is set. */
const row = (measure, result, goal = '—', ok = undefined) => ({ measure, result, goal, ok });

/**
 * `quick`: BENCH_QUICK=1, every benchmark shrunk so the harness can be checked in minutes; its
 * figures are not the accepted ones.
 */
export function suite({ quick }) {
  const q = (env) => (quick ? env : {});
  return [
    {
      id: 'rules',
      title: 'Rules',
      command: ['npm', 'run', 'bench:rules'],
      env: q({ BENCH_RULES_ROUNDS: '5' }),
      timeoutMinutes: 20,
      rows: (r) => [
        row(
          `condition evaluation, compileRule (the default) ÷ json-logic-js, ${r.rules} rules × ${int(r.records)} records`,
          `${r.ratio.toFixed(1)}× (${num(r.evalsPerSecond.compiled / 1e6, 2)}M vs ${num(r.evalsPerSecond.jsonLogic / 1e6, 2)}M evals/s)`,
          '≥ 50×',
          r.ratio >= 50,
        ),
        row(
          'condition evaluation, generateRule ÷ json-logic-js',
          `${r.generatedRatio.toFixed(1)}× (${num(r.evalsPerSecond.generated / 1e6, 2)}M evals/s)`,
          '≥ 50×',
          r.generatedRatio >= 50,
        ),
        row(
          `trigger matching, ${int(r.triggers.count)} published triggers, stream of ${int(r.triggers.events)} record changes`,
          `${int(r.triggers.eventsPerSecond)} events/s; one event p50 ${µs(r.triggers.p50)}, p99 ${µs(r.triggers.p99)}`,
          'p99 ≤ 200 µs',
          r.triggers.p99 <= 0.2,
        ),
      ],
    },
    {
      id: 'start',
      title: 'Start-up',
      command: ['node', 'scripts/bench-start.mjs'],
      env: q({ BENCH_QUICK: '1' }),
      timeoutMinutes: 20,
      rows: (r) => [
        row(
          `start to healthy, cold: new data dir, migrations + demo data (median of ${r.rounds})`,
          s(r.coldMs),
        ),
        row(`start to healthy, warm: second start on the same dir (median of ${r.rounds})`, s(r.warmMs)),
      ],
    },
    {
      id: 'engine',
      title: 'Engine',
      command: ['node', 'scripts/bench-engine.mjs'],
      env: q({ BENCH_SECONDS: '5', BENCH_RUNS: '30', BENCH_ROUNDS: '1' }),
      timeoutMinutes: 30,
      rows: (r) => [
        row(
          `lead → task at ${r.rate} leads/s for ${r.seconds} s (achieved ${r.achievedRate.toFixed(1)}/s, ${r.leads} leads` +
            `${r.withoutTask ? `, ${r.withoutTask} without a task` : ''})`,
          `p50 ${ms(r.p50)}, p99 ${ms(r.p99)}`,
          'p50 ≤ 150 ms, p99 ≤ 500 ms',
          r.rate >= 20 && r.withoutTask === 0 && r.p50 <= 150 && r.p99 <= 500,
        ),
        row(
          `interpreter ÷ hand-written workflow, runs/s (medians of ${r.rounds} round${r.rounds === 1 ? '' : 's'} of ${r.runsPerRound})`,
          `${num(r.interpreterRunsPerSecond)} ÷ ${num(r.handWrittenRunsPerSecond)} = ${r.ratio.toFixed(2)}`,
          '≥ 0.8',
          r.ratio >= 0.8,
        ),
      ],
    },
    {
      id: 'api',
      title: 'API',
      command: ['node', 'scripts/bench-api.mjs'],
      env: q({
        BENCH_SECONDS: '3',
        BENCH_WARMUP_SECONDS: '1',
        BENCH_LEADS: '100000',
        BENCH_LIST_REQUESTS: '100',
        BENCH_DRAIN_SECONDS: '10',
      }),
      timeoutMinutes: 60,
      rows: (r) => [
        row(
          `POST /api/leads ÷ bare pg insert, req/s (${r.intake.concurrency} connections, ${r.intake.seconds} s rounds)`,
          `${num(r.intake.batonRps)} ÷ ${num(r.intake.baselineRps)} = ${r.intake.ratio.toFixed(2)}` +
            (r.intake.errors ? `; ${r.intake.errors} errors` : ''),
          '≥ 0.5',
          r.intake.ratio >= 0.5 && r.intake.errors === 0,
        ),
        row(
          `GET /api/leads list page with ${int(r.list.leads)} leads (${r.list.requests} requests, rep and manager)`,
          `p99 ${ms(r.list.p99)} (p50 ${ms(r.list.p50)})`,
          'p99 ≤ 20 ms at 1 M rows',
          r.list.p99 <= 20,
        ),
      ],
    },
    {
      id: 'import',
      title: 'CSV import',
      command: ['node', 'scripts/bench-import.mjs'],
      env: q({ BENCH_QUICK: '1' }),
      timeoutMinutes: 40,
      rows: (r) => [
        row(
          `CSV import of ${int(r.rows)} leads (${(r.bytes / 1024 / 1024).toFixed(1)} MB) until the import reports done, lead workflows ${r.workflows}`,
          `${s(r.wallMs)}, ${int(r.rowsPerSecond)} rows/s`,
        ),
      ],
    },
    {
      id: 'editor',
      title: 'Editor',
      command: ['node', 'scripts/bench-editor.mjs'],
      env: q({ BENCH_LOADS: '2', BENCH_RUNS: '5', BENCH_WARMUP: '2' }),
      timeoutMinutes: 20,
      rows: (r) => [
        ...(r.open
          ? [
              row(
                `open ${r.open.nodes} nodes / ${r.open.edges} arrows → interactive (median of ${r.open.loads} loads)`,
                ms(r.open.interactiveMs),
                '≤ 1.5 s',
                r.open.interactiveMs <= 1500,
              ),
            ]
          : []),
        row(
          `compile + validate ${int(r.compileValidate.nodes)} nodes (median of ${r.compileValidate.runs} runs)`,
          `${ms(r.compileValidate.totalMs)} (${num(r.compileValidate.compileMs)} + ${num(r.compileValidate.validateMs)})`,
          '≤ 50 ms',
          r.compileValidate.totalMs <= 50,
        ),
      ],
    },
    {
      id: 'soak',
      title: 'Soak',
      command: ['node', 'scripts/bench-soak.mjs'],
      env: q({ BENCH_QUICK: '1' }),
      timeoutMinutes: (env) => Number(env.BENCH_SOAK_MINUTES ?? (quick ? 1 : 10)) + 20,
      rows: (r) => [
        row(
          `soak ${num(r.durationSeconds / 60)} min of mixed load: product process RSS start / end / max`,
          `${r.rss.startMb.toFixed(0)} / ${r.rss.endMb.toFixed(0)} / ${r.rss.maxMb.toFixed(0)} MB`,
        ),
        row(
          'soak: memory slope over the last half',
          `RSS ${num(r.rss.slopeMbPerHour)} MB/hour, V8 heap ${num(r.heap.slopeMbPerHour)} MB/hour`,
        ),
        row(
          'soak: errors',
          `${r.counts.errors} of ${int(r.counts.requests)} requests (${int(r.counts.leads)} leads, ` +
            `${int(r.counts.tasksCompleted)} tasks done, ${r.counts.quotesApproved} quotes approved)`,
        ),
      ],
    },
  ];
}
