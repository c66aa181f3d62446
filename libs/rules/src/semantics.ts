// Core JSON Logic semantics shared by the compiler and the operators, matching json-logic-js 2.0.5.

const hasOwn = Object.prototype.hasOwnProperty;

/** Path segments that `var` never reads, even as own properties. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON Logic truthiness: like JavaScript, except that an empty array is falsy. */
export function truthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length !== 0 : !!value;
}

/** True for a non-null, non-array object with exactly one own enumerable key: an operation. */
export function isLogic(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1
  );
}

/**
 * Splits a `var` path the way json-logic-js does (`String(path).split('.')`). Returns null when a
 * segment is forbidden, because such a path can only ever resolve to "not found".
 */
export function pathSegments(path: unknown): readonly string[] | null {
  const segments = String(path).split('.');
  for (const segment of segments) if (FORBIDDEN_KEYS.has(segment)) return null;
  return segments;
}

/** True when `var` returns the whole data object for this path argument. */
export function isWholeDataPath(path: unknown): boolean {
  return path === undefined || path === '' || path === null;
}

/**
 * The own property `key` of a non-null value, or undefined. Never reads through the prototype
 * chain (json-logic-js's `data[key]` reaches `constructor`, `toString`, `"abc".toUpperCase`...),
 * so neither prototype getters nor a polluted Object.prototype can supply a value.
 */
export function ownValue(value: unknown, key: string): unknown {
  return hasOwn.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** Follows `segments` through own properties; `notFound` when a step is null, undefined or absent. */
export function readSegments(data: unknown, segments: readonly string[], notFound: unknown): unknown {
  let current = data;
  for (let i = 0; i < segments.length; i++) {
    if (current === null || current === undefined) return notFound;
    current = ownValue(current, segments[i] as string);
    if (current === undefined) return notFound;
  }
  return current;
}

/** The `var` operator: `path` may be a dotted string, a number, or empty for the whole data. */
export function readVar(data: unknown, path: unknown, fallback: unknown): unknown {
  const notFound = fallback === undefined ? null : fallback;
  if (isWholeDataPath(path)) return data;
  const segments = pathSegments(path);
  return segments === null ? notFound : readSegments(data, segments, notFound);
}
