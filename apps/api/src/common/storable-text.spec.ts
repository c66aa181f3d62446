import { findUnstorableText } from './storable-text';

describe(findUnstorableText.name, () => {
  it.each([
    ['a NUL in a nested string', { a: [{ b: 'x\u0000y' }] }, 'body.a.0.b'],
    ['a lone high surrogate', { name: 'x\ud800' }, 'body.name'],
    ['a lone low surrogate', { name: '\udc00x' }, 'body.name'],
    ['a NUL in a key', { 'k\u0000': 1 }, 'body'],
  ])('finds %s', (_, value, path) => {
    expect(findUnstorableText(value, 'body')).toBe(path);
  });

  it('accepts emoji, right-to-left marks, other control characters and non-strings', () => {
    expect(findUnstorableText({ a: 'Zoë 💥 \u202Eevil 漢字 \u0001', n: 1, b: true, z: null }, 'body')).toBe(
      undefined,
    );
  });

  it('walks nesting far deeper than the call stack', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorableText(deep, 'body')).toMatch(/^body(\.0)+$/);
  });
});
