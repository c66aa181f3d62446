const hasOwn = Object.prototype.hasOwnProperty;

/** Deep equality that tells -0 from 0, treats NaN as equal to itself and undefined as a value. */
export function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (
    a !== null &&
    b !== null &&
    typeof a === 'object' &&
    typeof b === 'object' &&
    !Array.isArray(a) &&
    !Array.isArray(b)
  ) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every(
        (k) =>
          hasOwn.call(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
      )
    );
  }
  return false;
}

/** Outcome of running a function: its value, or the fact that it threw. */
export type Outcome = { readonly threw: true } | { readonly threw: false; readonly value: unknown };

export function outcome(fn: () => unknown): Outcome {
  try {
    return { threw: false, value: fn() };
  } catch {
    return { threw: true };
  }
}

export function sameOutcome(a: Outcome, b: Outcome): boolean {
  return a.threw || b.threw ? a.threw === b.threw : same(a.value, b.value);
}
