/** What became of one request: an HTTP status, or how the connection failed. */
export type Outcome = number | 'refused' | 'reset' | 'timeout';

export interface Answer {
  kind: string;
  sentAt: number;
  ms: number;
  outcome: Outcome;
  code?: string;
  retryAfter: string | null;
  /** The body is `{ code, message, details? }`. */
  shaped: boolean;
  /** The created record's id, for a 201. */
  id?: string;
}

// Long enough to tell a hang from a slow answer: anything near it is a hang.
const HANG_MS = 15_000;
const REGIONS = ['EMEA', 'NA', 'Atlantis'];

function failure(err: unknown): Outcome {
  const name = (err as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  const code = (err as { cause?: { code?: string } } | null)?.cause?.code;
  return code === 'ECONNREFUSED' ? 'refused' : 'reset';
}

function shapedError(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const { code, message } = body as { code?: unknown; message?: unknown };
  return typeof code === 'string' && /^[A-Z_]+$/.test(code) && typeof message === 'string';
}

/** `201`, `503 SERVICE_UNAVAILABLE`, `refused`, … so a split of answers reads at a glance. */
export function answerKey(a: Answer): string {
  if (typeof a.outcome !== 'number') return a.outcome;
  return a.outcome >= 400 && a.code ? `${a.outcome} ${a.code}` : String(a.outcome);
}

export const isOk = (a: Answer): boolean => typeof a.outcome === 'number' && a.outcome < 300;

/**
 * Open-loop traffic against one API: a lead every few hundred milliseconds and optional probes,
 * each sent on time whatever happened to the ones before, so an outage shows up as answers (or
 * their absence) instead of a stalled client. Every answer is kept with its timing.
 */
export class Traffic {
  readonly answers: Answer[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly timers: NodeJS.Timeout[] = [];
  private leadCount = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    readonly tag: string,
  ) {}

  /** Posts a lead named `<tag> lead <i>` every `everyMs`. */
  leads(everyMs: number): this {
    this.every(everyMs, () => this.lead());
    return this;
  }

  /** Posts `count` leads at once, besides the steady ones. */
  burst(count: number): void {
    for (let i = 0; i < count; i++) this.track(this.lead());
  }

  probe(kind: string, everyMs: number, method: string, path: string, body?: unknown): this {
    this.every(everyMs, () => this.send(kind, method, path, body));
    return this;
  }

  /** Stops sending and waits for the answers still owed. */
  async stop(): Promise<void> {
    for (const t of this.timers.splice(0)) clearInterval(t);
    await Promise.all([...this.pending]);
  }

  of(kind: string): Answer[] {
    return this.answers.filter((a) => a.kind === kind);
  }

  private lead(): Promise<void> {
    const i = this.leadCount++;
    return this.send('lead', 'POST', '/api/leads', { name: `${this.tag} lead ${i}`, region: REGIONS[i % 3] });
  }

  private every(everyMs: number, fire: () => Promise<void>): void {
    const go = () => this.track(fire());
    go();
    this.timers.push(setInterval(go, everyMs));
  }

  private track(sending: Promise<void>): void {
    const p = sending.finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  async send(kind: string, method: string, path: string, body?: unknown): Promise<void> {
    const sentAt = Date.now();
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      const res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(HANG_MS),
      });
      const text = await res.text();
      let parsed: unknown = null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: judged as unshaped below
      }
      const answer: Answer = {
        kind,
        sentAt,
        ms: Date.now() - sentAt,
        outcome: res.status,
        retryAfter: res.headers.get('retry-after'),
        shaped: shapedError(parsed),
      };
      if (answer.shaped) answer.code = (parsed as { code: string }).code;
      if (res.status === 201) answer.id = (parsed as { id?: string } | null)?.id;
      this.answers.push(answer);
    } catch (err) {
      this.answers.push({
        kind,
        sentAt,
        ms: Date.now() - sentAt,
        outcome: failure(err),
        retryAfter: null,
        shaped: false,
      });
    }
  }
}
