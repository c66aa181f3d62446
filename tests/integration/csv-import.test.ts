import { request } from 'node:http';
import { ApiClient, eventually } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

async function upload(client: ApiClient, query: string, body: Buffer | string) {
  const res = await fetch(`${client.baseUrl}/api/imports?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${client.token}`, 'content-type': 'text/csv' },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Sends the body in chunks with pauses and an explicit Content-Length, as a slow upload would. */
function slowUpload(
  client: ApiClient,
  query: string,
  chunks: Buffer[],
  options: { contentLength?: number; gapMs?: number; onGap?: () => Promise<void> } = {},
): Promise<{ status: number; body: any }> {
  const total = options.contentLength ?? chunks.reduce((n, c) => n + c.length, 0);
  return new Promise((resolve, reject) => {
    const req = request(`${client.baseUrl}/api/imports?${query}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${client.token}`,
        'content-type': 'text/csv',
        'content-length': String(total),
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null });
      });
    });
    req.on('error', reject);
    void (async () => {
      for (const chunk of chunks) {
        if (req.destroyed) return;
        req.write(chunk);
        await new Promise((r) => setTimeout(r, options.gapMs ?? 0));
        await options.onGap?.();
      }
      if (options.contentLength === undefined) req.end();
    })();
  });
}

describe('CSV import of leads and contacts', () => {
  let product: Product;
  let admin: ApiClient;

  beforeAll(async () => {
    product = await startProduct();
    admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
  });

  afterAll(async () => {
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  async function allLeads(): Promise<any[]> {
    const all: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await admin.get(`/api/leads?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return all;
  }

  it('lets a rep import leads that the lead-handoff workflow assigns and gives tasks', async () => {
    const rep1 = await ApiClient.login(product.baseUrl, 'rep1@demo.baton');
    const rep2 = await ApiClient.login(product.baseUrl, 'rep2@demo.baton');
    const res = await upload(
      rep1,
      'entity=leads',
      'name,company,source\nRouted One,Hand Off,web\nRouted Two,Hand Off,event\n',
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'completed', succeeded: 2, failed: 0, percent: 100 });

    const imported = (await allLeads()).filter((l) => l.company === 'Hand Off');
    expect(imported).toHaveLength(2);
    const owners = new Set<string>();
    for (const lead of imported) {
      const owner = await eventually(
        async () => (await admin.get(`/api/leads/${lead.id}`)).body.owner ?? undefined,
        30_000,
        `an owner for ${lead.name}`,
      );
      owners.add(owner.id);
      const client = owner.name === 'Riley Rep' ? rep1 : rep2;
      const task = await eventually(
        async () => {
          const items = (await client.get('/api/tasks?assignee=me&status=open&limit=200')).body
            .items as any[];
          return items.find((t) => t.record?.id === lead.id);
        },
        30_000,
        `a task for ${lead.name}`,
      );
      expect(task).toMatchObject({ title: 'Contact new lead', assignee: { id: owner.id } });
    }
    // Round-robin: the two imported leads went to different reps.
    expect(owners.size).toBe(2);

    // Reps see their own imports; managers all; other reps' and admins' imports read as missing.
    const manager = await ApiClient.login(product.baseUrl, 'manager@demo.baton');
    expect((await manager.get(`/api/imports/${res.body.id}`)).status).toBe(200);
    expect((await rep2.get(`/api/imports/${res.body.id}`)).status).toBe(404);
  });

  it('imports contacts with a column mapping', async () => {
    const csv =
      'Full name,E-mail,Job,Notes\nGrace Import,grace@import.example,CTO,ignored\nNo Mail,nope,CEO,x\n';
    const mapping = encodeURIComponent(
      JSON.stringify({ 'Full name': 'name', 'E-mail': 'email', Job: 'title', Notes: '' }),
    );
    const res = await upload(admin, `entity=contacts&mapping=${mapping}`, csv);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'completed', succeeded: 1, failed: 1 });
    const report = (await admin.get(`/api/imports/${res.body.id}/errors`)).body;
    expect(report.items).toEqual([
      expect.objectContaining({ row: 2, line: 3, code: 'INVALID_FORMAT', field: 'email' }),
    ]);
    const contacts = (await admin.get('/api/contacts?q=grace@import.example')).body.items;
    expect(contacts[0]).toMatchObject({ name: 'Grace Import', title: 'CTO' });
  });

  it('shows live progress while the file is still arriving', async () => {
    const rows = ['name,email,title'];
    for (let i = 1; i <= 1500; i++) rows.push(`Live Contact ${i},live${i}@import.example,Buyer`);
    const csv = Buffer.from(rows.join('\n') + '\n');
    const third = Math.ceil(csv.length / 3);
    const chunks = [csv.subarray(0, third), csv.subarray(third, 2 * third), csv.subarray(2 * third)];
    const id = '0b7c9a4e-3f21-4d8a-9c6e-5a4b3c2d1e0f';
    const seen: any[] = [];
    const done = await slowUpload(admin, `entity=contacts&id=${id}`, chunks, {
      gapMs: 700,
      onGap: async () => {
        seen.push((await admin.get(`/api/imports/${id}`)).body);
      },
    });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ status: 'completed', processed: 1500, succeeded: 1500, percent: 100 });
    const live = seen.filter((s) => s.status === 'running');
    expect(live.length).toBeGreaterThan(0);
    expect(live[0].percent).toBeGreaterThan(0);
    expect(live[0].percent).toBeLessThan(100);
    expect(live.some((s) => s.processed > 0 && s.rowsPerSecond > 0)).toBe(true);
    expect(live[0].bytesTotal).toBe(csv.length);
  });

  it('fails an empty file and completes a header-only one with nothing imported', async () => {
    const empty = await upload(admin, 'entity=leads', '');
    expect(empty.status).toBe(201);
    expect(empty.body).toMatchObject({ status: 'failed', processed: 0, succeeded: 0 });
    const emptyReport = await admin.get(`/api/imports/${empty.body.id}/errors`);
    expect(emptyReport.body.items[0]).toMatchObject({ row: 0, code: 'EMPTY_FILE' });

    const headerOnly = await upload(admin, 'entity=leads', 'name,email\r\n');
    expect(headerOnly.status).toBe(201);
    expect(headerOnly.body).toMatchObject({ status: 'completed', totalRows: 0, processed: 0, percent: 100 });
    expect((await admin.get(`/api/imports/${headerOnly.body.id}/errors`)).body.items).toEqual([]);
  });

  it('fails a file whose header is not UTF-8 or names unknown columns', async () => {
    const broken = await upload(
      admin,
      'entity=leads',
      Buffer.from([0x6e, 0xe1, 0x6d, 0x65, 0x0a, 0x41, 0x0a]),
    );
    expect(broken.body).toMatchObject({ status: 'failed', succeeded: 0 });
    expect((await admin.get(`/api/imports/${broken.body.id}/errors`)).body.items[0].code).toBe(
      'BAD_ENCODING',
    );
    // The rest of a refused file is still read, so even a big one gets its answer.
    const unknown = await upload(admin, 'entity=leads', 'name,shoe_size\n' + 'A,42\n'.repeat(1_000_000));
    expect(unknown.status).toBe(201);
    expect(unknown.body.status).toBe('failed');
    expect((await admin.get(`/api/imports/${unknown.body.id}/errors`)).body.items[0]).toMatchObject({
      code: 'UNKNOWN_COLUMN',
      field: 'shoe_size',
    });
  });

  it('refuses engineers and approvers, other content types and oversized files', async () => {
    const engineer = await ApiClient.login(product.baseUrl, 'engineer@demo.baton');
    const refused = await upload(engineer, 'entity=leads', 'name\nA\n');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    expect((await engineer.get(`/api/imports/${randomId()}`)).status).toBe(403);
    const approver = await ApiClient.login(product.baseUrl, 'approver@demo.baton');
    expect((await upload(approver, 'entity=leads', 'name\nA\n')).status).toBe(403);

    const json = await admin.post('/api/imports?entity=leads', { name: 'A' });
    expect(json.status).toBe(400);
    expect((await upload(admin, 'entity=deals', 'name\nA\n')).status).toBe(400);

    // Declared too large: refused before reading; sent too large without a length: cut off at 50 MB.
    const declared = await slowUpload(admin, 'entity=leads', [Buffer.from('name\nA\n')], {
      contentLength: 60 * 1024 * 1024,
    });
    expect(declared.status).toBe(413);
    expect(declared.body.code).toBe('PAYLOAD_TOO_LARGE');

    const big = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('name\n'));
        // Rows with a field too many: rejected without being stored, so the limit is reached fast.
        const row = Buffer.from(`${'x'.repeat(97)},y\n`.repeat(10_000));
        for (let i = 0; i < 60; i++) controller.enqueue(row);
        controller.close();
      },
    });
    const res = await fetch(`${admin.baseUrl}/api/imports?entity=contacts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/csv' },
      body: big,
      duplex: 'half',
    } as RequestInit).catch((e: unknown) => e);
    // The server answers 413 as soon as the limit is passed (or resets the rest of the upload).
    if (res instanceof Response) {
      expect(res.status).toBe(413);
      expect((await res.json()).code).toBe('PAYLOAD_TOO_LARGE');
    }
  });

  // Last: 300 new leads at once keep the workflow engine busy for a while.
  it('imports ~300 good rows, reports each bad one, and stores nothing as mojibake', async () => {
    const lines = ['\uFEFFname,email,company,source,score'];
    for (let i = 1; i <= 300; i++)
      lines.push(`Import Lead ${i},lead${i}@import.example,"Acme, ${i}",web,${i % 100}`);
    // Data rows 301–305 are bad in different ways; row 306 is good again.
    lines.push(',nobody@import.example,No Name Co,web,1');
    lines.push('Bad Email,not-an-email,X,web,1');
    lines.push('Bad Source,bs@import.example,X,billboard,1');
    lines.push('__ENCODING__');
    lines.push(`${'L'.repeat(250)},long@import.example,X,web,1`);
    lines.push('"Quoted ""Last"" Lead","quoted@import.example","Multi\r\nLine Inc",referral,');
    const text = lines.join('\r\n') + '\r\n';
    const [before, after] = text.split('__ENCODING__') as [string, string];
    const encodingRow = Buffer.concat([
      Buffer.from('Broken '),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(',,,web,1'),
    ]);
    const csv = Buffer.concat([Buffer.from(before), encodingRow, Buffer.from(after)]);

    const id = '6a1f7c2e-6c55-4b5e-9b8e-0d9a3c1f2e01';
    const res = await upload(admin, `entity=leads&id=${id}`, csv);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id,
      entity: 'leads',
      status: 'completed',
      totalRows: 306,
      processed: 306,
      succeeded: 301,
      failed: 5,
      percent: 100,
    });
    expect(res.body.rowsPerSecond).toBeGreaterThan(0);

    const progress = await admin.get(`/api/imports/${id}`);
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({ status: 'completed', percent: 100, bytesRead: csv.length });

    const report = await admin.get(`/api/imports/${id}/errors`);
    expect(report.status).toBe(200);
    expect(report.body.total).toBe(5);
    expect(report.body.items.map((e: any) => [e.row, e.code, e.field])).toEqual([
      [301, 'REQUIRED', 'name'],
      [302, 'INVALID_FORMAT', 'email'],
      [303, 'INVALID_VALUE', 'source'],
      [304, 'BAD_ENCODING', null],
      [305, 'TOO_LONG', 'name'],
    ]);
    expect(report.body.items[0].line).toBe(302);

    // Stored rows are visible like any lead; nothing was stored as mojibake.
    const all = await allLeads();
    const imported = all.filter((l) => /@import\.example$/.test(l.email ?? ''));
    expect(imported).toHaveLength(301);
    expect(all.some((l) => l.name.includes('\uFFFD') || l.name.startsWith('Broken'))).toBe(false);
    expect(imported.find((l) => l.name === 'Quoted "Last" Lead')).toMatchObject({
      company: 'Multi\r\nLine Inc',
      source: 'referral',
      score: null,
    });
    expect(imported.find((l) => l.name === 'Import Lead 7')).toMatchObject({
      email: 'lead7@import.example',
      company: 'Acme, 7',
      score: 7,
    });
  });
});

function randomId(): string {
  return '9d3e6f1a-2b4c-4d5e-8f60-7a8b9c0d1e2f';
}
