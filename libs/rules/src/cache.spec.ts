import { clearRuleCache, evaluateRule } from './index';

describe('evaluateRule', () => {
  afterEach(() => clearRuleCache());

  it('evaluates with the same semantics as compileRule', () => {
    expect(evaluateRule({ '>': [{ var: 'score' }, 50] }, { score: 51 })).toBe(true);
    expect(evaluateRule('literal', {})).toBe('literal');
    expect(evaluateRule({ days_until: '2024-03-20' }, {}, { now: '2024-03-15' })).toBe(5);
  });

  it('reuses compiled rules by identity and by JSON text', () => {
    const rule = { '==': [{ var: 'x' }, 1] };
    expect(evaluateRule(rule, { x: 1 })).toBe(true);
    // Same text, different object: served from the text cache, still correct.
    expect(evaluateRule(JSON.parse(JSON.stringify(rule)), { x: 2 })).toBe(false);
  });

  it('keeps rules that JSON.stringify would confuse apart', () => {
    expect(evaluateRule({ '/': [1, 0] }, {})).toBe(Infinity);
    expect(evaluateRule({ '/': [1, -0] }, {})).toBe(-Infinity);
    expect(evaluateRule([null], {})).toEqual([null]);
    expect(evaluateRule([undefined], {})).toEqual([undefined]);
  });

  it('stays correct when the text cache overflows', () => {
    for (let i = 0; i < 1500; i++) expect(evaluateRule({ '+': [{ var: 'n' }, i] }, { n: 1 })).toBe(i + 1);
  });
});
