// `npm run bench:editor`: the workflow editor at scale, in one run on one machine.
//   (a) time to interactive of a 500-node workflow: boots the built product on free ports in a
//       temporary directory, saves the workflow through the API, then opens it in headless Chromium
//       BENCH_LOADS times (default 5): from navigation start until every node is drawn on the
//       canvas and a click on a node shows it in the settings panel. Median; goal ≤ 1.5 s.
//   (b) compile (graph → definition) + validate of a 1,000-node graph in Node with
//       rule-builder/core: BENCH_RUNS (21) runs after BENCH_WARMUP (5). Median; goal ≤ 50 ms.
// BENCH_SKIP_BROWSER=1 runs (b) only; BENCH_SCREENSHOT=file.png keeps a picture of the last load.
// CHROMIUM_PATH overrides /usr/bin/chromium.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import core from '../rule-builder/core/dist/index.js';
import activityTypes from '../libs/activity-types/dist/index.js';
import runtime from '../libs/runtime/dist/index.js';
import { writeResult } from './bench-lib/result.mjs';

const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const GOALS = { interactiveMs: 1500, compileValidateMs: 50 };
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * A valid lead workflow of `total` nodes (one trigger, the rest steps), drawn the way people draw
 * them: segments of a branch on the score, a task, a parallel fan-out of a delay and a notification
 * meeting at a join, a review task both branches lead to, a delay and a report; a chain of tasks
 * and notifications fills up to `total`, and an end step closes it. Laid out like the editor does.
 */
function bigDefinition(total, key) {
  const steps = [];
  const transitions = [];
  const step = (id, type, config, title) => {
    steps.push({ id, type, ...(title ? { title } : {}), config });
    return id;
  };
  const arrow = (from, to, condition) =>
    transitions.push({ id: `a${transitions.length + 1}`, from, to, ...(condition ? { condition } : {}) });
  const left = () => total - 1 - steps.length;
  let from = 'lead_created';
  for (let k = 0; left() >= 11; k++) {
    const route = step(`route_${k}`, 'branch', {}, `Score over ${k % 100}?`);
    arrow(from, route);
    const call = step(`call_${k}`, 'create_task', { title: `Call back (${k})` });
    const cooled = step(`tell_${k}`, 'notify', { title: `Lead cooled (${k})` });
    arrow(route, call, { '>=': [{ var: 'lead.score' }, k % 100] });
    arrow(route, cooled);
    const fan = step(`fan_${k}`, 'parallel', { wait: 'all' });
    arrow(call, fan);
    const pause = step(`pause_${k}`, 'delay', { amount: 1, unit: 'minutes' });
    const note = step(`note_${k}`, 'notify', { title: `Follow-up ${k}` });
    arrow(fan, pause);
    arrow(fan, note);
    const meet = step(`meet_${k}`, 'join', {});
    arrow(pause, meet);
    arrow(note, meet);
    const review = step(`review_${k}`, 'create_task', { title: `Review (${k})`, priority: 'high' });
    arrow(meet, review);
    arrow(cooled, review);
    const later = step(`later_${k}`, 'delay', { amount: 2, unit: 'hours' });
    arrow(review, later);
    from = step(`report_${k}`, 'notify', { title: `Segment ${k} done` });
    arrow(later, from);
  }
  while (left() > 1) {
    const n = steps.length;
    const id = step(`extra_${n}`, n % 2 ? 'notify' : 'create_task', { title: `Extra ${n}` });
    arrow(from, id);
    from = id;
  }
  arrow(from, step('finish', 'end', {}));
  const definition = {
    schemaVersion: 1,
    key,
    name: `Bench ${total} nodes`,
    triggers: [{ id: 'lead_created', kind: 'record', entity: 'lead', event: 'created' }],
    steps,
    transitions,
  };
  return { ...definition, layout: Object.fromEntries(core.autoLayout(definition)) };
}

function catalog() {
  return core.createStepCatalog([
    ...core.CONTROL_STEP_ENTRIES,
    ...activityTypes
      .loadActivityTypes()
      .map((t) => ({ type: t.type, kind: 'activity', configSchema: t.configSchema })),
  ]);
}

