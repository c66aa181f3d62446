/** CSV uploads with broken encodings and hostile shapes, as the bytes a client would send. */

const utf8 = (text: string) => Buffer.from(text, 'utf8');

function utf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return order === 'le' ? le : Buffer.from(le).swap16();
}

const SAMPLE = 'name,email,company\nAda Proof,ada@proof.example,Engines\nBob Proof,bob@proof.example,Gears\n';

export const HOSTILE_CSV: Record<string, Buffer> = {
  'invalid UTF-8 in the header': Buffer.from([0x6e, 0x61, 0xff, 0x65, 0x0a, 0x41, 0x0a]),
  'invalid UTF-8 in a row': Buffer.concat([
    utf8('name,company\nGood,One\n'),
    Buffer.from([0xc3, 0x28, 0x2c, 0x80, 0x0a]),
  ]),
  'overlong UTF-8 encoding': Buffer.concat([utf8('name\n'), Buffer.from([0xc0, 0xaf, 0x0a])]),
  'truncated multibyte at the end': Buffer.concat([utf8('name\nZo'), Buffer.from([0xc3])]),
  'UTF-16 LE with BOM': utf16(SAMPLE, 'le'),
  'UTF-16 BE with BOM': utf16(SAMPLE, 'be'),
  'UTF-8 BOM twice': utf8(`\ufeff\ufeff${SAMPLE}`),
  'NUL bytes in fields': utf8('name,company\nNul\u0000Name,Co\u0000mpany\n'),
  'NUL bytes in the header': utf8('na\u0000me\nA\n'),
  'only NUL bytes': Buffer.alloc(64 * 1024),
  'lone CR line endings': utf8('name,company\rCr One,X\rCr Two,Y\r'),
  'unterminated quote': utf8('name,company\n"Never closed,X\nNext,Y\n'),
  'quote inside a field': utf8('name\nA"B\n'),
  'formula injection': utf8("name,company\n=cmd|' /C calc'!A0,@SUM(1+1)\n+1,-1\n"),
  'SQL and HTML in fields': utf8(`name,company\n"'; DROP TABLE leads; --",<script>alert(1)</script>\n`),
  '10,000 columns': utf8(
    `${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',')}\n${'x,'.repeat(9999)}x\n`,
  ),
  'duplicate headers': utf8('name,name,email\nA,B,a@proof.example\n'),
  'header named __proto__': utf8('__proto__,constructor,name\n{"polluted":1},x,Proto Lead\n'),
  'one 5 MB field': utf8(`name\n${'n'.repeat(5 * 1024 * 1024)}\n`),
  '5 MB without a newline': utf8('h'.repeat(5 * 1024 * 1024)),
  'binary (gzip magic)': Buffer.from([0x1f, 0x8b, 0x08, 0x00, ...Array(1000).fill(0x41)]),
};

/** `mapping` query values that are not JSON, not a mapping, or aim at the prototype. */
export const HOSTILE_MAPPINGS: Record<string, string> = {
  'not json': 'name:name',
  array: '["name"]',
  'proto key': '{"__proto__":"name"}',
  'constructor key': '{"constructor":"name","name":"name"}',
  'maps to __proto__': '{"name":"__proto__"}',
  'maps to constructor': '{"name":"constructor"}',
  'nested object': '{"name":{"a":1}}',
  '1,000 columns': JSON.stringify(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`c${i}`, '']))),
};
