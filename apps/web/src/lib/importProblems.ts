import { ApiError } from '../api/ApiError';

/** One problem with an imported definition, with its stable code. */
export interface ImportProblem {
  code: string;
  message: string;
}

/**
 * The problems behind a refused import: each compiler diagnostic when the server listed them
 * (`DEFINITION_INVALID`), else the error itself — its own message, so a key conflict says which key.
 */
export function importProblems(error: unknown): ImportProblem[] {
  if (!(error instanceof ApiError)) return [{ code: 'CLIENT_ERROR', message: String(error) }];
  const listed = (error.details as { errors?: unknown } | null)?.errors;
  if (Array.isArray(listed) && listed.length > 0) {
    return listed.map((e: { code?: unknown; message?: unknown }) => ({
      code: typeof e.code === 'string' ? e.code : error.code,
      message: typeof e.message === 'string' ? e.message : '',
    }));
  }
  return [{ code: error.code, message: error.message }];
}

/** JSON text parsed, or the problem with it. */
export function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; problem: ImportProblem } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { code: 'INVALID_JSON', message: `Not valid JSON: ${message}` } };
  }
}
