import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { compileRule, evaluateRule } from './index';
import { BACK_ENDS } from '../test/back-ends';

// The shared JsonLogic suite lives beside the repository (shared/ is cloned as a sibling in CI).
const suitePath =
  process.env['BATON_JSONLOGIC_TESTS'] ??
  path.resolve(__dirname, '../../../../shared/conformance/jsonlogic-tests.json');

type Case = [rule: unknown, data: unknown, expected: unknown];

function loadSuite(): { title: string; cases: Case[] }[] {
  const entries = JSON.parse(readFileSync(suitePath, 'utf8')) as unknown[];
  const sections: { title: string; cases: Case[] }[] = [];
  for (const entry of entries) {
    if (typeof entry === 'string') sections.push({ title: entry, cases: [] });
    else {
      if (sections.length === 0) sections.push({ title: '(untitled)', cases: [] });
      (sections[sections.length - 1] as { cases: Case[] }).cases.push(entry as Case);
    }
  }
  return sections.filter((s) => s.cases.length > 0);
}

describe('official JsonLogic conformance suite', () => {
  it('is present', () => {
    expect(existsSync(suitePath)).toBe(true);
  });

  const sections = existsSync(suitePath) ? loadSuite() : [];

  it('has the 275 published cases', () => {
    expect(sections.reduce((n, s) => n + s.cases.length, 0)).toBe(275);
  });

  describe.each(BACK_ENDS)('%s', (_name, build) => {
    describe.each(sections.map((s) => [s.title, s.cases] as const))('%s', (_title, cases) => {
      it.each(cases.map((c) => [JSON.stringify(c[0]), JSON.stringify(c[1]), c] as const))(
        '%s with %s',
        (_r, _d, [rule, data, expected]) => {
          expect(build(rule)(data)).toEqual(expected);
          // evaluateRule (the cached entry point) always uses the closure tree.
          if (build === compileRule) expect(evaluateRule(rule, data)).toEqual(expected);
        },
      );
    });
  });
});
