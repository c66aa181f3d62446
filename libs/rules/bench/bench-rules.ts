// Benchmark: json-logic-js vs the closure tree (compileRule) vs generated functions (generateRule)
// on the same rules and records, then trigger matching.
// Run from the repository root: npm run bench:rules
// BENCH_RULES_ROUNDS changes the number of timed rounds (21); BENCH_JSON=path also writes the
// figures as JSON (for `npm run bench`).

import { writeFileSync } from 'node:fs';
import jsonLogic from 'json-logic-js';
import { compileRule, createTriggerIndex, evaluateRule, generateRule } from '../src/index';
import type { EvaluationContext, TriggerDefinition, TriggerEvent } from '../src/index';
import { Random } from '../test/random-rules';
import { same } from '../test/same';

const random = new Random(42);
const ctx: EvaluationContext = { now: '2024-03-15T10:30:00Z' };

const COUNTRIES = ['US', 'CA', 'GB', 'DE', 'FR', 'JP'];
const STAGES = ['new', 'qualified', 'proposal', 'won', 'lost'];
const TAGS = ['hot', 'cold', 'vip', 'partner', 'churn-risk'];

function lead(i: number): Record<string, unknown> {
  return {
    id: i,
    email: random.chance(0.1) ? '' : `user${i}@${random.pick(['acme', 'globex', 'initech'])}.com`,
    name: `Lead ${i}`,
    score: random.int(100),
    status: random.pick(['open', 'closed', 'pending']),
    stage: random.pick(STAGES),
    country: random.pick(COUNTRIES),
    revenue: String(random.int(50) * 1000),
    vip: random.chance(0.2),
    tags: TAGS.filter(() => random.chance(0.3)),
    owner: { email: `rep${random.int(20)}@baton.io`, team: random.pick(['smb', 'mid', 'enterprise']) },
    deals: Array.from({ length: random.int(4) }, () => ({
      amount: random.int(20) * 1000,
      stage: random.pick(STAGES),
    })),
    createdAt: `2024-0${1 + random.int(3)}-${String(1 + random.int(28)).padStart(2, '0')}`,
  };
}

// Realistic conditions (react-querybuilder style), standard operators only so json-logic-js can run them.
const RULES: unknown[] = [
  { '==': [{ var: 'status' }, 'open'] },
  { and: [{ '>': [{ var: 'score' }, 50] }, { in: [{ var: 'country' }, ['US', 'CA', 'GB']] }] },
  { or: [{ '==': [{ var: 'owner.team' }, 'enterprise'] }, { '>=': [{ var: 'revenue' }, 10000] }] },
  {
    some: [
      { var: 'deals' },
      { and: [{ '>': [{ var: 'amount' }, 5000] }, { '==': [{ var: 'stage' }, 'won'] }] },
    ],
  },
  { if: [{ missing: ['email'] }, false, { in: ['@acme', { var: 'email' }] }] },
  { '<=': [20, { var: 'score' }, 80] },
  { and: [{ '!': { var: 'vip' } }, { in: ['hot', { var: 'tags' }] }, { '!=': [{ var: 'stage' }, 'lost'] }] },
  {
    '>': [
      { reduce: [{ var: 'deals' }, { '+': [{ var: 'current.amount' }, { var: 'accumulator' }] }, 0] },
      20000,
    ],
  },
  {
    and: [
      { '==': [{ var: 'status' }, 'open'] },
      { '!=': [{ var: 'email' }, ''] },
      { or: [{ '>': [{ var: 'score' }, 70] }, { '==': [{ var: 'vip' }, true] }] },
      { in: [{ var: 'stage' }, ['qualified', 'proposal']] },
      { '<': [{ var: 'createdAt' }, '2024-03-01'] },
      { '!': { in: ['churn-risk', { var: 'tags' }] } },
    ],
  },
  { '==': [{ cat: [{ var: 'country' }, '-', { var: 'stage' }] }, 'US-won'] },
];

const RECORDS = Array.from({ length: 1000 }, (_, i) => lead(i));

type Engine = (ruleIndex: number, record: unknown) => unknown;

const RULE_INDEXES = RULES.map((_, i) => i);

// Rounds are interleaved so that machine noise hits every engine alike; figures are medians.
const WARM_UP_ROUNDS = 5;
const TIMED_ROUNDS = Number(process.env.BENCH_RULES_ROUNDS ?? 21);

