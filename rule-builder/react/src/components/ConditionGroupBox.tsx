import { useId } from 'react';
import type { ConditionField } from '../model/condition-fields';
import { newRule } from '../model/condition-edits';
import type { ConditionGroup, ConditionNode } from '../model/condition-tree';
import { ConditionRuleRow } from './ConditionRuleRow';
import { FieldErrors, JsonField } from './JsonField';

/** How a group changes the tree; ids for new nodes come from `newId`. */
export interface GroupEdits {
  readonly replace: (node: ConditionNode) => void;
  readonly remove: (id: string) => void;
  readonly append: (groupId: string, node: ConditionNode) => void;
  readonly newId: () => string;
}

export interface ConditionGroupBoxProps {
  readonly group: ConditionGroup;
  readonly fields: readonly ConditionField[];
  readonly issues: ReadonlyMap<string, readonly string[]>;
  readonly edits: GroupEdits;
  readonly depth: number;
}

// Deeper boxes would not fit the side panel; past this, nesting is edited as JSON.
const MAX_DEPTH = 3;

/** An AND/OR group drawn as a box around its rules and inner groups. */
export function ConditionGroupBox({ group, fields, issues, edits, depth }: ConditionGroupBoxProps) {
  const root = depth === 0;
  const errorsId = useId();
  const addRule = () => edits.append(group.id, newRule(edits.newId(), fields));
  const addGroup = () => {
    const id = edits.newId();
    const other = group.combinator === 'and' ? 'or' : 'and';
    // A new group starts with one rule: an empty and/or is not a condition.
    edits.append(group.id, { kind: 'group', id, combinator: other, children: [newRule(`${id}r`, fields)] });
  };
  return (
    <div
      className={`rb-cond__group rb-cond__group--${group.combinator}${root ? ' rb-cond__group--root' : ''}`}
      data-testid="condition-group"
      data-combinator={group.combinator}
      data-depth={depth}
      role="group"
      aria-label={group.combinator === 'and' ? 'All of these' : 'Any of these'}
    >
      <div className="rb-cond__group-head">
        <select
          className="rb-input rb-cond__combinator"
          aria-label="Match"
          value={group.combinator}
          onChange={(e) => edits.replace({ ...group, combinator: e.target.value as 'and' | 'or' })}
        >
          <option value="and">All of (AND)</option>
          <option value="or">Any of (OR)</option>
        </select>
        {!root && (
          <button
            type="button"
            className="rb-button rb-button--quiet"
            aria-label="Remove this group"
            onClick={() => edits.remove(group.id)}
          >
            ×
          </button>
        )}
      </div>
      {group.children.length === 0 && (
        <p className="rb-muted">{root ? 'No condition: always true.' : 'Empty group.'}</p>
      )}
      {group.children.map((child) => {
        const messages = issues.get(child.id) ?? [];
        switch (child.kind) {
          case 'rule':
            return (
              <ConditionRuleRow
                key={child.id}
                rule={child}
                fields={fields}
                messages={messages}
                onChange={edits.replace}
                onRemove={() => edits.remove(child.id)}
              />
            );
          case 'group':
            return (
              <ConditionGroupBox
                key={child.id}
                group={child}
                fields={fields}
                issues={issues}
                edits={edits}
                depth={depth + 1}
              />
            );
          case 'raw':
            return (
              <div key={child.id} className="rb-cond__raw" data-testid="condition-raw">
                <JsonField
                  label="Shown as JSON"
                  value={child.logic}
                  help="The builder has no rows for this part; it is kept exactly as written."
                  errors={messages}
                  onChange={(logic) =>
                    logic === undefined ? edits.remove(child.id) : edits.replace({ ...child, logic })
                  }
                />
              </div>
            );
        }
      })}
      <FieldErrors id={errorsId} messages={issues.get(group.id) ?? []} />
      <div className="rb-cond__add">
        <button type="button" className="rb-button rb-button--tool" onClick={addRule}>
          + Condition
        </button>
        {depth + 1 < MAX_DEPTH && (
          <button type="button" className="rb-button rb-button--tool" onClick={addGroup}>
            + {group.combinator === 'and' ? 'OR' : 'AND'} group
          </button>
        )}
      </div>
    </div>
  );
}
