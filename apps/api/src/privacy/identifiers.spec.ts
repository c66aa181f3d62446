import { identifierPattern, identifiersOf } from './identifiers';

const values = (extra: Partial<Parameters<typeof identifiersOf>[0]> = {}) => ({
  names: [],
  emails: [],
  phones: [],
  titles: [],
  ...extra,
});

describe(identifiersOf.name, () => {
  it('scrubs full names, addresses and phones everywhere, name parts and titles only about the person', () => {
    const ids = identifiersOf(
      values({
        names: ['Ada Lovelace'],
        emails: ['ada@engines.example'],
        phones: ['+44 20 7946 0958'],
        titles: ['CTO'],
      }),
    );
    expect(ids.strong).toEqual(['ada@engines.example', '+44 20 7946 0958', '442079460958', 'Ada Lovelace']);
    expect(ids.weak).toEqual(expect.arrayContaining([...ids.strong, 'Ada', 'Lovelace', 'CTO']));
    expect(ids.weak).toHaveLength(ids.strong.length + 3);
  });

  it('leaves out short words, duplicates in another case, and placeholders of an earlier erasure', () => {
    const ids = identifiersOf(values({ names: ['Jo Li', 'JO LI', 'Erased contact'] }), ['Erased contact']);
    expect(ids.strong).toEqual(['Jo Li']);
    expect(ids.weak).toEqual(['Jo Li']);
  });
});

describe(identifierPattern.name, () => {
  it('matches whole words, longest first, with regex characters escaped', () => {
    expect(identifierPattern(['Ada', 'a.b+c@x.io'])).toBe('(\\mAda\\M|\\ma\\.b\\+c@x\\.io\\M)');
    expect(identifierPattern(['+44 20'])).toBe('(\\+44 20\\M)');
  });

  it('matches a value as it appears inside a JSON string', () => {
    expect(identifierPattern(['Ann "Nan" Bo'], true)).toBe('(\\mAnn \\\\"Nan\\\\" Bo\\M)');
  });

  it('is null when there is nothing to match', () => {
    expect(identifierPattern([])).toBeNull();
  });
});
