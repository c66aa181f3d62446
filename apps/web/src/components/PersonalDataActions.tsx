import { useId, useState, type FormEvent } from 'react';
import { erasePersonalData, exportPersonalData, type PersonRecords } from '../api/privacy';
import { describeError } from '../lib/describeError';
import { useSubmit } from '../hooks/useSubmit';
import './PersonalDataActions.css';

interface PersonalDataActionsProps {
  records: PersonRecords;
  id: string;
  /** After an erasure, to show the anonymised record. */
  onErased: () => void;
}

function download(name: string, data: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** An admin's personal-data rights on a person's record: export it, or erase it after confirming why. */
export function PersonalDataActions({ records, id, onErased }: PersonalDataActionsProps) {
  const titleId = useId();
  const exporting = useSubmit();
  const erasing = useSubmit();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [erasedAt, setErasedAt] = useState<string | null>(null);

  const exportData = () =>
    exporting.run(async () =>
      download(`${records.slice(0, -1)}-${id}.json`, await exportPersonalData(records, id)),
    );

  const erase = (event: FormEvent) => {
    event.preventDefault();
    void erasing.run(async () => {
      const result = await erasePersonalData(records, id, reason.trim());
      setErasedAt(result.erasedAt);
      setConfirming(false);
      onErased();
    });
  };

  return (
    <section className="record-card personal-data" aria-labelledby={titleId} data-testid="personal-data">
      <header className="record-card__header">
        <h2 className="record-card__title" id={titleId}>
          Personal data
        </h2>
      </header>
      {erasedAt && (
        <p className="personal-data__note" role="status" data-testid="personal-data-erased">
          Erased on {new Date(erasedAt).toLocaleString()}: only ids, dates and history remain.
        </p>
      )}
      <div className="personal-data__actions">
        <button type="button" className="button" disabled={exporting.busy} onClick={() => void exportData()}>
          {exporting.busy ? 'Exporting…' : 'Export data'}
        </button>
        {!erasedAt && !confirming && (
          <button
            type="button"
            className="button personal-data__danger"
            onClick={() => setConfirming(true)}
            data-testid="personal-data-erase"
          >
            Erase personal data
          </button>
        )}
      </div>
      {exporting.error !== null && (
        <p className="quick-actions__problem" role="alert">
          {describeError(exporting.error)}
        </p>
      )}
      {confirming && (
        <form
          className="personal-data__confirm"
          role="alertdialog"
          aria-label="Confirm erasure"
          onSubmit={erase}
        >
          <p className="personal-data__warning">
            Names, addresses, phone numbers and everything written about this person are erased everywhere in
            Baton, and workflow runs on the record are cancelled. This cannot be undone.
          </p>
          <label className="field">
            <span className="field__label">Reason (kept in the audit log)</span>
            <textarea
              className="field__input"
              required
              minLength={3}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              data-testid="personal-data-reason"
            />
          </label>
          {erasing.error !== null && (
            <p className="quick-actions__problem" role="alert">
              {describeError(erasing.error)}
            </p>
          )}
          <div className="quick-actions__footer">
            <button
              type="submit"
              className="button personal-data__danger"
              disabled={erasing.busy || reason.trim().length < 3}
              data-testid="personal-data-confirm"
            >
              {erasing.busy ? 'Erasing…' : 'Erase for good'}
            </button>
            <button
              type="button"
              className="button button--quiet"
              disabled={erasing.busy}
              onClick={() => setConfirming(false)}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
