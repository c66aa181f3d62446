// Plain arithmetic for the SVG charts: axis ticks at round numbers, and value → pixel mapping.

/** Round tick values from 0 to at least `max`: 0, 5, 10, 15 rather than 0, 4.7, 9.4, 14.1. */
export function niceTicks(max: number, { target = 4, integer = false } = {}): number[] {
  const top = Math.max(max, integer ? 1 : Number.EPSILON);
  const rough = top / target;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const steps = (integer ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10]).map((m) => m * magnitude);
  let step = steps.find((s) => s >= rough) ?? rough;
  if (integer) step = Math.max(1, Math.round(step));
  const count = Math.ceil(top / step - 1e-9);
  const ticks = Array.from({ length: count + 1 }, (_, i) => i * step);
  return ticks;
}

/** Maps [0, max] onto [from, to] pixels (to < from for a y axis, which grows upwards). */
export function linear(max: number, from: number, to: number): (value: number) => number {
  const span = max > 0 ? max : 1;
  return (value) => from + ((to - from) * value) / span;
}

const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

/** 12,500 → "12.5K": tick labels that fit beside an axis. */
export function formatCompact(value: number): string {
  return compact.format(value);
}

/** Every `n`th label keeps labels apart when the chart is narrow: at least `minGap` pixels each. */
export function labelEvery(count: number, width: number, minGap: number): number {
  if (count <= 1) return 1;
  return Math.max(1, Math.ceil((minGap * count) / Math.max(width, 1)));
}