/** (b): compile and validate a 1,000-node graph, as the server does for every check the editor asks for. */
function compileAndValidate() {
  const graph = core.definitionToGraph(bigDefinition(1000, 'bench-1000'));
  const options = { catalog: catalog() };
  const compile = [];
  const validate = [];
  let report;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const t0 = performance.now();
    const definition = core.graphToDefinition(graph);
    const t1 = performance.now();
    report = core.validateDefinition(definition, options);
    const t2 = performance.now();
    if (i >= WARMUP) {
      compile.push(t1 - t0);
      validate.push(t2 - t1);
    }
  }
  // A definition holds at most 500 steps, so this graph has exactly that one error; every other
  // check still runs over all of it. Anything else means the generator drew something invalid.
  const unexpected = report.errors.filter((e) => !(e.code === 'DEFINITION_SCHEMA' && e.path === '/steps'));
  if (unexpected.length > 0)
    throw new Error(`the 1,000-node graph has problems: ${JSON.stringify(unexpected)}`);
  const total = compile.map((c, i) => c + validate[i]);
  return { nodes: graph.nodes.length, edges: graph.edges.length, compile, validate, total };
}

async function startProduct(dataDir) {
  const port = await runtime.freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    BATON_DATA_DIR: dataDir,
    BATON_PG_PORT: String(await runtime.freePort()),
    BATON_TEMPORAL_PORT: String(await runtime.freePort()),
    BATON_TEMPORAL_HEADLESS: 'true',
    BATON_LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    TEMPORAL_ADDRESS: '',
  };
  const child = spawn(process.execPath, ['apps/api/dist/start.js'], { env, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {}
    if (child.exitCode !== null) throw new Error('product exited during start-up');
    await sleep(100);
  }
  const stop = () =>
    new Promise((r) => {
      if (child.exitCode !== null) return r();
      child.once('exit', r);
      child.kill('SIGTERM');
    });
  return { base, stop };
}

