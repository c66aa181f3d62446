import { ApiError, isSessionEnded } from './ApiError';
import { clearToken, readToken } from './token';

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Sent as is (a file upload) instead of `body` as JSON; give its Content-Type in `headers`. */
  rawBody?: Blob;
  signal?: AbortSignal;
  /** Send the stored bearer token and report when its session has ended. */
  authenticated?: boolean;
  headers?: Record<string, string>;
}

type SessionEndedListener = (error: ApiError) => void;

const sessionEndedListeners = new Set<SessionEndedListener>();

/** Called when an authenticated request is refused because the session is gone; the token is already cleared. */
export function onSessionEnded(listener: SessionEndedListener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, rawBody, signal, authenticated = true } = options;
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = authenticated ? readToken() : null;
  if (token) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('NETWORK_ERROR', 'The Baton server could not be reached');
  }

  const payload = await readJson(response);
  if (response.ok) return payload as T;

  const error = toApiError(response.status, payload);
  if (authenticated) reportIfSessionEnded(error);
  throw error;
}

/**
 * Opens a streaming GET (Server-Sent Events) with the bearer token in the header, never in the URL;
 * resolves with the body once the server has accepted, or throws the refusal like `apiRequest`.
 */
export async function apiStream(path: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const headers: Record<string, string> = { Accept: 'text/event-stream' };
  const token = readToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { headers, signal, cache: 'no-store' });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiError('NETWORK_ERROR', 'The Baton server could not be reached');
  }
  if (response.ok && response.body) return response.body;
  const error = toApiError(response.status, await readJson(response));
  reportIfSessionEnded(error);
  throw error;
}

function reportIfSessionEnded(error: ApiError): void {
  if (!isSessionEnded(error)) return;
  clearToken();
  for (const listener of sessionEndedListeners) listener(error);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  if (isErrorBody(payload)) {
    return new ApiError(
      payload.code,
      payload.message ?? `Request failed with status ${status}`,
      status,
      payload.details,
    );
  }
  return new ApiError('BAD_RESPONSE', `Unexpected response from the server (HTTP ${status})`, status);
}

function isErrorBody(value: unknown): value is { code: string; message?: string; details?: unknown } {
  return (
    typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string'
  );
}
