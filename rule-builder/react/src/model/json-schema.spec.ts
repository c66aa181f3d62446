import { describe, expect, it } from '@jest/globals';
import { defaultConfig, formFields, type JsonSchema } from './json-schema';
import { humanize } from './labels';

// What GET /api/activity-types sends for create_task.
const createTask: JsonSchema = {
  type: 'object',
  properties: {
    title: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      description: 'What the assignee sees in the inbox',
    },
    description: { type: 'string', maxLength: 2000 },
    assignee: {
      default: { kind: 'record_owner' },
      oneOf: [
        {
          type: 'object',
          properties: { kind: { type: 'string', const: 'record_owner' } },
          required: ['kind'],
        },
        {
          type: 'object',
          properties: { kind: { type: 'string', const: 'user' }, userId: { type: 'string', format: 'uuid' } },
          required: ['kind', 'userId'],
        },
      ],
    },
    dueInBusinessDays: { default: 1, type: 'integer', minimum: 0, maximum: 365 },
    priority: { default: 'normal', type: 'string', enum: ['low', 'normal', 'high'] },
  },
  required: ['title'],
};

describe(formFields.name, () => {
  it('builds one field per property with its kind, requiredness, help and default', () => {
    const fields = formFields(createTask);
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['title', 'text', true],
      ['description', 'text', false],
      ['assignee', 'variant', false],
      ['dueInBusinessDays', 'number', false],
      ['priority', 'enum', false],
    ]);
    expect(fields[0]).toMatchObject({
      label: 'Title',
      help: 'What the assignee sees in the inbox',
      multiline: false,
    });
    expect(fields[1]).toMatchObject({ multiline: true });
    expect(fields[3]).toMatchObject({
      label: 'Due in business days',
      integer: true,
      minimum: 0,
      maximum: 365,
      defaultValue: 1,
    });
    expect(fields[4]).toMatchObject({
      options: [
        { value: 'low', label: 'Low' },
        { value: 'normal', label: 'Normal' },
        { value: 'high', label: 'High' },
      ],
    });
  });

  it('turns a oneOf told apart by a constant into a choice with its own fields', () => {
    const assignee = formFields(createTask)[2]!;
    expect(assignee.kind === 'variant' && assignee.discriminator).toBe('kind');
    expect(
      assignee.kind === 'variant' &&
        assignee.variants.map((v) => [v.value, v.label, v.fields.map((f) => f.name)]),
    ).toEqual([
      ['record_owner', 'Record owner', []],
      ['user', 'User', ['userId']],
    ]);
  });

  it('falls back to a JSON field for shapes without a natural input', () => {
    expect(formFields({ properties: { rules: { type: 'array' }, when: {} } }).map((f) => f.kind)).toEqual([
      'json',
      'json',
    ]);
  });
});

describe(defaultConfig.name, () => {
  it('fills in defaults and leaves required fields without one empty', () => {
    expect(defaultConfig(createTask)).toEqual({
      assignee: { kind: 'record_owner' },
      dueInBusinessDays: 1,
      priority: 'normal',
    });
  });
});

describe(humanize.name, () => {
  it('turns keys into labels', () => {
    expect(humanize('dueInBusinessDays')).toBe('Due in business days');
    expect(humanize('round_robin')).toBe('Round robin');
  });
});
