import { ConditionEditor, ConditionServicesContext } from '@baton/rule-builder-react';
// The builder's inputs and buttons are styled by the editor's sheet (class-scoped `.rb-*` rules).
import '@baton/rule-builder-react/src/styles/editor.css';
import type { SegmentEntity } from '../api/segments';
import { useConditionServices } from '../hooks/useConditionServices';
import './SegmentConditionPanel.css';

interface SegmentConditionPanelProps {
  entity: SegmentEntity;
  /** The rule as drawn; undefined when there is none (every record). */
  rule: unknown;
  onChange: (rule: unknown) => void;
  /** What the server found wrong with the rule. */
  errors: readonly string[];
}

/** The workflow editor's condition builder, with the same field values and record tester. */
export function SegmentConditionPanel({ entity, rule, onChange, errors }: SegmentConditionPanelProps) {
  const services = useConditionServices();
  return (
    <ConditionServicesContext.Provider value={services}>
      <div className="segment-condition" data-testid="segment-condition">
        <ConditionEditor
          label={`Which ${entity === 'lead' ? 'leads' : 'contacts'}`}
          value={rule}
          onChange={onChange}
          entities={[entity]}
          help="No condition: every record. The count updates as you draw."
          errors={errors}
        />
      </div>
    </ConditionServicesContext.Provider>
  );
}
