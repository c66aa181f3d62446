// JSON Logic read aloud, for people comparing versions. Anything without a plain reading is shown
// as compact JSON rather than guessed at.

const COMPARISONS: Readonly<Record<string, string>> = {
  '==': 'is',
  '===': 'is',
  '!=': 'is not',
  '!==': 'is not',
  '>': 'is over',
  '>=': 'is at least',
  '<': 'is under',
  '<=': 'is at most',
};

const MAX_LENGTH = 120;

function clip(text: string): string {
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

function operand(value: unknown): string {
  if (typeof value === 'string') return `“${value}”`;
  if (value === null) return 'empty';
  if (Array.isArray(value)) return value.map(operand).join(', ');
  if (typeof value === 'object') return `(${conditionText(value)})`;
  return JSON.stringify(value) ?? 'nothing';
}

function variable(path: unknown): string {
  const name = Array.isArray(path) ? path[0] : path;
  return typeof name === 'string' && name !== '' ? name.replace(/\./g, ' › ') : 'the record';
}

/**
 * A condition in words: `{">": [{"var": "lead.score"}, 80]}` → `lead › score is over 80`.
 * `and`, `or`, `!`, comparisons, `in`, `startsWith` and `var` are read; the rest stays JSON.
 */
export function conditionText(rule: unknown): string {
  if (rule === true) return 'always';
  if (rule === false) return 'never';
  if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) return operand(rule);
  const entries = Object.entries(rule);
  const [op, raw] = entries[0] ?? [];
  if (entries.length !== 1 || op === undefined) return clip(JSON.stringify(rule));
  const args: unknown[] = Array.isArray(raw) ? raw : [raw];
  const phrase = (value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) && 'var' in value
      ? variable(value.var)
      : operand(value);
  if (op === 'var') return variable(raw);
  if (op === 'and' || op === 'or') return clip(args.map(phrase).join(` ${op} `));
  if ((op === '!' || op === 'not') && args.length === 1) return `not ${phrase(args[0])}`;
  if (COMPARISONS[op] !== undefined && args.length === 2) {
    return clip(`${phrase(args[0])} ${COMPARISONS[op]} ${phrase(args[1])}`);
  }
  if (op === 'in' && args.length === 2) {
    const verb = Array.isArray(args[1]) ? 'is one of' : 'is in';
    return clip(`${phrase(args[0])} ${verb} ${phrase(args[1])}`);
  }
  if (op === 'startsWith' && args.length === 2) {
    return clip(`${phrase(args[0])} starts with ${phrase(args[1])}`);
  }
  return clip(JSON.stringify(rule));
}
