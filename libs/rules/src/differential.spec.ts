import jsonLogic from 'json-logic-js';
import { FORBIDDEN_KEYS } from './semantics';
import { Random, randomRecord, randomRule, randomValue } from '../test/random-rules';
import { outcome, sameOutcome } from '../test/same';
import type { Outcome } from '../test/same';
import { BACK_ENDS } from '../test/back-ends';

const hasOwn = Object.prototype.hasOwnProperty;

// json-logic-js's own `var`, byte for byte in behaviour, instrumented to notice reads that are
// not own properties (or are forbidden keys) and find something there. Those are the documented
// difference, so cases that perform one are excluded from comparison and counted instead.
let touchedNonOwn = false;
jsonLogic.add_operation('var', function (this: unknown, a: unknown, b: unknown) {
  const notFound = b === undefined ? null : b;
  let data = this as Record<string, unknown> | null | undefined;
  if (typeof a === 'undefined' || a === '' || a === null) return data;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- mirrors json-logic-js exactly
  const subProps = String(a).split('.');
  for (const prop of subProps) {
    if (data === null || data === undefined) return notFound;
    const next = data[prop] as Record<string, unknown> | null | undefined;
    if (next !== undefined && (FORBIDDEN_KEYS.has(prop) || !hasOwn.call(data, prop))) touchedNonOwn = true;
    data = next;
    if (data === undefined) return notFound;
  }
  return data;
});

describe.each(BACK_ENDS)('differential test against json-logic-js 2.0.5: %s', (name, build) => {
  beforeAll(() => jest.spyOn(console, 'log').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('agrees on 12,000 seeded random rules x 2 records each', () => {
    const random = new Random(20240611);
    const rules = 12_000;
    let compared = 0;
    let excluded = 0;
    let threw = 0;
    const differences: string[] = [];
    for (let i = 0; i < rules; i++) {
      const rule = randomRule(random, 1 + random.int(5));
      const compiled = outcome(() => build(rule));
      for (let j = 0; j < 2; j++) {
        const data = random.chance(0.05) ? randomValue(random) : randomRecord(random);
        touchedNonOwn = false;
        const expected = outcome(() => jsonLogic.apply(rule as jsonLogic.RulesLogic, data));
        if (touchedNonOwn) {
          excluded++;
          continue;
        }
        const actual: Outcome = compiled.threw
          ? compiled
          : outcome(() => (compiled.value as (d: unknown) => unknown)(data));
        compared++;
        if (expected.threw) threw++;
        const agree = sameOutcome(expected, actual);
        if (!agree && differences.length < 10) {
          differences.push(
            `${JSON.stringify(rule)} on ${JSON.stringify(data)}: json-logic-js ${JSON.stringify(expected)} vs ours ${JSON.stringify(actual)}`,
          );
        }
      }
    }
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(20_000);
    // Exclusions (prototype-chain reads) must stay rare or the comparison would prove little.
    expect(excluded).toBeLessThan(compared / 100);
    expect(threw).toBeLessThan(compared / 4);
    // Printed so that a generator change that starves the comparison shows up in CI logs.
    process.stdout.write(
      `differential (${name}): ${compared} compared, ${excluded} excluded, ${threw} throwing in both\n`,
    );
  });
});
