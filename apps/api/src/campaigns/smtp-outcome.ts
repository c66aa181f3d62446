/**
 * What a failed SMTP send means for the recipient:
 * - `rejected`: the server refused the mail for good (a 5xx answer) — a bounce;
 * - `not_sent`: certainly not delivered (a 4xx answer, or no connection at all) — safe to try again;
 * - `unknown`: the connection broke or timed out mid-conversation; the mail may have gone out, so
 *   it is not sent again.
 */
export type SmtpOutcome = { kind: 'rejected'; reason: string } | { kind: 'not_sent' } | { kind: 'unknown' };

// Failures that happen before any message data could have reached a server.
const NO_CONNECTION = new Set(['EDNS', 'EAUTH', 'ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH']);

export function smtpOutcome(err: unknown): SmtpOutcome {
  const e = (err ?? {}) as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown };
  const status = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const answer = typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : '';
  if (status !== undefined && status >= 500 && status < 600)
    return { kind: 'rejected', reason: answer.slice(0, 500) };
  if (status !== undefined && status >= 400 && status < 500) return { kind: 'not_sent' };
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  if (NO_CONNECTION.has(code) || [...NO_CONNECTION].some((c) => message.includes(c)))
    return { kind: 'not_sent' };
  if (/Greeting never received|Connection timeout/i.test(message)) return { kind: 'not_sent' };
  return { kind: 'unknown' };
}
