// The two evaluator back-ends, which must agree with json-logic-js (and so with each other) on
// every spec that pins semantics. Specs iterate over this list instead of being copied.
import { compileRule, generateRule } from '../src/index';
import type { CompiledRule } from '../src/index';

export const BACK_ENDS: readonly (readonly [name: string, build: (rule: unknown) => CompiledRule])[] = [
  ['closure tree (compileRule)', compileRule],
  ['generated (generateRule)', generateRule],
];
