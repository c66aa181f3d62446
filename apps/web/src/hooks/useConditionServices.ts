import { useEffect, useMemo, useState } from 'react';
import type { ConditionServices, FieldOptions } from '@baton/rule-builder-react';
import { ApiError, isAbort } from '../api/ApiError';
import { evaluateOnRecord, fetchFieldOptions, findRecords } from '../api/conditions';

/**
 * What the editor's condition builder needs from the API: enumerated field values (loaded once;
 * without them those fields are plain text), testing a condition on a record, finding records.
 */
export function useConditionServices(): ConditionServices {
  const [fieldOptions, setFieldOptions] = useState<FieldOptions | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    fetchFieldOptions(controller.signal).then(setFieldOptions, (error: unknown) => {
      if (!isAbort(error)) setFieldOptions(undefined);
    });
    return () => controller.abort();
  }, []);

  return useMemo(
    () => ({
      ...(fieldOptions === undefined ? {} : { fieldOptions }),
      testCondition: async (request) => {
        try {
          return await evaluateOnRecord(request);
        } catch (error) {
          // The tester shows the message; the code tells support and tests what it was.
          throw error instanceof ApiError ? new Error(`${error.message} (${error.code})`) : error;
        }
      },
      findRecords,
    }),
    [fieldOptions],
  );
}
