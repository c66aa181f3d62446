import { evaluateRule, FORBIDDEN_KEYS } from '@baton/rules';
import type { CrmGateway, RecordRef } from '@baton/activity-sdk';
import type { TriggerData } from '@baton/contracts';

/**
 * What expressions and templates in a step's config read: the record under its type's name, earlier
 * steps, and what the trigger brought (`trigger.payload` for a webhook), as conditions see them.
 */
export async function recordData(
  crm: CrmGateway,
  record: RecordRef,
  steps: Record<string, Record<string, unknown>>,
  trigger: TriggerData = {},
): Promise<Record<string, unknown>> {
  const { fields } = await crm.getRecord(record);
  return { [record.type]: fields, steps, trigger };
}

/** A config value that may be JSON Logic (`{"var": "steps.approve.comment"}`) or a literal. */
export function evaluateValue(value: unknown, data: Record<string, unknown>, now: Date): unknown {
  return evaluateRule(value, data, { now: now.getTime() });
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)\s*\}\}/g;

/**
 * Fills `{{quote.name}}`-style placeholders from own properties only (never the prototype
 * chain); a missing value renders as empty.
 */
export function renderTemplate(template: string, data: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (_match, path: string) => {
    let value: unknown = data;
    for (const key of path.split('.')) {
      if (
        FORBIDDEN_KEYS.has(key) ||
        value === null ||
        typeof value !== 'object' ||
        !Object.hasOwn(value, key)
      )
        return '';
      value = (value as Record<string, unknown>)[key];
    }
    if (value === null || value === undefined) return '';
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}
