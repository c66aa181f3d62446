import type { EntityType } from '@baton/contracts';
import { conditionList, isConditionField, type ConditionList } from '../model/condition-config';
import { ConfigField, type ConfigFieldProps } from './ConfigField';
import { ConditionEditor } from './ConditionEditor';

export interface StepConfigFieldProps extends ConfigFieldProps {
  readonly stepType: string;
  /** Entities whose triggers lead to the step: its conditions read their fields. */
  readonly entities: readonly EntityType[];
}

/**
 * A step setting: the condition builder for settings that are conditions (wait_for's `until`),
 * the generated input otherwise, with a builder per entry for lists whose entries carry a `when`.
 */
export function StepConfigField({ stepType, entities, ...props }: StepConfigFieldProps) {
  const { field, value, onChange, errors = [] } = props;
  if (isConditionField(stepType, field.name)) {
    return (
      <ConditionEditor
        label={field.label}
        value={value}
        onChange={onChange}
        entities={entities}
        required={field.required}
        errors={errors}
        {...(field.help === undefined ? {} : { help: field.help })}
      />
    );
  }
  const list = conditionList(stepType, field.name);
  return (
    <>
      <ConfigField {...props} />
      {list !== undefined && Array.isArray(value) && (
        <EntryConditions list={list} entries={value} onChange={onChange} entities={entities} />
      )}
    </>
  );
}

function EntryConditions({
  list,
  entries,
  onChange,
  entities,
}: {
  list: ConditionList;
  entries: readonly unknown[];
  onChange: (value: unknown) => void;
  entities: readonly EntityType[];
}) {
  return entries.map((entry, i) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return null;
    const record = entry as Record<string, unknown>;
    const name = typeof record.name === 'string' ? record.name : String(i + 1);
    return (
      <ConditionEditor
        key={i}
        label={`${list.entry} ${name} applies when`}
        value={record.when}
        entities={entities}
        onChange={(when) => {
          const next: Record<string, unknown> = { ...record };
          if (when === undefined) delete next.when;
          else next.when = when;
          onChange(entries.map((e, j) => (j === i ? next : e)));
        }}
      />
    );
  });
}