function timeRound(engine: Engine, rules: readonly number[] = RULE_INDEXES): number {
  let sink = 0;
  const start = process.hrtime.bigint();
  for (const r of rules) for (const record of RECORDS) if (engine(r, record) === true) sink++;
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  if (sink < 0) console.log(sink); // keeps the results observable
  return elapsed;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number;

type PerRuleEngine = 'jsonLogic' | 'compiled' | 'generated';

interface EvaluationResult {
  jsonLogic: number;
  compiled: number;
  generated: number;
  cached: number;
  /** evals/s of each engine for each rule alone, measured the same way. */
  perRule: Record<PerRuleEngine, number>[];
  /** µs to build all 10 rules once, median of rounds. */
  build: { compiled: number; generated: number };
}

function benchEvaluation(): EvaluationResult {
  const compiled = RULES.map((rule) => compileRule(rule));
  const generated = RULES.map((rule) => generateRule(rule));
  const engines: Record<PerRuleEngine | 'cached', Engine> = {
    jsonLogic: (r, record) => jsonLogic.apply(RULES[r] as jsonLogic.RulesLogic, record),
    compiled: (r, record) => (compiled[r] as (d: unknown) => unknown)(record),
    generated: (r, record) => (generated[r] as (d: unknown) => unknown)(record),
    cached: (r, record) => evaluateRule(RULES[r], record),
  };
  // Same answers first, or the comparison means nothing.
  for (let r = 0; r < RULES.length; r++) {
    for (const record of RECORDS) {
      const expected = engines.jsonLogic(r, record);
      if (!same(expected, engines.compiled(r, record)) || !same(expected, engines.generated(r, record)))
        throw new Error(`Disagreement on rule ${r}`);
    }
  }
  // The headline figure: all rules over all records per round.
  const rounds: Record<string, number[]> = { jsonLogic: [], compiled: [], generated: [], cached: [] };
  for (let warm = 0; warm < WARM_UP_ROUNDS; warm++)
    for (const engine of Object.values(engines)) timeRound(engine);
  for (let round = 0; round < TIMED_ROUNDS; round++)
    for (const [name, engine] of Object.entries(engines)) rounds[name]?.push(timeRound(engine));
  const perSecond = (name: string): number =>
    (RULES.length * RECORDS.length) / median(rounds[name] as number[]);
  // Then each rule alone (after the rounds above, so every engine is already warm).
  const perRule = RULE_INDEXES.map((r) => {
    const times: Record<PerRuleEngine, number[]> = { jsonLogic: [], compiled: [], generated: [] };
    for (let round = 0; round < TIMED_ROUNDS; round++) {
      times.jsonLogic.push(timeRound(engines.jsonLogic, [r]));
      times.compiled.push(timeRound(engines.compiled, [r]));
      times.generated.push(timeRound(engines.generated, [r]));
    }
    return {
      jsonLogic: RECORDS.length / median(times.jsonLogic),
      compiled: RECORDS.length / median(times.compiled),
      generated: RECORDS.length / median(times.generated),
    };
  });
  // Build cost: what a cache miss costs (the generated back-end parses a new function per rule).
  const buildTimes: Record<'compiled' | 'generated', number[]> = { compiled: [], generated: [] };
  for (let round = 0; round < 200; round++) {
    for (const [name, build] of [
      ['compiled', compileRule],
      ['generated', generateRule],
    ] as const) {
      const start = process.hrtime.bigint();
      for (const rule of RULES) build(rule);
      buildTimes[name].push(Number(process.hrtime.bigint() - start) / 1e3);
    }
  }
  return {
    jsonLogic: perSecond('jsonLogic'),
    compiled: perSecond('compiled'),
    generated: perSecond('generated'),
    cached: perSecond('cached'),
    perRule,
    build: { compiled: median(buildTimes.compiled), generated: median(buildTimes.generated) },
  };
}

const ENTITIES = ['lead', 'deal', 'contact', 'company', 'task'];
const EVENTS = ['created', 'updated', 'deleted', 'assigned'];
const FIELDS = ['stage', 'score', 'owner', 'status', 'amount', 'email'];

function randomCondition(): unknown {
  const n = random.int(100);
  switch (random.int(8)) {
    case 0:
      return { '>': [{ var: 'score' }, n] };
    case 1:
      return {
        and: [
          { '==': [{ var: 'status' }, random.pick(['open', 'closed'])] },
          { '>=': [{ var: 'score' }, n] },
        ],
      };
    case 2:
      return { in_list: [{ var: 'stage' }, [random.pick(STAGES), random.pick(STAGES)]] };
    case 3:
      return { startsWith: [{ var: 'email' }, `user${n}`] };
    case 4:
      return { '>': [{ days_since: { var: 'createdAt' } }, n] };
    case 5:
      return { some: [{ var: 'deals' }, { '>': [{ var: 'amount' }, n * 100] }] };
    case 6:
      return {
        or: [{ in: [random.pick(TAGS), { var: 'tags' }] }, { '==': [{ var: 'owner.team' }, 'enterprise'] }],
      };
    default:
      return undefined;
  }
}

function benchTriggers(): {
  p50: number;
  p99: number;
  mean: number;
  matchesPerEvent: number;
  buildMs: number;
  eventsPerSecond: number;
} {
  const triggers: TriggerDefinition[] = Array.from({ length: 1000 }, (_, i) => {
    const condition = randomCondition();
    return {
      id: `trigger-${i}`,
      entity: random.pick(ENTITIES),
      event: random.pick(EVENTS),
      ...(random.chance(0.4) ? { field: random.pick(FIELDS) } : {}),
      ...(condition === undefined ? {} : { condition }),
    };
  });
  const buildStart = process.hrtime.bigint();
  const index = createTriggerIndex(triggers);
  const buildMs = Number(process.hrtime.bigint() - buildStart) / 1e6;
  const events: TriggerEvent[] = Array.from({ length: 20_000 }, (_, i) => ({
    entity: random.pick(ENTITIES),
    event: random.pick(EVENTS),
    changedFields: FIELDS.filter(() => random.chance(0.3)),
    record: RECORDS[i % RECORDS.length],
  }));
  for (let i = 0; i < 5000; i++) index.match(events[i % events.length] as TriggerEvent, ctx);
  const samples: number[] = [];
  let matches = 0;
  for (const event of events) {
    const start = process.hrtime.bigint();
    matches += index.match(event, ctx).length;
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  // The same stream back to back with no timer around each event: the index's throughput.
  const streamStart = process.hrtime.bigint();
  let streamed = 0;
  for (const event of events) streamed += index.match(event, ctx).length;
  const eventsPerSecond = events.length / (Number(process.hrtime.bigint() - streamStart) / 1e9);
  if (streamed !== matches) throw new Error('Trigger matching is not deterministic');
  return {
    eventsPerSecond,
    p50: percentile(samples, 0.5),
    p99: percentile(samples, 0.99),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
    matchesPerEvent: matches / events.length,
    buildMs,
  };
}

const evaluation = benchEvaluation();
const ratio = evaluation.compiled / evaluation.jsonLogic;
const generatedRatio = evaluation.generated / evaluation.jsonLogic;
const triggers = benchTriggers();
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

console.log(
  `@baton/rules benchmark — Node ${process.version}, ${RULES.length} rules x ${RECORDS.length} records`,
);
console.log(`  json-logic-js apply        ${fmt(evaluation.jsonLogic).padStart(13)} evals/s`);
console.log(
  `  compileRule (compiled)     ${fmt(evaluation.compiled).padStart(13)} evals/s   ${ratio.toFixed(1)}x json-logic-js (goal >= 50x: ${ratio >= 50 ? 'met' : 'NOT met'})`,
);
console.log(
  `  generateRule (generated)   ${fmt(evaluation.generated).padStart(13)} evals/s   ${generatedRatio.toFixed(1)}x json-logic-js (goal >= 50x: ${generatedRatio >= 50 ? 'met' : 'NOT met'}), ${(evaluation.generated / evaluation.compiled).toFixed(2)}x compileRule`,
);
console.log(
  `  evaluateRule (cached)      ${fmt(evaluation.cached).padStart(13)} evals/s   ${(evaluation.cached / evaluation.jsonLogic).toFixed(1)}x json-logic-js`,
);
console.log('  each rule alone (1,000 records per round, median of rounds):');
evaluation.perRule.forEach(({ jsonLogic: theirs, compiled, generated }, r) => {
  console.log(
    `    rule ${r}  json-logic-js ${fmt(theirs).padStart(11)}/s   compiled ${fmt(compiled).padStart(12)}/s ${(compiled / theirs).toFixed(1).padStart(5)}x   generated ${fmt(generated).padStart(12)}/s ${(generated / theirs).toFixed(1).padStart(5)}x`,
  );
});
console.log(
  `  building the 10 rules once  compileRule ${evaluation.build.compiled.toFixed(0)} µs   generateRule ${evaluation.build.generated.toFixed(0)} µs (median of 200)`,
);
console.log(
  `Trigger index: 1,000 triggers (built in ${triggers.buildMs.toFixed(1)} ms), 20,000 events, ${triggers.matchesPerEvent.toFixed(2)} matches/event`,
);
console.log(
  `  match one event            p50 ${(triggers.p50 * 1000).toFixed(1)} µs   p99 ${(triggers.p99 * 1000).toFixed(1)} µs   mean ${(triggers.mean * 1000).toFixed(1)} µs (goal p99 <= 200 µs: ${triggers.p99 <= 0.2 ? 'met' : 'NOT met'})`,
);
console.log(`  match the stream back to back ${fmt(triggers.eventsPerSecond).padStart(11)} events/s`);
if (process.env.BENCH_JSON) {
  const figures = {
    rules: RULES.length,
    records: RECORDS.length,
    rounds: TIMED_ROUNDS,
    evalsPerSecond: {
      jsonLogic: evaluation.jsonLogic,
      compiled: evaluation.compiled,
      generated: evaluation.generated,
      cached: evaluation.cached,
    },
    ratio,
    generatedRatio,
    triggers: { count: 1000, events: 20_000, ...triggers },
  };
  writeFileSync(process.env.BENCH_JSON, `${JSON.stringify(figures, null, 2)}\n`);
}
