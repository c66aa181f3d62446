import { useId, useState } from 'react';
import { FieldErrors } from './JsonField';

const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * The node's id, renamed on Enter or when the field loses focus. Conditions name steps by id
 * (`steps.<id>.ownerId`), so a readable one is worth choosing.
 */
export function NodeIdField({
  id: nodeId,
  taken,
  onRename,
}: {
  id: string;
  taken: ReadonlySet<string>;
  onRename: (to: string) => void;
}) {
  const inputId = useId();
  const [draft, setDraft] = useState<{ text: string; for: string } | null>(null);
  const text = draft !== null && draft.for === nodeId ? draft.text : nodeId;
  const problem =
    text === nodeId
      ? undefined
      : !ID_PATTERN.test(text)
        ? 'Start with a letter; then letters, digits, _ or - (at most 64).'
        : taken.has(text)
          ? 'Another node already has this id.'
          : undefined;

  function commit() {
    if (text !== nodeId && problem === undefined) onRename(text);
    setDraft(null);
  }

  return (
    <div className="rb-field">
      <label className="rb-label" htmlFor={inputId}>
        Id
      </label>
      <input
        id={inputId}
        className="rb-input rb-input--code"
        value={text}
        onChange={(e) => setDraft({ text: e.target.value, for: nodeId })}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(null);
        }}
        aria-invalid={problem !== undefined}
        aria-describedby={`${inputId}-errors`}
        spellCheck={false}
      />
      <FieldErrors id={`${inputId}-errors`} messages={problem ? [problem] : []} />
    </div>
  );
}
