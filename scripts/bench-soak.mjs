// `npm run bench:soak`: BENCH_SOAK_MINUTES (10; 1 with BENCH_QUICK=1) of steady mixed load on the
// built product (one process tree on free ports in a temporary directory), watching its memory.
// The load, all through the API:
//   - BENCH_SOAK_LEADS_PER_S (2) new leads a second, at a steady rate: each starts a lead-handoff
//     run (owner + task) and its SLA watch;
//   - each rep, every second, completes the first open task in their inbox (soonest due) and
//     moves its lead on from "new" (what that lead's SLA watch waits for);
//   - a list request every 500 ms (leads, tasks, quotes, approvals, in turn);
//   - every 5 s a rep submits a quote with a 15 % discount; every 2 s the manager approves what
//     waits for them (a Temporal Update on the quote's approval run).
// Every 5 s: the product process's resident size and V8 heap (a preloaded probe, since
// /api/metrics reports only the resident size, which is read as well), the Temporal dev server's
// resident size, and the outbox backlog. Any answer other than the expected one is an error.
// Writes a PNG chart of memory over time (BENCH_SOAK_PNG; docs/benchmarks/soak-memory.png for
// runs of 10 minutes or more, soak-memory-short.png otherwise). BENCH_VERBOSE=1 shows the
// product's output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { memoryChartSvg } from './bench-lib/chart.mjs';
import { expectStatus, login } from './bench-lib/http.mjs';
import { svgToPng } from './bench-lib/png.mjs';
import { descendants, rssOf } from './bench-lib/proc.mjs';
import { newDataDir, removeDataDir, ROOT, startProduct } from './bench-lib/product.mjs';
import { QUICK, writeResult } from './bench-lib/result.mjs';
import { MB, mb, slopePerHour } from './bench-lib/stats.mjs';

const DEFAULT_MINUTES = 10;
const MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? (QUICK ? 1 : DEFAULT_MINUTES));
const LEADS_PER_S = Number(process.env.BENCH_SOAK_LEADS_PER_S ?? 2);
const SAMPLE_MS = 5_000;
// Beyond this many lead requests unanswered the product is not keeping up; more would only queue.
const MAX_LEADS_IN_FLIGHT = 64;
const PNG =
  process.env.BENCH_SOAK_PNG ??
  join(
    ROOT,
    'docs/benchmarks',
    !QUICK && MINUTES >= DEFAULT_MINUTES ? 'soak-memory.png' : 'soak-memory-short.png',
  );

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const counts = {
  requests: 0,
  errors: 0,
  leads: 0,
  tasksCompleted: 0,
  leadsMovedOn: 0,
  lists: 0,
  quotesSubmitted: 0,
  quotesApproved: 0,
  leadsSkipped: 0,
};
const errorKinds = new Map();

function countError(kind) {
  counts.errors++;
  errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
}

/** One request of the load: the answer when its status is expected, otherwise undefined and an error counted. */
async function call(as, method, path, body, label, ok = [200]) {
  counts.requests++;
  try {
    const res = await as.request(method, path, body);
    if (ok.includes(res.status)) return res.body;
    countError(`${label}: ${res.status} ${res.body?.code ?? ''}`.trim());
  } catch (err) {
    countError(`${label}: ${err?.name ?? 'Error'} ${err?.message ?? err}`);
  }
  return undefined;
}

/** Runs `work` about every `ms` until `until()` — never two at once, so a slow product is not piled on. */
async function every(ms, until, work) {
  while (!until()) {
    const started = performance.now();
    await work();
    await sleep(Math.max(0, ms - (performance.now() - started)));
  }
}

function lastProbeLine(file) {
  try {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    return JSON.parse(lines.at(-1));
  } catch {
    return undefined;
  }
}

