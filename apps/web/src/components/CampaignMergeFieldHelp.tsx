/** The merge fields a campaign may use; choosing one inserts it where the body's cursor is. */
export function CampaignMergeFieldHelp({
  fields,
  onInsert,
  disabled = false,
}: {
  fields: Readonly<Record<string, readonly string[]>> | null;
  onInsert: (placeholder: string) => void;
  disabled?: boolean;
}) {
  return (
    <details className="campaign-fields" data-testid="campaign-merge-fields" open>
      <summary className="campaign-fields__summary">Merge fields</summary>
      <p className="campaign-fields__hint">
        Each recipient sees their own values: {'{{contact.firstName}}'} is the first word of the
        contact&apos;s name, {'{{account.name}}'} their account&apos;s, {'{{owner.name}}'} the name of the
        person who owns the contact. Every link is tracked, and an unsubscribe link is added at the end.
      </p>
      {fields === null ? (
        <p className="campaign-fields__hint">Loading…</p>
      ) : (
        <dl className="campaign-fields__list">
          {Object.entries(fields).map(([record, names]) => (
            <div key={record} className="campaign-fields__group">
              <dt className="campaign-fields__record">{record}</dt>
              <dd className="campaign-fields__names">
                {names.map((name) => (
                  <button
                    key={name}
                    type="button"
                    className="campaign-fields__field"
                    disabled={disabled}
                    onClick={() => onInsert(`{{${record}.${name}}}`)}
                  >
                    {name}
                  </button>
                ))}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </details>
  );
}
