export { compileRule, MAX_COMPILE_DEPTH } from './compile';
export { evaluateRule, clearRuleCache, RULE_CACHE_SIZE } from './cache';
export { RuleError } from './errors';
export type { RuleErrorCode } from './errors';
export { OPERATORS, getOperator, listOperators } from './operators/registry';
export type { OperatorSpec, OperatorCategory, ParamSpec } from './operators/spec';
export { truthy, FORBIDDEN_KEYS } from './semantics';
export type { CompiledRule, EvaluationContext, JsonLogicRule, RuleType } from './types';
