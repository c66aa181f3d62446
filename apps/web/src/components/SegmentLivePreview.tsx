import { useEffect, useState } from 'react';
import { ApiError, isAbort } from '../api/ApiError';
import { previewSegment, type SegmentEntity, type SegmentPreview } from '../api/segments';
import { useDebounced } from '../hooks/useDebounced';
import { describeError } from '../lib/describeError';
import { SegmentMembersTable, segmentNoun } from './SegmentMembersTable';

/** Long enough that typing a value asks once, short enough to feel live. */
export const PREVIEW_DEBOUNCE_MS = 400;

export interface LivePreview {
  preview: SegmentPreview | null;
  error: unknown;
  /** The preview is of the rule as drawn now, not of an earlier one. */
  settled: boolean;
}

/** The count and first members of the rule being drawn, re-asked once it stops changing. */
export function useLivePreview(entity: SegmentEntity, rule: unknown): LivePreview {
  const current = JSON.stringify([entity, rule ?? true]);
  const key = useDebounced(current, PREVIEW_DEBOUNCE_MS);
  const [state, setState] = useState<{ key: string | null; preview: SegmentPreview | null; error: unknown }>({
    key: null,
    preview: null,
    error: null,
  });

  useEffect(() => {
    const controller = new AbortController();
    const [asked, askedRule] = JSON.parse(key) as [SegmentEntity, unknown];
    previewSegment(asked, askedRule, controller.signal).then(
      (preview) => setState({ key, preview, error: null }),
      (error: unknown) => {
        // The last good count stays on screen beside the problem.
        if (!isAbort(error)) setState((previous) => ({ key, preview: previous.preview, error }));
      },
    );
    return () => controller.abort();
  }, [key]);

  return { preview: state.preview, error: state.error, settled: state.key === current };
}

/** What the server found wrong with the rule, one line per problem. */
export function ruleProblems(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== 'RULE_INVALID') return [];
  const errors = (error.details as { errors?: Array<{ message?: unknown }> } | null)?.errors ?? [];
  return errors.map((e) => (typeof e.message === 'string' ? e.message : error.message));
}

export function SegmentLivePreview({ entity, live }: { entity: SegmentEntity; live: LivePreview }) {
  const { preview, error, settled } = live;
  return (
    <section className="segment-preview" aria-label="Members">
      <p
        className="segment-preview__count"
        role="status"
        data-testid="segment-count"
        data-count={preview?.count ?? ''}
        data-settled={settled && preview !== null}
      >
        {preview === null
          ? error
            ? 'Not counted'
            : 'Counting…'
          : `${preview.count.toLocaleString()} ${segmentNoun(entity, preview.count)} match`}
        {preview !== null && !settled && <span className="segment-preview__pending"> · counting…</span>}
        {preview?.strategy === 'scan' && (
          <span className="segment-preview__slow" data-testid="segment-scan">
            {' '}
            · checked record by record (this condition cannot be counted in the database)
          </span>
        )}
      </p>
      {error !== null && ruleProblems(error).length === 0 && (
        <p className="segment-preview__error" role="alert">
          {describeError(error)}
        </p>
      )}
      {preview !== null && (
        <>
          <h2 className="segment-preview__title">
            {preview.count > preview.sample.length ? `First ${preview.sample.length}` : 'All of them'}
          </h2>
          <SegmentMembersTable entity={entity} members={preview.sample} />
        </>
      )}
    </section>
  );
}
