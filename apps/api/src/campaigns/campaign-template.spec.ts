import { isBatonError } from '@baton/domain';
import { assertTemplates, MERGE_FIELDS, renderTemplate, templateProblems } from './campaign-template';

describe(templateProblems.name, () => {
  it('accepts the fields of the contact, its account and owner, and the campaign', () => {
    const text =
      '{{contact.firstName}} {{ contact.email }} {{account.name}} {{owner.name}} {{campaign.name}}';
    expect(templateProblems('body', text)).toEqual([]);
  });

  it('reports an unknown field with its line and column', () => {
    const text = 'Hello,\n  dear {{contact.fristName}} of {{company.name}}';
    expect(templateProblems('body', text)).toEqual([
      {
        template: 'body',
        field: 'contact.fristName',
        position: { offset: 14, line: 2, column: 8 },
        message: 'Unknown merge field "{{contact.fristName}}" in the body at line 2, column 8',
      },
      expect.objectContaining({ field: 'company.name', position: { offset: 39, line: 2, column: 33 } }),
    ]);
  });

  it('refuses fields people never read and paths deeper than record.field', () => {
    const problems = templateProblems('subject', '{{contact.ownerId}} {{contact.name.first}} {{contact}}');
    expect(problems.map((p) => p.field)).toEqual(['contact.ownerId', 'contact.name.first', 'contact']);
  });

  it('reports a "{{" that is never closed', () => {
    expect(templateProblems('subject', 'Hi {{contact.name}}, {{oops')).toEqual([
      expect.objectContaining({ field: '', position: { offset: 21, line: 1, column: 22 } }),
    ]);
  });

  it('offers firstName and lastName beside the contact fields conditions know', () => {
    expect(MERGE_FIELDS.contact).toEqual(expect.arrayContaining(['name', 'email', 'firstName', 'lastName']));
    expect(MERGE_FIELDS.contact).not.toContain('createdAt');
  });
});

describe(assertTemplates.name, () => {
  it('throws TEMPLATE_FIELD_UNKNOWN naming the first problem and listing all', () => {
    let caught: unknown;
    try {
      assertTemplates({ subject: 'For {{acount.name}}', body: '{{contact.nope}}' });
    } catch (err) {
      caught = err;
    }
    expect(isBatonError(caught) && caught.code).toBe('TEMPLATE_FIELD_UNKNOWN');
    expect((caught as { details: unknown }).details).toMatchObject({
      template: 'subject',
      field: 'acount.name',
      position: { line: 1, column: 5 },
      problems: [{ field: 'acount.name' }, { template: 'body', field: 'contact.nope' }],
    });
  });

  it('passes templates whose fields all exist, and absent ones', () => {
    expect(() => assertTemplates({ subject: 'Hi {{contact.firstName}}' })).not.toThrow();
    expect(() => assertTemplates({})).not.toThrow();
  });
});

describe(renderTemplate.name, () => {
  const data = {
    contact: { firstName: 'Ada', name: 'Ada <Lovelace>' },
    account: null,
  };

  it('fills in values, an unknown or empty one as nothing', () => {
    expect(renderTemplate('Hi {{contact.firstName}} at {{account.name}}!', data)).toBe('Hi Ada at !');
  });

  it('escapes values for an HTML body', () => {
    expect(renderTemplate('<b>{{contact.name}}</b>', data, { html: true })).toBe(
      '<b>Ada &lt;Lovelace&gt;</b>',
    );
  });
});
