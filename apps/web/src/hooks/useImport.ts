import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort } from '../api/ApiError';
import {
  fetchImport,
  fetchImportErrors,
  newImportId,
  uploadImport,
  type ImportEntity,
  type ImportJob,
  type ImportRowError,
} from '../api/imports';

export interface ImportState {
  /** The latest known state of the running or finished import; null before the first upload. */
  job: ImportJob | null;
  uploading: boolean;
  errors: ImportRowError[] | null;
  /** The upload itself failed (refused, too large, network). */
  error: unknown;
  start: (entity: ImportEntity, file: File) => void;
}

/** Uploads a CSV and polls the import's progress every `pollMs` until the upload answers. */
export function useImport(pollMs: number): ImportState {
  const [job, setJob] = useState<ImportJob | null>(null);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<ImportRowError[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const stopPolling = useRef<(() => void) | null>(null);

  useEffect(() => () => stopPolling.current?.(), []);

  const start = useCallback(
    (entity: ImportEntity, file: File) => {
      const id = newImportId();
      setJob(null);
      setErrors(null);
      setError(null);
      setUploading(true);

      let stopped = false;
      let timer: number | undefined;
      const controller = new AbortController();
      const poll = async (): Promise<void> => {
        try {
          const current = await fetchImport(id, controller.signal);
          if (!stopped) setJob(current);
        } catch {
          // Not created yet, or a hiccup: the next poll tries again.
        } finally {
          if (!stopped) timer = window.setTimeout(() => void poll(), pollMs);
        }
      };
      const stop = () => {
        stopped = true;
        window.clearTimeout(timer);
        controller.abort();
      };
      stopPolling.current?.();
      stopPolling.current = stop;
      timer = window.setTimeout(() => void poll(), pollMs);

      void (async () => {
        try {
          const done = await uploadImport(id, entity, file);
          stop();
          setJob(done);
          setErrors((await fetchImportErrors(id)).items);
        } catch (caught) {
          stop();
          if (!isAbort(caught)) setError(caught);
        } finally {
          setUploading(false);
        }
      })();
    },
    [pollMs],
  );

  return { job, uploading, errors, error, start };
}
