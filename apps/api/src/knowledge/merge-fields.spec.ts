import {
  MERGE_FIELDS,
  nameParts,
  renderMergeFields,
  unknownMergeFields,
  type MergeValues,
} from './merge-fields';

const values = (overrides: Partial<MergeValues> = {}): MergeValues => ({
  'case.subject': 'Gateway drops offline',
  'case.priority': 'high',
  'case.status': 'open',
  'account.name': 'Tidewater Freight',
  'contact.name': 'Grace Brewster Hopper',
  'contact.firstName': 'Grace',
  'contact.lastName': 'Brewster Hopper',
  'owner.name': 'Riley Rep',
  'agent.name': 'Morgan Manager',
  ...overrides,
});

describe(renderMergeFields.name, () => {
  it('fills every merge field, spaces inside the braces allowed', () => {
    const template = MERGE_FIELDS.map((f) => `{{ ${f} }}`).join('|');
    expect(renderMergeFields(template, values())).toEqual({
      text: 'Gateway drops offline|high|open|Tidewater Freight|Grace Brewster Hopper|Grace|Brewster Hopper|Riley Rep|Morgan Manager',
      blanks: [],
    });
  });

  it('renders a missing value empty and lists it once as a blank', () => {
    const rendered = renderMergeFields(
      'Hi {{contact.firstName}}, {{contact.firstName}}! — {{owner.name}}',
      values({ 'contact.firstName': null, 'owner.name': '' }),
    );
    expect(rendered).toEqual({ text: 'Hi , ! — ', blanks: ['contact.firstName', 'owner.name'] });
  });

  it('leaves an unknown placeholder as written rather than guessing', () => {
    expect(renderMergeFields('{{case.secret}} {{__proto__}}', values()).text).toBe(
      '{{case.secret}} {{__proto__}}',
    );
  });

  it('does not treat a value that looks like a placeholder as one', () => {
    const text = renderMergeFields('{{case.subject}}', values({ 'case.subject': '{{agent.name}}' })).text;
    expect(text).toBe('{{agent.name}}');
  });
});

describe(unknownMergeFields.name, () => {
  it('lists each unknown placeholder once, in order, and none of the known ones', () => {
    expect(
      unknownMergeFields('{{contact.first_name}} {{case.subject}} {{ owner }} {{contact.first_name}}'),
    ).toEqual(['contact.first_name', 'owner']);
  });

  it('finds nothing in plain text or single braces', () => {
    expect(unknownMergeFields('Hi {name}, costs {{ are }}fine')).toEqual(['are']);
    expect(unknownMergeFields('No placeholders here.')).toEqual([]);
  });
});

describe(nameParts.name, () => {
  it.each([
    ['Ada Lovelace', 'Ada', 'Lovelace'],
    ['  Grace   Brewster Hopper ', 'Grace', 'Brewster Hopper'],
    ['Cher', 'Cher', null],
    ['', null, null],
  ])('splits %j', (name, firstName, lastName) => {
    expect(nameParts(name)).toEqual({ firstName, lastName });
  });
});
