import type { EntityType } from '@baton/contracts';
import { useEffect, useId, useState } from 'react';
import { humanize } from '../model/labels';
import { useConditionServices, type ConditionTestResult, type RecordChoice } from './ConditionServices';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Searching on every keystroke would flood the API while typing a name.
const SEARCH_DELAY_MS = 250;

type Outcome =
  | { readonly state: 'idle' }
  | { readonly state: 'testing' }
  | { readonly state: 'done'; readonly record: RecordChoice; readonly result: ConditionTestResult }
  | { readonly state: 'failed'; readonly message: string };

/** "Test against a record": pick one (by name or id) and see whether the condition holds for it now. */
export function ConditionTester({ entity, condition }: { entity: EntityType; condition: unknown }) {
  const { testCondition, findRecords } = useConditionServices();
  const inputId = useId();
  const [text, setText] = useState('');
  const [choices, setChoices] = useState<readonly RecordChoice[]>([]);
  const [picked, setPicked] = useState<RecordChoice | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });

  useEffect(() => {
    if (findRecords === undefined || picked !== null || UUID.test(text.trim())) return;
    let live = true;
    const timer = window.setTimeout(() => {
      findRecords(entity, text.trim()).then(
        (found) => live && setChoices(found.slice(0, 6)),
        () => live && setChoices([]),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [findRecords, entity, text, picked]);

  if (testCondition === undefined) return null;
  const record = picked ?? (UUID.test(text.trim()) ? { id: text.trim(), label: text.trim() } : null);

  async function test() {
    if (record === null || testCondition === undefined) return;
    setOutcome({ state: 'testing' });
    try {
      const result = await testCondition({ entity, recordId: record.id, condition });
      setOutcome({ state: 'done', record, result });
    } catch (error) {
      setOutcome({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <div className="rb-cond__tester" data-testid="condition-tester">
      <label className="rb-label" htmlFor={inputId}>
        Test against a {humanize(entity).toLowerCase()}
      </label>
      <div className="rb-cond__line">
        <input
          id={inputId}
          className="rb-input"
          placeholder="Name or id"
          value={picked?.label ?? text}
          onChange={(e) => {
            setPicked(null);
            setText(e.target.value);
          }}
        />
        <button
          type="button"
          className="rb-button"
          disabled={record === null || condition === undefined || outcome.state === 'testing'}
          onClick={() => void test()}
        >
          {outcome.state === 'testing' ? 'Testing…' : 'Test'}
        </button>
      </div>
      {picked === null && choices.length > 0 && (
        <ul className="rb-cond__choices" aria-label="Matching records">
          {choices.map((choice) => (
            <li key={choice.id}>
              <button
                type="button"
                className="rb-button rb-button--quiet rb-cond__choice"
                onClick={() => {
                  setPicked(choice);
                  setOutcome({ state: 'idle' });
                }}
              >
                {choice.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {outcome.state === 'done' && (
        <p
          className={`rb-cond__result rb-cond__result--${outcome.result.result ? 'holds' : 'fails'}`}
          role="status"
          data-testid="condition-test-result"
          data-result={String(outcome.result.result)}
        >
          {outcome.result.result ? 'Holds' : 'Does not hold'} for {outcome.record.label}
          <span className="rb-muted"> (value: {JSON.stringify(outcome.result.value) ?? 'nothing'})</span>
        </p>
      )}
      {outcome.state === 'failed' && (
        <p className="rb-field__errors" role="alert" data-testid="condition-test-result" data-result="error">
          {outcome.message}
        </p>
      )}
    </div>
  );
}