async function call(base, token, method, path, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json).slice(0, 500)}`);
  return json;
}

/**
 * One load: navigation start → every node in view drawn → a click on a node shows it in the panel.
 * "In view" is read from where React Flow has placed the canvas (its viewport transform) once the
 * view has settled: fitting the view moves it after the first nodes are measured. The click goes
 * to the first step whose middle shows on the canvas, found in the frame that saw it all drawn.
 */
async function loadOnce(page, url, layout) {
  await page.goto('about:blank');
  await page.goto(url);
  const drawn = await page.waitForFunction(
    (places) => {
      const flow = document.querySelector('.react-flow');
      const viewport = document.querySelector('.react-flow__viewport');
      if (!flow || !viewport) return false;
      const transform = getComputedStyle(viewport).transform;
      if (window.__benchTransform !== transform) {
        window.__benchTransform = transform;
        window.__benchFrames = 0;
        return false;
      }
      if (++window.__benchFrames < 2) return false;
      const pane = flow.getBoundingClientRect();
      const m = new DOMMatrixReadOnly(transform === 'none' ? undefined : transform);
      let inView = 0;
      for (const [id, x, y] of places) {
        const left = pane.left + m.e + x * m.a;
        const top = pane.top + m.f + y * m.d;
        if (left < pane.left || left > pane.right || top < pane.top || top > pane.bottom) continue;
        inView++;
        const node = document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
        // React Flow keeps a node hidden until it has measured it.
        if (!node || getComputedStyle(node).visibility !== 'visible') return false;
      }
      if (inView === 0) return false;
      const at = performance.now();
      const inPage = document.querySelectorAll('.react-flow__node').length;
      const arrows = document.querySelectorAll('.react-flow__edge').length;
      for (const node of document.querySelectorAll('[data-testid="canvas-node"][data-node-kind="step"]')) {
        const r = node.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        const hit = document.elementFromPoint(x, y);
        if (hit && node.contains(hit))
          return { at, inView, inPage, arrows, x, y, id: node.getAttribute('data-node-id') };
      }
      return { at, inView, inPage, arrows, id: null };
    },
    layout,
    { polling: 'raf', timeout: 60_000 },
  );
  const target = await drawn.jsonValue();
  if (!target.id) throw new Error('no node on screen to click');
  await page.mouse.click(target.x, target.y);
  const shown = await page.waitForFunction(
    (id) =>
      document.querySelector(`[data-testid="step-inspector"][data-node-id="${id}"]`)
        ? performance.now()
        : false,
    target.id,
    { polling: 'raf', timeout: 30_000 },
  );
  return { ...target, drawnAt: target.at, interactiveAt: await shown.jsonValue() };
}

async function timeToInteractive() {
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-bench-'));
  let product;
  let browser;
  try {
    product = await startProduct(dataDir);
    const { token } = await call(product.base, null, 'POST', '/api/auth/login', {
      email: 'admin@demo.baton',
      password: 'baton-demo',
    });
    const definition = bigDefinition(500, 'bench-500');
    const workflow = await call(product.base, token, 'POST', '/api/workflows', { definition });
    const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (!existsSync(executablePath))
      throw new Error(`Chromium not found at ${executablePath}: set CHROMIUM_PATH`);
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(
      ([origin, value]) => {
        if (location.origin === origin) localStorage.setItem('baton.token', value);
      },
      [product.base, token],
    );
    const page = await context.newPage();
    const url = `${product.base}/#/workflows/${workflow.id}`;
    const layout = Object.entries(definition.layout).map(([id, p]) => [id, p.x, p.y]);
    const loads = [];
    for (let i = 0; i < LOADS; i++) {
      const load = await loadOnce(page, url, layout);
      loads.push(load);
      console.log(
        `  load ${i + 1}: the ${load.inView} nodes in view drawn at ${load.drawnAt.toFixed(0)} ms (${load.inPage} of ${layout.length} nodes and ${load.arrows} arrows in the page), interactive at ${load.interactiveAt.toFixed(0)} ms`,
      );
    }
    // BENCH_SCREENSHOT=file.png: what the last load looked like.
    if (process.env.BENCH_SCREENSHOT) await page.screenshot({ path: process.env.BENCH_SCREENSHOT });
    return {
      nodes: definition.steps.length + 1,
      edges: definition.transitions.length,
      drawn: loads.map((l) => l.drawnAt),
      interactive: loads.map((l) => l.interactiveAt),
    };
  } finally {
    await browser?.close().catch(() => {});
    await product?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const row = (what, figure, goal, ok) =>
  console.log(`| ${what.padEnd(58)} | ${figure.padEnd(22)} | ${goal.padEnd(9)} | ${ok ? '✔' : '✘'} |`);

const b = compileAndValidate();
const a = process.env.BENCH_SKIP_BROWSER ? null : await timeToInteractive();

console.log('');
console.log(`| ${'measure'.padEnd(58)} | ${'median'.padEnd(22)} | ${'goal'.padEnd(9)} |   |`);
console.log(`| ${'-'.repeat(58)} | ${'-'.repeat(22)} | ${'-'.repeat(9)} | - |`);
if (a) {
  const interactive = median(a.interactive);
  row(
    `open ${a.nodes} nodes / ${a.edges} arrows → interactive (${LOADS} loads)`,
    `${interactive.toFixed(0)} ms (drawn ${median(a.drawn).toFixed(0)} ms)`,
    '≤ 1500 ms',
    interactive <= GOALS.interactiveMs,
  );
}
const total = median(b.total);
row(
  `compile + validate ${b.nodes} nodes / ${b.edges} arrows (${RUNS} runs)`,
  `${total.toFixed(1)} ms (${median(b.compile).toFixed(1)} + ${median(b.validate).toFixed(1)})`,
  '≤ 50 ms',
  total <= GOALS.compileValidateMs,
);
writeResult({
  open: a && {
    nodes: a.nodes,
    edges: a.edges,
    loads: LOADS,
    interactiveMs: median(a.interactive),
    drawnMs: median(a.drawn),
  },
  compileValidate: {
    nodes: b.nodes,
    edges: b.edges,
    runs: RUNS,
    totalMs: total,
    compileMs: median(b.compile),
    validateMs: median(b.validate),
  },
});
