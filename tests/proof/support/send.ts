/** One raw HTTP exchange: any method, headers and bytes, with a deadline so a hang is a result too. */
export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
}

export type RawResult =
  | { kind: 'response'; status: number; contentType: string; text: string; json: unknown; ms: number }
  | { kind: 'timeout'; ms: number }
  | { kind: 'network'; error: string; ms: number };

export async function send(baseUrl: string, req: RawRequest, timeoutMs = 20_000): Promise<RawResult> {
  const started = Date.now();
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const res = await fetch(`${baseUrl}${req.path}`, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: abort.signal,
      redirect: 'manual',
    });
    const contentType = res.headers.get('content-type') ?? '';
    // An event stream never ends by itself: its status and headers are the answer.
    if (contentType.startsWith('text/event-stream')) {
      await res.body?.cancel();
      return {
        kind: 'response',
        status: res.status,
        contentType,
        text: '',
        json: null,
        ms: Date.now() - started,
      };
    }
    const text = await res.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: the check below reports it
    }
    return { kind: 'response', status: res.status, contentType, text, json, ms: Date.now() - started };
  } catch (err) {
    const ms = Date.now() - started;
    if (abort.signal.aborted) return { kind: 'timeout', ms };
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return { kind: 'network', error: `${String(err)} ${cause?.code ?? cause?.message ?? ''}`.trim(), ms };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs `work` over `items` with at most `concurrency` in flight. */
export async function pool<T>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}
