import { CRM_OPERATORS } from './crm';
import type { OperatorSpec } from './spec';
import { STANDARD_OPERATORS } from './standard';

// A Map rather than an object so that names like "constructor" or "__proto__" are simply unknown.
const registry: ReadonlyMap<string, OperatorSpec> = new Map(
  [...STANDARD_OPERATORS, ...CRM_OPERATORS].map((spec) => [spec.name, Object.freeze(spec)]),
);

/**
 * Every operator Baton understands, keyed by name: the single source for the compiler, the
 * validator, API validation, the visual editor and workflow code.
 */
export const OPERATORS: ReadonlyMap<string, OperatorSpec> = registry;

/** The operator called `name`, or undefined. */
export function getOperator(name: string): OperatorSpec | undefined {
  return registry.get(name);
}

/** All operators in registry order (standard first, then CRM). */
export function listOperators(): readonly OperatorSpec[] {
  return [...registry.values()];
}
