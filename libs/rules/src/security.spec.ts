import jsonLogic from 'json-logic-js';
import { evaluateRule } from './index';
import { BACK_ENDS } from '../test/back-ends';

// Deliberate difference from json-logic-js: `var` (and therefore `missing`) only reads own
// properties and never __proto__, constructor or prototype; such paths behave like missing keys.
const record = JSON.parse(
  '{"name":"Ada","tags":["vip"],"nested":{"k":1},"__proto__":{"admin":true},"n":5}',
) as unknown;

describe.each(BACK_ENDS)('var never leaves own properties: %s', (_name, build) => {
  it.each([
    ['__proto__'],
    ['__proto__.admin'],
    ['constructor'],
    ['constructor.prototype'],
    ['nested.constructor'],
    ['toString'],
    ['name.toUpperCase'],
    ['tags.map'],
    ['n.toFixed'],
    ['hasOwnProperty'],
    ['tags.constructor.prototype'],
  ])('%s reads as missing', (path) => {
    expect(build({ var: path })(record)).toBeNull();
    expect(build({ var: [path, 'default'] })(record)).toBe('default');
    expect(build({ missing: [path] })(record)).toEqual([path]);
    expect(evaluateRule({ missing: [path] }, record)).toEqual([path]);
  });

  it('is a real difference: json-logic-js walks the prototype chain', () => {
    expect(typeof jsonLogic.apply({ var: 'constructor' }, {})).toBe('function');
    expect(typeof jsonLogic.apply({ var: 'name.toUpperCase' }, record)).toBe('function');
    expect(jsonLogic.apply({ var: '__proto__.admin' }, record)).toBe(true);
  });

  it('still reads own properties of strings and arrays', () => {
    expect(build({ var: 'name.length' })(record)).toBe(3);
    expect(build({ var: 'tags.0' })(record)).toBe('vip');
    expect(build({ var: 'tags.length' })(record)).toBe(1);
  });

  it('does not treat prototype names as operators', () => {
    for (const op of [
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'var.prototype.constructor',
    ]) {
      expect(() => build(JSON.parse(`{"${op}":["x"]}`))({ x: 1 })).toThrow(/Unrecognized operation/);
    }
    // json-logic-js resolves this dotted name to its own `var` function.
    expect(jsonLogic.apply({ 'var.prototype.constructor': ['x'] }, { x: 1 })).toBe(1);
  });

  it('does not pollute prototypes through results', () => {
    build({ merge: [{ var: '__proto__' }, [1]] })(record);
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
  });
});
