import type { EntityType } from '@baton/contracts';
import { useId, useMemo, useState } from 'react';
import { conditionFields } from '../model/condition-fields';
import { appendTo, nextNodeId, removeNode, updateNode } from '../model/condition-edits';
import { conditionIssues } from '../model/condition-issues';
import { conditionToLogic, parseCondition, type ConditionTree } from '../model/condition-tree';
import { humanize } from '../model/labels';
import { ConditionGroupBox, type GroupEdits } from './ConditionGroupBox';
import { useConditionServices } from './ConditionServices';
import { ConditionTester } from './ConditionTester';
import { FieldErrors, JsonField } from './JsonField';
import '../styles/condition-builder.css';

export interface ConditionEditorProps {
  readonly label: string;
  /** The JSON Logic condition; `undefined` when there is none. */
  readonly value: unknown;
  /** Called with the new condition, or `undefined` when the last rule is removed. */
  readonly onChange: (value: unknown) => void;
  /** Entities whose triggers lead here: the first one's fields are offered, the others by choice. */
  readonly entities: readonly EntityType[];
  readonly help?: string;
  readonly required?: boolean;
  /** Problems the server or compiler found with this condition. */
  readonly errors?: readonly string[];
}

/**
 * A JSON Logic condition edited as nested AND/OR groups of typed rules, checked as it is drawn,
 * with a JSON view for anything the rows cannot show and a tester that evaluates it on a record.
 */
export function ConditionEditor({
  label,
  value,
  onChange,
  entities,
  help,
  required = false,
  errors = [],
}: ConditionEditorProps) {
  const headingId = useId();
  const errorsId = useId();
  const { fieldOptions } = useConditionServices();
  const [mode, setMode] = useState<'rows' | 'json'>('rows');
  const [chosen, setChosen] = useState<EntityType | undefined>(undefined);
  const entity = chosen !== undefined && entities.includes(chosen) ? chosen : entities[0];
  const fields = useMemo(
    () => (entity === undefined ? [] : conditionFields(entity, fieldOptions)),
    [entity, fieldOptions],
  );

  // `basis` is the condition the tree was written as: empty groups and half-typed paths survive
  // the round trip through the parent, and an outside change (undo) is read afresh.
  const [local, setLocal] = useState<{ tree: ConditionTree; basis: string } | null>(null);
  const basis = JSON.stringify(value) ?? '';
  const tree = useMemo(
    () => (local !== null && local.basis === basis ? local.tree : parseCondition(value)),
    [local, basis, value],
  );
  const issues = useMemo(() => conditionIssues(tree, entity), [tree, entity]);
  const inline = new Set(issues.all.map((i) => i.message));
  const others = errors.filter((message) => ![...inline].some((m) => message.startsWith(m)));

  const commit = (next: ConditionTree) => {
    const logic = conditionToLogic(next);
    setLocal({ tree: next, basis: JSON.stringify(logic) ?? '' });
    onChange(logic);
  };
  const edits: GroupEdits = {
    replace: (node) => commit(updateNode(tree, node.id, () => node)),
    remove: (id) => commit(removeNode(tree, id)),
    append: (groupId, node) => commit(appendTo(tree, groupId, node)),
    newId: () => nextNodeId(tree),
  };
  const empty = tree.root.children.length === 0;

  return (
    <section className="rb-field rb-cond" aria-labelledby={headingId} data-testid="condition-editor">
      <div className="rb-cond__head">
        <span className="rb-label" id={headingId}>
          {label}
          {required && <span aria-hidden="true"> *</span>}
        </span>
        <span className="rb-cond__modes" role="group" aria-label="Edit as">
          <button
            type="button"
            className="rb-button rb-button--quiet"
            aria-pressed={mode === 'rows'}
            onClick={() => setMode('rows')}
          >
            Builder
          </button>
          <button
            type="button"
            className="rb-button rb-button--quiet"
            aria-pressed={mode === 'json'}
            onClick={() => setMode('json')}
          >
            JSON
          </button>
        </span>
      </div>
      {entities.length > 1 && mode === 'rows' && (
        <select
          className="rb-input"
          aria-label="Fields of"
          value={entity}
          onChange={(e) => setChosen(e.target.value as EntityType)}
        >
          {entities.map((e) => (
            <option key={e} value={e}>
              Fields of a {humanize(e).toLowerCase()}
            </option>
          ))}
        </select>
      )}
      {mode === 'rows' ? (
        <ConditionGroupBox group={tree.root} fields={fields} issues={issues.byNode} edits={edits} depth={0} />
      ) : (
        <JsonField label={`${label} (JSON Logic)`} value={value} onChange={onChange} />
      )}
      {help && <p className="rb-help">{help}</p>}
      <p
        className={`rb-cond__status rb-cond__status--${issues.all.length > 0 ? 'invalid' : 'valid'}`}
        data-testid="condition-status"
        data-valid={issues.all.length === 0}
      >
        {empty
          ? required
            ? 'A condition is required.'
            : 'No condition.'
          : issues.all.length === 0
            ? '✓ Valid condition'
            : `${issues.all.length} ${issues.all.length === 1 ? 'problem' : 'problems'} in this condition`}
      </p>
      <FieldErrors id={errorsId} messages={others} />
      {entity !== undefined && !empty && (
        <ConditionTester entity={entity} condition={conditionToLogic(tree)} />
      )}
    </section>
  );
}
