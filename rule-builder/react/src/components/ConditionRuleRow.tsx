import { useId } from 'react';
import { fieldAt, type ConditionField } from '../model/condition-fields';
import { retarget, withOperator } from '../model/condition-edits';
import { operatorById, operatorLabel, operatorsFor, type OperatorId } from '../model/condition-operators';
import type { ConditionRule } from '../model/condition-tree';
import { ConditionValueInput } from './ConditionValueInput';
import { FieldErrors } from './JsonField';

// The field menu's entry for a path the catalogue does not list (a step's output, a webhook payload).
const OTHER = '\u0000other';

export interface ConditionRuleRowProps {
  readonly rule: ConditionRule;
  readonly fields: readonly ConditionField[];
  readonly messages: readonly string[];
  readonly onChange: (rule: ConditionRule) => void;
  readonly onRemove: () => void;
}

/** One comparison: field, operator suited to the field's type, and a value input suited to both. */
export function ConditionRuleRow({ rule, fields, messages, onChange, onRemove }: ConditionRuleRowProps) {
  const field = fieldAt(fields, rule.field);
  const listed = fields.some((f) => f.path === rule.field);
  const operator = operatorById(rule.operator);
  const offered = operatorsFor(field.kind);
  // An operator read from JSON that this kind is not offered stays selectable, so it is not lost.
  const operators = offered.some((op) => op.id === operator.id) ? offered : [operator, ...offered];
  const name = field.label;
  const errorsId = useId();

  return (
    <div
      className="rb-cond__rule"
      data-testid="condition-rule"
      data-field={rule.field}
      data-operator={rule.operator}
      aria-invalid={messages.length > 0}
    >
      <div className="rb-cond__line">
        <select
          className="rb-input"
          aria-label="Field"
          value={listed ? rule.field : OTHER}
          onChange={(e) =>
            onChange(
              e.target.value === OTHER
                ? { ...rule, field: 'steps.' }
                : retarget(rule, fieldAt(fields, e.target.value)),
            )
          }
        >
          {fields.map((f) => (
            <option key={f.path} value={f.path}>
              {f.label}
            </option>
          ))}
          <option value={OTHER}>Other path (step output)…</option>
        </select>
        <button
          type="button"
          className="rb-button rb-button--quiet"
          aria-label={`Remove the condition on ${name}`}
          onClick={onRemove}
        >
          ×
        </button>
      </div>
      {!listed && (
        <input
          className="rb-input rb-input--code"
          aria-label="Path"
          placeholder="steps.<step id>.<output>"
          spellCheck={false}
          value={rule.field}
          onChange={(e) => onChange({ ...rule, field: e.target.value.trim() })}
        />
      )}
      <div className="rb-cond__line">
        <select
          className="rb-input rb-cond__operator"
          aria-label={`Operator for ${name}`}
          value={rule.operator}
          onChange={(e) => onChange(withOperator(rule, e.target.value as OperatorId, field))}
        >
          {operators.map((op) => (
            <option key={op.id} value={op.id}>
              {operatorLabel(op, field.kind)}
            </option>
          ))}
        </select>
        <ConditionValueInput
          shape={operator.shape}
          field={field}
          value={rule.value}
          label={`Value of ${name}`}
          onChange={(value) => onChange({ ...rule, value })}
        />
      </div>
      <FieldErrors id={errorsId} messages={messages} />
    </div>
  );
}
