import { writeFileSync } from 'node:fs';

/**
 * BENCH_JSON=path: a benchmark's figures as JSON, for `npm run bench` to read instead of parsing
 * the text it prints for people.
 */
export function writeResult(figures) {
  const path = process.env.BENCH_JSON;
  if (path) writeFileSync(path, `${JSON.stringify(figures, null, 2)}\n`);
}

/** BENCH_QUICK=1 shrinks every benchmark so the harness itself can be checked in a few minutes. */
export const QUICK = process.env.BENCH_QUICK === '1';
