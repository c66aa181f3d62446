import type { EntityType } from '@baton/contracts';
import type { FieldSchema } from '@baton/rules';
import type { Diagnostic } from '../diagnostics';
import { triggerPath, type Model, type ModelTrigger } from './model';

/**
 * Field-change triggers: `field` (and `from`/`to`) only make sense on `updated` events, date
 * triggers need a date `field` and only they take an `offset` (`INVALID_TRIGGER`); the field must
 * be one the entity has (`UNKNOWN_FIELD`). A webhook trigger matching its record by a field must
 * name a field the entity has (`UNKNOWN_FIELD`). Schedule triggers have no field; their cron, time
 * zone and required condition are checked by the schema, the condition's fields by the rule check.
 */
export function checkTriggerFields(
  model: Model,
  schemaOf: (entity: EntityType) => FieldSchema | undefined,
): Diagnostic[] {
  return model.triggers.flatMap((trigger): Diagnostic[] => {
    // Schedules have no field; a campaign trigger's fields are checked by the schema.
    if (trigger.kind === 'schedule' || trigger.kind === 'campaign') return [];
    if (trigger.kind === 'webhook') return checkMatchField(trigger, schemaOf);
    const at = { nodeId: trigger.id, path: `${triggerPath(trigger)}/field` };
    const invalid = (message: string): Diagnostic[] => [{ code: 'INVALID_TRIGGER', message, ...at }];
    if (trigger.hasOffset && trigger.event !== 'date')
      return invalid(`Only "date" triggers take an offset (trigger "${trigger.id}")`);
    if (trigger.event === 'date') {
      if (trigger.field === undefined)
        return invalid(`Date trigger "${trigger.id}" needs the date field it watches`);
      if (trigger.hasValueFilter) return invalid(`Date trigger "${trigger.id}" cannot have from/to values`);
      const fields =
        trigger.entity === undefined ? undefined : schemaOf(trigger.entity)?.fields[trigger.entity]?.fields;
      const field =
        fields && Object.prototype.hasOwnProperty.call(fields, trigger.field)
          ? fields[trigger.field]
          : undefined;
      if (fields !== undefined && field === undefined)
        return [
          { code: 'UNKNOWN_FIELD', message: `${trigger.entity} has no field "${trigger.field}"`, ...at },
        ];
      if (field !== undefined && field.type !== 'date')
        return invalid(`"${trigger.field}" is not a date, so trigger "${trigger.id}" cannot wait for it`);
      return [];
    }
    if (trigger.field === undefined) {
      return trigger.hasValueFilter
        ? [
            {
              code: 'INVALID_TRIGGER',
              message: `Trigger "${trigger.id}" has from/to values but no field`,
              ...at,
            },
          ]
        : [];
    }
    if (trigger.event !== 'updated') {
      return [
        {
          code: 'INVALID_TRIGGER',
          message: `Only "updated" triggers can watch a field (trigger "${trigger.id}")`,
          ...at,
        },
      ];
    }
    const entityFields =
      trigger.entity === undefined ? undefined : schemaOf(trigger.entity)?.fields[trigger.entity]?.fields;
    if (entityFields === undefined || Object.prototype.hasOwnProperty.call(entityFields, trigger.field))
      return [];
    return [{ code: 'UNKNOWN_FIELD', message: `${trigger.entity} has no field "${trigger.field}"`, ...at }];
  });
}

function checkMatchField(
  trigger: ModelTrigger,
  schemaOf: (entity: EntityType) => FieldSchema | undefined,
): Diagnostic[] {
  if (trigger.matchField === undefined || trigger.entity === undefined) return [];
  const fields = schemaOf(trigger.entity)?.fields[trigger.entity]?.fields;
  if (fields === undefined || Object.prototype.hasOwnProperty.call(fields, trigger.matchField)) return [];
  return [
    {
      code: 'UNKNOWN_FIELD',
      message: `${trigger.entity} has no field "${trigger.matchField}" to find the record by`,
      nodeId: trigger.id,
      path: `${triggerPath(trigger)}/match/field`,
    },
  ];
}
