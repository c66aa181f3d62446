export { compileRule, MAX_COMPILE_DEPTH } from './compile';
/**
 * Generated back-end, an alternative to {@link compileRule} with the same results (one JavaScript
 * function per rule instead of a closure tree). Not the default: `evaluateRule` and the trigger
 * index use `compileRule`.
 *
 * Security property: the generated source text consists only of fixed templates and minted
 * identifiers. No value from the rule (literal, var path or segment, default, operator name) is
 * ever part of the text, escaped or not: all of them reach the function through a constants array
 * passed to its factory, so no user-supplied content is ever evaluated as code. Data is read
 * through own-property checks exactly as with `compileRule`.
 */
export { generateRule } from './generate';
export { evaluateRule, clearRuleCache, RULE_CACHE_SIZE } from './cache';
export { validateRule, VALIDATION_LIMITS } from './validate';
export type { RuleIssue, ValidateOptions, ValidationResult } from './validate';
export type { FieldDefinition, FieldSchema, FieldType } from './schema';
export { createTriggerIndex } from './trigger-index';
export { cronProblem } from './cron';
export type { TriggerDefinition, TriggerEvent, TriggerIndex, TriggerIndexOptions } from './trigger-index';
export { OPERATORS, getOperator, listOperators } from './operators/registry';
export type { OperatorCategory, OperatorSpec, ParamSpec } from './operators/spec';
export { DATE_UNITS } from './dates';
export type { DateUnit } from './dates';
export { RuleError } from './errors';
export type { RuleErrorCode } from './errors';
export { FORBIDDEN_KEYS, truthy } from './semantics';
export type { CompiledRule, EvaluationContext, JsonLogicRule, RuleType } from './types';