const dataDir = newDataDir();
const memoryFile = join(dataDir, 'memory.jsonl');
let product;
try {
  product = await startProduct({
    dataDir,
    nodeArgs: ['--require', join(ROOT, 'scripts/bench-lib/memory-probe.cjs')],
    env: { BENCH_MEMORY_FILE: memoryFile, BENCH_MEMORY_EVERY_MS: '1000' },
  });
  const as = {};
  for (const who of ['admin', 'rep1', 'rep2', 'manager'])
    as[who] = await login(product.base, `${who}@demo.baton`);
  const account = await expectStatus(
    as.rep1.post('/api/accounts', { name: 'Soak Holdings' }),
    201,
    'account',
  );
  const opportunity = await expectStatus(
    as.rep1.post('/api/opportunities', { accountId: account.id, name: 'Soak deal' }),
    201,
    'opportunity',
  );
  const item = await expectStatus(
    as.manager.post('/api/products', { sku: `SOAK-${Date.now()}`, name: 'Soak seat', unitPrice: '120.00' }),
    201,
    'product',
  );

  const samples = [];
  const t0 = performance.now();
  const elapsed = () => (performance.now() - t0) / 1000;
  const end = MINUTES * 60;
  const over = () => elapsed() >= end;
  /** `work` at t0 + ms, t0 + 2 ms, … until the end, on a fixed schedule that a slow `work` does not shift. */
  const ticks = async (ms, work) => {
    for (let k = 1; k * ms <= end * 1000; k++) {
      await sleep(Math.max(0, t0 + k * ms - performance.now()));
      if (over()) return;
      await work();
    }
  };

  const sample = async () => {
    // Read from /proc and the probe first: the metrics request can be slow under load, and its
    // wait must not shift the moment the memory figures belong to.
    const t = elapsed();
    const probe = lastProbeLine(memoryFile);
    const temporal = descendants(product.pid).filter((p) => /temporal/i.test(p.comm));
    const figures = {
      t,
      rss: rssOf(product.pid) ?? probe?.rss,
      heapUsed: probe?.heapUsed,
      heapTotal: probe?.heapTotal,
      external: probe?.external,
      temporalRss: temporal.length ? temporal.reduce((sum, p) => sum + (rssOf(p.pid) ?? 0), 0) : undefined,
    };
    const metrics = await call(as.admin, 'GET', '/api/metrics', undefined, 'GET /api/metrics');
    const metric = (name) => {
      const m = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(
        typeof metrics === 'string' ? metrics : '',
      );
      return m ? Number(m[1]) : undefined;
    };
    samples.push({
      ...figures,
      metricsRss: metric('process_resident_memory_bytes'),
      outboxPending: metric('baton_outbox_pending_events'),
    });
  };

  const leads = async () => {
    const inFlight = new Set();
    for (let i = 0; !over(); i++) {
      const wait = t0 + (i * 1000) / LEADS_PER_S - performance.now();
      if (wait > 0) await sleep(wait);
      if (over()) break;
      if (inFlight.size >= MAX_LEADS_IN_FLIGHT) {
        counts.leadsSkipped++;
        continue;
      }
      const lead = {
        name: `Soak lead ${i}`,
        email: `soak.${i}@soak.example`,
        company: 'Soak Industries',
        source: 'web',
        score: i % 100,
        // Alternating territories: rep1 (EMEA) and rep2 (NA) both get work.
        region: i % 2 ? 'NA' : 'EMEA',
      };
      const p = call(as.admin, 'POST', '/api/leads', lead, 'POST /api/leads', [201]).then((created) => {
        if (created) counts.leads++;
        inFlight.delete(p);
      });
      inFlight.add(p);
    }
    await Promise.all(inFlight);
  };

  const workTasks = (rep) => async () => {
    const page = await call(
      rep,
      'GET',
      '/api/tasks?assignee=me&status=open&limit=5',
      undefined,
      'GET /api/tasks',
    );
    const task = page?.items?.[0];
    if (!task) return;
    if (
      !(await call(rep, 'POST', `/api/tasks/${task.id}/complete`, undefined, 'POST /api/tasks/:id/complete'))
    )
      return;
    counts.tasksCompleted++;
    if (task.record?.type !== 'lead') return;
    const lead = await call(rep, 'GET', `/api/leads/${task.record.id}`, undefined, 'GET /api/leads/:id');
    if (lead?.status !== 'new') return;
    const moved = await call(
      rep,
      'PATCH',
      `/api/leads/${lead.id}`,
      { version: lead.version, status: 'working' },
      'PATCH /api/leads/:id',
    );
    if (moved) counts.leadsMovedOn++;
  };

  const listCalls = [
    [as.manager, '/api/leads?limit=50'],
    [as.rep1, '/api/leads?status=new&limit=50'],
    [as.rep2, '/api/tasks?assignee=me&limit=50'],
    [as.rep1, '/api/quotes?limit=20'],
    [as.manager, '/api/approvals?approver=me&limit=20'],
  ];
  let listTurn = 0;
  const lists = async () => {
    const [who, path] = listCalls[listTurn++ % listCalls.length];
    if (await call(who, 'GET', path, undefined, `GET ${path.split('?')[0]}`)) counts.lists++;
  };

  let quoteNo = 0;
  const submitQuote = async () => {
    const quote = await call(
      as.rep1,
      'POST',
      '/api/quotes',
      {
        opportunityId: opportunity.id,
        name: `Soak quote ${++quoteNo}`,
        lines: [{ productId: item.id, quantity: 2, discountPercent: 15 }],
      },
      'POST /api/quotes',
      [201],
    );
    if (
      quote &&
      (await call(
        as.rep1,
        'POST',
        `/api/quotes/${quote.id}/submit`,
        undefined,
        'POST /api/quotes/:id/submit',
      ))
    )
      counts.quotesSubmitted++;
  };
  const approveQuotes = async () => {
    const page = await call(
      as.manager,
      'GET',
      '/api/approvals?approver=me&status=pending&limit=20',
      undefined,
      'GET /api/approvals',
    );
    for (const approval of page?.items ?? []) {
      if (approval.record?.type !== 'quote' || !approval.canDecide) continue;
      const path = `/api/quotes/${approval.record.id}/approve`;
      if (await call(as.manager, 'POST', path, { comment: 'Within policy' }, 'POST /api/quotes/:id/approve'))
        counts.quotesApproved++;
    }
  };

  const progress = async () => {
    const s = samples.at(-1);
    console.log(
      `  ${(elapsed() / 60).toFixed(1)} min: RSS ${mb(s?.rss)}, heap ${mb(s?.heapUsed)}, Temporal ${mb(s?.temporalRss)}, ` +
        `outbox ${s?.outboxPending ?? '—'} pending; ${counts.requests} requests, ${counts.errors} errors, ` +
        `${counts.leads} leads, ${counts.tasksCompleted} tasks done, ${counts.quotesApproved}/${counts.quotesSubmitted} quotes approved`,
    );
  };

  console.log(
    `soak: ${MINUTES} min, ${LEADS_PER_S} leads/s, task completions, list requests every 500 ms, a quote every 5 s; sampling every ${SAMPLE_MS / 1000} s`,
  );
  await sample();
  await Promise.all([
    leads(),
    every(1000, over, workTasks(as.rep1)),
    every(1000, over, workTasks(as.rep2)),
    every(500, over, lists),
    every(5000, over, submitQuote),
    every(2000, over, approveQuotes),
    ticks(SAMPLE_MS, sample),
    ticks(60_000, progress),
  ]);
  await sample();
  await progress();

  const duration = samples.at(-1).t;
  const lastHalf = (key) =>
    samples.filter((s) => s.t >= end / 2 && s[key] !== undefined).map((s) => ({ t: s.t, v: s[key] }));
  const figures = (key) => {
    const values = samples.map((s) => s[key]).filter((v) => v !== undefined);
    const slope = slopePerHour(lastHalf(key));
    return {
      startMb: values[0] / MB,
      endMb: values.at(-1) / MB,
      maxMb: Math.max(...values) / MB,
      slopeMbPerHour: slope === undefined ? undefined : slope / MB,
    };
  };
  const rss = figures('rss');
  const heap = figures('heapUsed');
  const temporal = figures('temporalRss');
  const topErrors = [...errorKinds].sort((a, b) => b[1] - a[1]).slice(0, 5);

  const fmt = (f) =>
    `start ${f.startMb.toFixed(0)} MB, end ${f.endMb.toFixed(0)} MB, max ${f.maxMb.toFixed(0)} MB, slope over the last half ${f.slopeMbPerHour?.toFixed(1) ?? '—'} MB/hour`;
  console.log('');
  console.log(`soak of ${(duration / 60).toFixed(1)} min:`);
  console.log(`  product process RSS   ${fmt(rss)}`);
  console.log(`  V8 heap used          ${fmt(heap)}`);
  if (!Number.isNaN(temporal.startMb)) console.log(`  Temporal dev server   ${fmt(temporal)}`);
  console.log(
    `  ${counts.requests} requests, ${counts.errors} errors${topErrors.length ? ` (${topErrors.map(([k, n]) => `${n} × ${k}`).join('; ')})` : ''}`,
  );
  console.log(
    `  ${counts.leads} leads, ${counts.tasksCompleted} tasks completed, ${counts.leadsMovedOn} leads moved on, ` +
      `${counts.quotesSubmitted} quotes submitted, ${counts.quotesApproved} approved, ${counts.lists} list requests` +
      (counts.leadsSkipped ? `, ${counts.leadsSkipped} leads not sent (product behind)` : ''),
  );
  console.log(`  outbox backlog at the end: ${samples.at(-1).outboxPending ?? '—'} events`);

  await svgToPng(
    memoryChartSvg({
      title: `Baton under ${MINUTES} min of mixed load: memory`,
      subtitle: [
        `${LEADS_PER_S} leads/s with their handoff runs, task completions, list requests, quotes submitted and approved`,
        `${counts.requests} requests, ${counts.errors} errors; RSS slope over the last half ${rss.slopeMbPerHour?.toFixed(1) ?? '—'} MB/hour`,
      ],
      series: [
        {
          name: 'Baton process RSS',
          color: '#2563eb',
          points: samples.filter((s) => s.rss).map((s) => ({ t: s.t, v: s.rss })),
        },
        {
          name: 'Baton V8 heap used',
          color: '#16a34a',
          points: samples.filter((s) => s.heapUsed).map((s) => ({ t: s.t, v: s.heapUsed })),
        },
        {
          name: 'Temporal dev server RSS',
          color: '#ea580c',
          points: samples.filter((s) => s.temporalRss).map((s) => ({ t: s.t, v: s.temporalRss })),
        },
      ],
      marker: end / 2,
      markerLabel: 'slope measured from here',
    }),
    PNG,
  );
  console.log(`  chart: ${PNG}`);
  writeResult({
    minutes: MINUTES,
    durationSeconds: duration,
    leadsPerSecond: LEADS_PER_S,
    rss,
    heap,
    temporal,
    counts,
    errors: Object.fromEntries(errorKinds),
    outboxPendingAtEnd: samples.at(-1).outboxPending,
    chart: PNG,
    samples,
  });
} finally {
  await product?.stop();
  removeDataDir(dataDir);
}
