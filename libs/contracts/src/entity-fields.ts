import type { FieldDefinition, FieldSchema } from '@baton/rules';
import type { EntityType } from './definition';

const text: FieldDefinition = { type: 'string' };
const date: FieldDefinition = { type: 'date' };
const number: FieldDefinition = { type: 'number' };

/** Fields of each entity as conditions see them (dates as ISO-8601 strings, references as ids). */
export const ENTITY_FIELDS: Partial<Record<EntityType, Record<string, FieldDefinition>>> = {
  lead: {
    id: text,
    name: text,
    email: text,
    company: text,
    phone: text,
    source: { type: 'string', label: 'Source' },
    status: { type: 'string', label: 'Status' },
    score: number,
    region: text,
    ownerId: text,
    createdAt: date,
    updatedAt: date,
  },
};

/**
 * The data a workflow's conditions are evaluated against: the triggering record under its entity
 * name (`lead.score`), the outputs of earlier steps (`steps.assign.ownerId`) and the evaluation time.
 */
export function conditionSchemaFor(entity: EntityType): FieldSchema {
  const fields = ENTITY_FIELDS[entity];
  return {
    fields: {
      [entity]: fields ? { type: 'object', fields } : { type: 'object' },
      steps: { type: 'object' },
    },
  };
}
