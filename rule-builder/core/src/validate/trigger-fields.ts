import type { EntityType } from '@baton/contracts';
import type { FieldSchema } from '@baton/rules';
import type { Diagnostic } from '../diagnostics';
import { triggerPath, type Model } from './model';

/**
 * Field-change triggers: `field` (and `from`/`to`) only make sense on `updated` events
 * (`INVALID_TRIGGER`), and the field must be one the entity has (`UNKNOWN_FIELD`).
 */
export function checkTriggerFields(
  model: Model,
  schemaOf: (entity: EntityType) => FieldSchema | undefined,
): Diagnostic[] {
  return model.triggers.flatMap((trigger): Diagnostic[] => {
    const at = { nodeId: trigger.id, path: `${triggerPath(trigger)}/field` };
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
