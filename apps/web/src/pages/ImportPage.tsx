import { useState, type FormEvent } from 'react';
import type { ImportEntity, ImportJob } from '../api/imports';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useImport } from '../hooks/useImport';
import { describeError } from '../lib/describeError';
import './ImportPage.css';

const POLL_MS = 500;
const ENTITY_LABELS: Record<ImportEntity, string> = { leads: 'Leads', contacts: 'Contacts' };

function percentOf(job: ImportJob | null, uploading: boolean): number {
  if (!job) return 0;
  if (job.status === 'completed') return 100;
  return Math.round(job.percent ?? (uploading ? 0 : 100));
}

export function ImportPage() {
  useDocumentTitle('Import');
  const [entity, setEntity] = useState<ImportEntity>('leads');
  const [file, setFile] = useState<File | null>(null);
  const { job, uploading, errors, error, start } = useImport(POLL_MS);
  const percent = percentOf(job, uploading);
  const finished = job !== null && !uploading && (job.status === 'completed' || job.status === 'failed');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (file) start(entity, file);
  }

  return (
    <main className="page">
      <div className="page__header">
        <div>
          <h1 className="page__title">Import</h1>
          <p className="page__subtitle">
            Load leads or contacts from a UTF-8 CSV file with a header row (up to 50 MB). Imported leads are
            routed and get their follow-up tasks like any new lead.
          </p>
        </div>
      </div>

      <form className="import-form" onSubmit={submit}>
        <label className="field">
          <span className="field__label">Records</span>
          <select
            className="field__input"
            data-testid="import-entity"
            value={entity}
            disabled={uploading}
            onChange={(e) => setEntity(e.target.value as ImportEntity)}
          >
            {(Object.keys(ENTITY_LABELS) as ImportEntity[]).map((key) => (
              <option key={key} value={key}>
                {ENTITY_LABELS[key]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">CSV file</span>
          <input
            className="field__input"
            type="file"
            accept=".csv,text/csv"
            data-testid="import-file"
            disabled={uploading}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <p className="import-form__hint">
          {entity === 'leads'
            ? 'Columns: name (required), email, company, phone, source, score, region.'
            : 'Columns: name (required), email, phone, title, ownerId.'}
        </p>
        <button
          type="submit"
          className="button button--primary"
          data-testid="import-submit"
          disabled={!file || uploading}
        >
          {uploading ? 'Importing…' : 'Import'}
        </button>
      </form>

      {error !== null && error !== undefined && (
        <div className="import-alert" role="alert" data-testid="import-error">
          The import could not be run: {describeError(error)}
        </div>
      )}

      {(uploading || job) && (
        <section className="import-status" aria-label="Progress">
          <div
            className="import-progress"
            role="progressbar"
            aria-label="Import progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            data-testid="import-progress"
          >
            <div className="import-progress__bar" style={{ width: `${percent}%` }} />
          </div>
          <p className="import-status__numbers" aria-live="polite">
            {percent}% · {job?.processed ?? 0} rows · {(job?.rowsPerSecond ?? 0).toLocaleString()} rows/s
          </p>
        </section>
      )}

      {finished && job && (
        <section
          className={`import-summary import-summary--${job.status}`}
          data-testid="import-summary"
          data-status={job.status}
        >
          <p className="import-summary__title">
            {job.status === 'completed' ? 'Import finished' : 'Import failed'}
          </p>
          <p>
            {job.succeeded} imported, {job.failed} skipped of {job.totalRows ?? job.processed} rows
            {job.errorsTruncated ? ' (only the first 1000 problems are listed)' : ''}.
          </p>
        </section>
      )}

      {errors && errors.length > 0 && (
        <table className="import-errors">
          <caption>Problems</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Line</th>
              <th scope="col">Code</th>
              <th scope="col">Field</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={`${e.row}-${i}`} data-testid="import-error-row" data-row={e.row}>
                <td>{e.row === 0 ? 'File' : e.row}</td>
                <td>{e.line || '—'}</td>
                <td>
                  <code>{e.code}</code>
                </td>
                <td>{e.field ?? '—'}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
