import { request } from 'node:http';
import type { ApiClient } from '../../support/api';
import { HOSTILE_CSV, HOSTILE_MAPPINGS } from './csv-files';
import { send, type RawRequest, type RawResult } from './send';
import type { Tally } from './tally';

const CSV = 'CSV import';
const LIMIT = 50 * 1024 * 1024;

/**
 * Uploads each hostile CSV file (and hostile mappings and content types). An upload is handled when
 * it answers 4xx, or 201 with a job that is `completed` or `failed` and whose report can be read.
 */
export async function checkHostileCsv(baseUrl: string, admin: ApiClient, tally: Tally): Promise<string[]> {
  const auth = { authorization: `Bearer ${admin.token}` };
  const unhandled: string[] = [];
  const upload = async (label: string, query: string, body: Buffer, contentType = 'text/csv') => {
    const req: RawRequest = {
      method: 'POST',
      path: `/api/imports?${query}`,
      headers: { ...auth, 'content-type': contentType },
      body: new Uint8Array(body),
    };
    const result = await send(baseUrl, req, 60_000);
    tally.record(CSV, label, req, result);
    if (result.kind === 'response' && result.status === 201) {
      const job = result.json as { id: string; status: string };
      if (!['completed', 'failed'].includes(job.status)) unhandled.push(`${label}: job ${job.status}`);
      const report = await admin.get(`/api/imports/${job.id}/errors`);
      if (report.status !== 200) unhandled.push(`${label}: report answered ${report.status}`);
    }
  };

  for (const [name, bytes] of Object.entries(HOSTILE_CSV)) {
    await upload(`${name} (leads)`, 'entity=leads', bytes);
    await upload(`${name} (contacts)`, 'entity=contacts', bytes);
  }
  const small = Buffer.from('name,email\nMapped Proof,mapped@proof.example\n');
  for (const [name, mapping] of Object.entries(HOSTILE_MAPPINGS))
    await upload(`mapping ${name}`, `entity=leads&mapping=${encodeURIComponent(mapping)}`, small);
  await upload('declared UTF-16', 'entity=leads', small, 'text/csv; charset=utf-16');
  await upload('declared latin-1', 'entity=leads', small, 'text/csv; charset=iso-8859-1');
  await upload('entity __proto__', 'entity=__proto__', small);
  const reused = '7d1f0c2e-5b4a-4c3d-8e2f-1a0b9c8d7e6f';
  await upload('client id, first use', `entity=leads&id=${reused}`, small);
  await upload('client id, reused', `entity=leads&id=${reused}`, small);

  const declared = await declaredTooLarge(baseUrl, admin.token!);
  tally.record(CSV, 'declared 51 MB', { method: 'POST', path: '/api/imports?entity=leads' }, declared);
  if (declared.kind !== 'response' || declared.status !== 413)
    unhandled.push(`declared 51 MB: expected 413, got ${JSON.stringify(declared).slice(0, 200)}`);

  return unhandled;
}

/** Announces a file over the limit (Content-Length) and sends the first bytes, as a real client would. */
function declaredTooLarge(baseUrl: string, token: string): Promise<RawResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const req = request(`${baseUrl}/api/imports?entity=leads`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'text/csv',
        'content-length': String(LIMIT + 1024 * 1024),
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve({ kind: 'timeout', ms: Date.now() - started });
    }, 30_000);
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({
          kind: 'response',
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          text,
          json,
          ms: Date.now() - started,
        });
      });
    });
    req.on('error', (err) => {
      clearTimeout(timer);
      resolve({ kind: 'network', error: String(err), ms: Date.now() - started });
    });
    req.write(Buffer.from('name\nA\n'));
  });
}
