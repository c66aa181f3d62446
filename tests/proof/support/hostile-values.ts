/** Hostile values, by what they stand in for. Each is something a real client has sent a server. */

const MB = 1024 * 1024;

export const HOSTILE_STRINGS: Record<string, string> = {
  sql: "' OR '1'='1'; DROP TABLE leads; --",
  html: '<script>alert(1)</script><img src=x onerror=alert(1)>',
  unicode: 'Zoë 💥 \u202Eevil\u202C 漢字 \u200B ﷽ 𝕏',
  nul: 'a\u0000b',
  'lone surrogate': 'x\ud800y',
  'control chars': '\u0001\u0007\u001b[31m\r\n\t',
  template: '%s%n%x{{7*7}}${7*7}#{7*7}',
  'path traversal': '../../../../etc/passwd',
  empty: '',
  blank: '   ',
  '1 MB': 'x'.repeat(MB),
};

export const HOSTILE_NUMBERS: Record<string, string> = {
  negative: '-1',
  zero: '0',
  'negative zero': '-0',
  fraction: '1.5',
  'above 2^53': '9007199254740993',
  'above int4': '2147483648',
  huge: '1e308',
  'overflows to Infinity': '1e400',
  tiny: '5e-324',
};

export const HOSTILE_PATH_VALUES: Record<string, string> = {
  'not a uuid': 'not-a-uuid',
  'uuid with junk': '00000000-0000-4000-8000-000000000001x',
  'nil uuid': '00000000-0000-0000-0000-000000000000',
  'max uuid': 'ffffffff-ffff-ffff-ffff-ffffffffffff',
  number: '12345',
  'huge number': '99999999999999999999',
  'above int4': '2147483648',
  negative: '-1',
  fraction: '1.5',
  sql: "1' OR '1'='1",
  html: '<script>alert(1)</script>',
  unicode: '💥漢字',
  nul: 'a\u0000b',
  'encoded slash': 'a/../../b',
  dots: '..',
  long: 'a'.repeat(4000),
  'proto key': '__proto__',
  constructor: 'constructor',
};

function base64url(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

/** Query strings (already encoded) that any list endpoint should refuse or shrug off. */
export const HOSTILE_QUERIES: Record<string, string> = {
  'limit not a number': 'limit=abc',
  'limit negative': 'limit=-1',
  'limit zero': 'limit=0',
  'limit huge': 'limit=99999999999999999999',
  'limit Infinity': 'limit=1e400',
  'limit fraction': 'limit=1.5',
  'limit twice': 'limit=1&limit=2',
  'limit as object': 'limit[a]=1',
  'cursor garbage': 'cursor=garbage!!',
  'cursor not json': `cursor=${base64url('not json')}`,
  'cursor wrong shape': `cursor=${base64url({ at: 'yesterday', id: 1 })}`,
  'cursor sql id': `cursor=${base64url({ at: '2026-01-01T00:00:00.000Z', id: "' OR 1=1 --" })}`,
  'cursor year 275760': `cursor=${base64url({ at: '+275760-09-13T00:00:00.000Z', id: 'x' })}`,
  'cursor proto': `cursor=${base64url('{"__proto__":{"at":"2026-01-01T00:00:00Z","id":"x"}}')}`,
  'cursor huge': `cursor=${'A'.repeat(6000)}`,
  'status unknown': 'status=bogus',
  'status twice': 'status=open&status=closed',
  'q sql': `q=${encodeURIComponent("' OR 1=1 --")}`,
  'q like wildcards': `q=${encodeURIComponent('%_\\')}`,
  'q html': `q=${encodeURIComponent('<script>alert(1)</script>')}`,
  'q nul': 'q=a%00b',
  'q broken percent': 'q=%E0%A4%A',
  'q 4 KB': `q=${'q'.repeat(4000)}`,
  'query over 16 KB': `q=${'q'.repeat(20_000)}`,
  'owner not a uuid': 'owner=not-a-uuid',
  'sort injection': `sort=${encodeURIComponent('name;drop table leads')}`,
  'date garbage': 'from=not-a-date&to=2026-13-45',
  'unknown parameter': 'unexpected=1',
  'proto parameter': '__proto__[polluted]=1',
};

/** Authorization headers that must all be refused with 401 (or ignored on public routes). */
export const HOSTILE_AUTH: Record<string, string | undefined> = {
  none: undefined,
  'empty bearer': 'Bearer ',
  garbled: 'Bearer !!!not-a-token!!!',
  'token-shaped': `Bearer ${'x'.repeat(43)}`,
  'two tokens': 'Bearer aaa bbb',
  basic: 'Basic YWRtaW5AZGVtby5iYXRvbjpiYXRvbi1kZW1v',
  'jwt none alg': `Bearer ${base64url({ alg: 'none' })}.${base64url({ sub: 'admin', role: 'admin' })}.`,
  '8 KB': `Bearer ${'t'.repeat(8000)}`,
  'over 16 KB': `Bearer ${'t'.repeat(20_000)}`,
  'latin-1': 'Bearer \u00e9\u00e8\u00ff',
};

/** Bodies whose shape is wrong before any field is looked at (raw JSON text, or not JSON at all). */
export function hostileShapes(valid: unknown): Record<string, { body: string; contentType?: string }> {
  const json = JSON.stringify(valid ?? {});
  const inner = json.startsWith('{') && json !== '{}' ? json.slice(1) : '}';
  return {
    null: { body: 'null' },
    array: { body: '[]' },
    'array of the body': { body: `[${json}]` },
    string: { body: '"a string"' },
    number: { body: '42' },
    boolean: { body: 'true' },
    'empty object': { body: '{}' },
    'empty body': { body: '' },
    truncated: { body: json.slice(0, Math.max(1, Math.floor(json.length / 2))) },
    'single quotes': { body: "{'a': 1}" },
    'trailing comma': { body: '{"a": 1,}' },
    'byte order mark': { body: `\ufeff${json}` },
    'proto key': { body: `{"__proto__":{"polluted":true,"isAdmin":true},${inner}` },
    'constructor.prototype': { body: `{"constructor":{"prototype":{"polluted":true}},${inner}` },
    'duplicate keys': { body: `${json.slice(0, -1)}${json === '{}' ? '' : ','}"a":1,"a":2}` },
    'nested 5,000 deep': { body: `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}` },
    'object with 50,000 keys': {
      body: `{${Array.from({ length: 50_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`,
    },
    '3 MB': { body: JSON.stringify({ blob: 'x'.repeat(3 * MB) }) },
    'as text/plain': { body: json, contentType: 'text/plain' },
    'as form': { body: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
    'as utf-16 json': { body: json, contentType: 'application/json; charset=utf-16' },
    'as xml': {
      body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
      contentType: 'application/xml',
    },
  };
}
