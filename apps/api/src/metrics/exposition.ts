// Prometheus' text exposition format (version 0.0.4), for the few metric kinds Baton reports.
// https://prometheus.io/docs/instrumenting/exposition_formats/

export type Labels = Readonly<Record<string, string | number | boolean>>;

/** Seconds: from a fast indexed read to a slow webhook. */
export const DEFAULT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const escapeHelp = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
const sanitize = (name: string) => name.replace(/[^a-zA-Z0-9_:]/g, '_').replace(/^([0-9])/, '_$1');

function labelText(labels: Labels, extra?: [string, string]): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${sanitize(k)}="${escapeLabel(String(v))}"`);
  if (extra) pairs.push(`${extra[0]}="${escapeLabel(extra[1])}"`);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}

// One series per label set, whatever order the labels were given in.
function keyOf(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function number(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

abstract class Family<S> {
  protected readonly series = new Map<string, { labels: Labels; state: S }>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: 'counter' | 'gauge' | 'histogram',
  ) {}

  protected stateFor(labels: Labels, initial: () => S): S {
    const key = keyOf(labels);
    let entry = this.series.get(key);
    if (!entry) this.series.set(key, (entry = { labels: { ...labels }, state: initial() }));
    return entry.state;
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} ${this.type}`];
    for (const { labels, state } of this.series.values()) lines.push(...this.sample(labels, state));
    return lines;
  }

  protected abstract sample(labels: Labels, state: S): string[];
}

export class Counter extends Family<{ value: number }> {
  constructor(name: string, help: string) {
    super(name, help, 'counter');
  }

  inc(labels: Labels = {}, by = 1): void {
    this.stateFor(labels, () => ({ value: 0 })).value += by;
  }

  protected sample(labels: Labels, state: { value: number }): string[] {
    return [`${this.name}${labelText(labels)} ${number(state.value)}`];
  }
}

export class Gauge extends Family<{ value: number }> {
  constructor(name: string, help: string) {
    super(name, help, 'gauge');
  }

  set(labels: Labels, value: number): void {
    this.stateFor(labels, () => ({ value: 0 })).value = value;
  }

  add(labels: Labels, by: number): void {
    this.stateFor(labels, () => ({ value: 0 })).value += by;
  }

  /** Replaces every series: for values read whole from somewhere else (runs by status). */
  reset(values: Array<{ labels: Labels; value: number }>): void {
    this.series.clear();
    for (const { labels, value } of values) this.set(labels, value);
  }

  protected sample(labels: Labels, state: { value: number }): string[] {
    return [`${this.name}${labelText(labels)} ${number(state.value)}`];
  }
}

interface HistogramState {
  counts: number[];
  sum: number;
  count: number;
}

export class Histogram extends Family<HistogramState> {
  constructor(
    name: string,
    help: string,
    readonly buckets: readonly number[] = DEFAULT_BUCKETS,
  ) {
    super(name, help, 'histogram');
  }

  observe(labels: Labels, value: number): void {
    const state = this.stateFor(labels, () => ({ counts: this.buckets.map(() => 0), sum: 0, count: 0 }));
    const index = this.buckets.findIndex((bound) => value <= bound);
    if (index >= 0) state.counts[index]! += 1;
    state.sum += value;
    state.count += 1;
  }

  protected sample(labels: Labels, state: HistogramState): string[] {
    let cumulative = 0;
    const lines = this.buckets.map((bound, i) => {
      cumulative += state.counts[i]!;
      return `${this.name}_bucket${labelText(labels, ['le', number(bound)])} ${cumulative}`;
    });
    lines.push(`${this.name}_bucket${labelText(labels, ['le', '+Inf'])} ${state.count}`);
    lines.push(`${this.name}_sum${labelText(labels)} ${number(state.sum)}`);
    lines.push(`${this.name}_count${labelText(labels)} ${state.count}`);
    return lines;
  }
}

/** A set of metric families, rendered together; a family is created on first use of its name. */
export class Registry {
  private readonly families = new Map<string, Family<unknown>>();

  counter(name: string, help: string): Counter {
    return this.family(name, () => new Counter(sanitize(name), help), Counter);
  }

  gauge(name: string, help: string): Gauge {
    return this.family(name, () => new Gauge(sanitize(name), help), Gauge);
  }

  histogram(name: string, help: string, buckets?: readonly number[]): Histogram {
    return this.family(name, () => new Histogram(sanitize(name), help, buckets), Histogram);
  }

  /** The whole exposition, families in the order they were first used, ending with a newline. */
  render(): string {
    return `${[...this.families.values()].flatMap((f) => f.render()).join('\n')}\n`;
  }

  private family<F extends Family<any>>(
    name: string,
    create: () => F,
    kind: abstract new (...args: any[]) => F,
  ): F {
    const existing = this.families.get(name);
    if (existing) {
      if (!(existing instanceof kind)) throw new Error(`metric ${name} is already a ${existing.type}`);
      return existing;
    }
    const created = create();
    this.families.set(name, created);
    return created;
  }
}
