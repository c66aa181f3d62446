/** Malformed and hostile workflow definitions and JSON Logic rules, as raw JSON text. */

type Json = Record<string, unknown>;

let serial = 0;

function definition(parts: {
  steps?: unknown[];
  transitions?: unknown[];
  condition?: unknown;
  extra?: Json;
}): Json {
  serial++;
  return {
    schemaVersion: 1,
    key: `proof-graph-${serial}`,
    name: `Proof graph ${serial}`,
    triggers: [
      {
        id: 'lead_created',
        kind: 'record',
        event: 'created',
        entity: 'lead',
        ...(parts.condition === undefined ? {} : { condition: parts.condition }),
      },
    ],
    steps: parts.steps ?? [{ id: 'stop', type: 'end' }],
    transitions: parts.transitions ?? [{ id: 't_start', from: 'lead_created', to: 'stop' }],
    ...parts.extra,
  };
}

const step = (id: string, type = 'branch') => ({ id, type });
const edge = (id: string, from: string, to: string, condition?: unknown) => ({
  id,
  from,
  to,
  ...(condition === undefined ? {} : { condition }),
});

/** `depth` levels of `wrap` around `leaf`, built as text so no recursion limit of ours is hit first. */
export function nestedRule(depth: number, op: 'and' | '!' | 'var' | 'if', leaf = '{"==":[1,1]}'): string {
  const open = { and: '{"and":[', '!': '{"!":', var: '{"var":', if: '{"if":[' }[op];
  const close = { and: ']}', '!': '}', var: '}', if: ',true,false]}' }[op];
  return `${open.repeat(depth)}${leaf}${close.repeat(depth)}`;
}

/** Rules that read the prototype chain or name operators after it. */
export const PROTOTYPE_RULES: Record<string, string> = {
  'var __proto__': '{"var":"__proto__"}',
  'var lead.__proto__.polluted': '{"var":"lead.__proto__.polluted"}',
  'var constructor.prototype': '{"var":"constructor.prototype"}',
  'var lead.constructor.name': '{"==":[{"var":"lead.constructor.name"},"Object"]}',
  'var with default via __proto__': '{"var":["__proto__.toString","x"]}',
  'operator __proto__': '{"__proto__":[1,2]}',
  'operator constructor': '{"constructor":[1]}',
  'operator toString': '{"toString":[]}',
  'operator hasOwnProperty': '{"hasOwnProperty":["x"]}',
  'in over __proto__': '{"in":["polluted",{"var":"__proto__"}]}',
  'method-like var': '{"var":"lead.name.length"}',
};

export const DEEP_RULES: Record<string, string> = {
  'and 1,000 deep': nestedRule(1000, 'and'),
  '! 1,000 deep': nestedRule(1000, '!'),
  'var 1,000 deep': nestedRule(1000, 'var', '"lead.name"'),
  'if 1,000 deep': nestedRule(1000, 'if'),
  'and 20,000 deep': nestedRule(20_000, 'and'),
  '! 50,000 deep': nestedRule(50_000, '!'),
};

/** Whole definitions, as the JSON text of `{ definition, note }` request bodies. */
export function hostileDefinitions(): Record<string, string> {
  const out: Record<string, string> = {};
  const body = (def: unknown) => JSON.stringify({ definition: def, note: 'proof' });
  const many = (n: number) => Array.from({ length: n }, (_, i) => step(`s${i}`));
  const chain = (n: number) => [
    edge('t_start', 'lead_created', 's0'),
    ...Array.from({ length: n - 1 }, (_, i) => edge(`t${i}`, `s${i}`, `s${i + 1}`)),
  ];

  out['two-step cycle'] = body(
    definition({
      steps: [step('a'), step('b')],
      transitions: [edge('t0', 'lead_created', 'a'), edge('t1', 'a', 'b'), edge('t2', 'b', 'a')],
    }),
  );
  out['self loop'] = body(
    definition({ steps: [step('a')], transitions: [edge('t0', 'lead_created', 'a'), edge('t1', 'a', 'a')] }),
  );
  out['10,000 steps in a chain'] = body(definition({ steps: many(10_000), transitions: chain(10_000) }));
  out['500 steps all connected to all (cycles)'] = body(
    definition({
      steps: many(500),
      transitions: [
        edge('t_start', 'lead_created', 's0'),
        ...Array.from({ length: 2000 }, (_, i) =>
          edge(`t${i}`, `s${i % 500}`, `s${(i * 7 + 1) % 500}`, true),
        ),
      ],
    }),
  );
  out['10,000 transitions'] = body(
    definition({
      steps: many(2),
      transitions: Array.from({ length: 10_000 }, (_, i) =>
        edge(`t${i}`, 'lead_created', 's0', { '==': [i, i] }),
      ),
    }),
  );
  out['unknown step type'] = body(definition({ steps: [step('stop', 'launch_missiles')] }));
  for (const type of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])
    out[`step type ${type}`] = body(definition({ steps: [step('stop', type)] }));
  for (const id of ['constructor', 'toString', 'hasOwnProperty', 'prototype'])
    out[`step id ${id}`] = body(
      definition({ steps: [step(id, 'end')], transitions: [edge('t_start', 'lead_created', id)] }),
    );
  out['unknown trigger kind'] = body({
    ...definition({}),
    triggers: [{ id: 'x', kind: 'telepathy', entity: 'lead' }],
  });
  out['unknown entity'] = body({
    ...definition({}),
    triggers: [{ id: 'x', kind: 'record', event: 'created', entity: '__proto__' }],
  });
  out['edges to nowhere'] = body(definition({ transitions: [edge('t0', 'ghost', 'phantom')] }));
  out['duplicate ids'] = body(definition({ steps: [step('stop', 'end'), step('stop', 'end')] }));
  out['schemaVersion 2'] = body({ ...definition({}), schemaVersion: 2 });
  out['steps is an object'] = body({ ...definition({}), steps: { a: 1 } });
  out['definition null'] = body(null);
  out['definition string'] = body('steps: []');
  out['definition array'] = body([definition({})]);
  out['1 MB name'] = body({ ...definition({}), name: 'n'.repeat(1024 * 1024) });
  out['nul in name'] = body({ ...definition({}), name: 'a\u0000b' });
  out['layout with prototype keys'] = body(
    definition({ extra: { layout: { constructor: { x: 1, y: 2 }, toString: { x: 0, y: 0 } } } }),
  );
  out['config with prototype keys'] = JSON.stringify({
    definition: definition({ steps: [{ ...step('stop', 'create_task'), config: '__CONFIG__' }] }),
  }).replace(
    '"__CONFIG__"',
    '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"title":"x"}',
  );
  // Rules inside a definition: the same text spliced in as a trigger condition and a transition's.
  for (const [name, rule] of Object.entries({ ...PROTOTYPE_RULES, ...DEEP_RULES })) {
    const def = JSON.stringify({
      definition: definition({
        condition: '__RULE__',
        steps: [step('stop', 'end')],
        transitions: [edge('t_start', 'lead_created', 'stop', '__RULE__')],
      }),
      note: 'proof',
    });
    out[`rule ${name}`] = def.split('"__RULE__"').join(rule);
  }
  return out;
}
