import { request as plainRequest, type IncomingMessage } from 'node:http';
import { request as tlsRequest } from 'node:https';
import {
  forbiddenHostname,
  forbiddenTargetError,
  RESPONSE_BODY_LIMIT,
  type OutboundRequest,
  type OutboundResponse,
} from '@baton/activity-sdk';
import { isBatonError } from '@baton/domain';
import { guardedLookup, type Resolve } from './guarded-lookup';

/**
 * Makes steps' HTTP requests with node:http: no redirects followed (one could lead inside the
 * network), the whole exchange bounded by the request's timeout, the body read up to the limit.
 */
export class HttpCaller {
  constructor(private readonly options: { allowPrivateTargets: boolean; resolve?: Resolve }) {}

  /** Refuses a URL whose host is a forbidden literal address or a localhost name, before any lookup. */
  checkHost(url: URL): void {
    if (this.options.allowPrivateTargets) return;
    const why = forbiddenHostname(url.hostname);
    if (why) throw forbiddenTargetError(url.hostname, why);
  }

  async call(request: OutboundRequest): Promise<OutboundResponse> {
    const url = new URL(request.url);
    this.checkHost(url);
    const what = `${request.method} ${url.host}`;
    const deadline = AbortSignal.timeout(request.timeoutMs);
    try {
      return await this.exchange(url, request, deadline);
    } catch (err) {
      if (isBatonError(err)) throw err;
      if (deadline.aborted) throw new Error(`${what} did not answer within ${request.timeoutMs / 1000} s`);
      throw new Error(`${what} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private exchange(url: URL, request: OutboundRequest, deadline: AbortSignal): Promise<OutboundResponse> {
    const send = url.protocol === 'https:' ? tlsRequest : plainRequest;
    return new Promise((resolve, reject) => {
      const req = send(url, {
        method: request.method,
        // Sent with its length rather than chunked: some receivers refuse chunked request bodies.
        headers:
          request.body === undefined
            ? request.headers
            : { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
        // A fresh connection per call: a pooled socket would skip the guarded lookup.
        agent: false,
        signal: deadline,
        ...(this.options.allowPrivateTargets ? {} : { lookup: guardedLookup(this.options.resolve) }),
      });
      req.once('error', reject);
      req.once('response', (res) => void readBody(res).then(resolve, reject));
      req.end(request.body);
    });
  }
}

function readBody(res: IncomingMessage): Promise<OutboundResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (truncated: boolean) => {
      const body = Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT).toString('utf8');
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      resolve({ status: res.statusCode ?? 0, headers, body, truncated });
    };
    res.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      // Enough is kept; the rest is not worth waiting for.
      if (size > RESPONSE_BODY_LIMIT) {
        res.removeAllListeners('data');
        res.destroy();
        finish(true);
      }
    });
    res.once('end', () => finish(false));
    res.once('error', reject);
  });
}
