import { ENTITY_FIELDS } from '@baton/contracts';
import type { RecordTriggerNodeData, TriggerNodeData } from '@baton/rule-builder-core';
import { useId } from 'react';
import type { Problem } from '../model/diagnostics';
import { humanize } from '../model/labels';
import { useConditionServices } from './ConditionServices';
import { FieldErrors } from './JsonField';

type Update = (patch: Partial<TriggerNodeData>, field?: string) => void;

const shown = (value: unknown): string =>
  value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/**
 * An `updated` trigger's filter on one field: fire only when that field changed, optionally from
 * and to given values ("Quote updated: status → submitted"). Enumerated fields offer their values.
 */
export function FieldChangeFields({
  data,
  problems,
  update,
}: {
  data: RecordTriggerNodeData;
  problems: readonly Problem[];
  update: Update;
}) {
  const ids = { field: useId(), from: useId(), to: useId() };
  const fields = ENTITY_FIELDS[data.entity] ?? {};
  const field = data.field;
  const definition = field !== undefined && Object.hasOwn(fields, field) ? fields[field] : undefined;
  const known = useConditionServices().fieldOptions?.[data.entity];
  const options = field !== undefined && known && Object.hasOwn(known, field) ? known[field] : undefined;
  const errors = problems.filter((p) => p.path?.endsWith('/field')).map((p) => p.message);
  // Values are compared with the record's stored ones, so numbers and booleans keep their type.
  const typed = (text: string): unknown => {
    if (text === '') return undefined;
    if (definition?.type === 'number' && Number.isFinite(Number(text))) return Number(text);
    if (definition?.type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
    return text;
  };
  const valueInput = (key: 'from' | 'to', label: string) => (
    <div className="rb-field">
      <label className="rb-label" htmlFor={ids[key]}>
        {label}
      </label>
      {options ? (
        <select
          id={ids[key]}
          className="rb-input"
          value={typeof data[key] === 'string' ? data[key] : ''}
          onChange={(e) => update({ [key]: typed(e.target.value) })}
        >
          <option value="">(any value)</option>
          {options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={ids[key]}
          className="rb-input"
          placeholder="(any value)"
          value={shown(data[key])}
          onChange={(e) => update({ [key]: typed(e.target.value) }, `${key}-value`)}
        />
      )}
    </div>
  );

  return (
    <>
      <div className="rb-field">
        <label className="rb-label" htmlFor={ids.field}>
          Only when this field changes
        </label>
        <select
          id={ids.field}
          className="rb-input"
          value={field ?? ''}
          aria-describedby={`${ids.field}-errors`}
          onChange={(e) =>
            update({
              field: e.target.value === '' ? undefined : e.target.value,
              from: undefined,
              to: undefined,
            })
          }
        >
          <option value="">(any change)</option>
          {field !== undefined && definition === undefined && <option value={field}>{field}</option>}
          {Object.entries(fields).map(([name, f]) => (
            <option key={name} value={name}>
              {f.label ?? humanize(name)}
            </option>
          ))}
        </select>
        <FieldErrors id={`${ids.field}-errors`} messages={errors} />
      </div>
      {field !== undefined && (
        <div className="rb-row">
          {valueInput('from', 'Changed from')}
          {valueInput('to', 'Changed to')}
        </div>
      )}
    </>
  );
}
