import { ApiClient, eventually } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

async function taskFor(baseUrl: string, leadId: string) {
  const admin = await ApiClient.login(baseUrl, 'admin@demo.baton');
  return eventually(
    async () => {
      const lead = (await admin.get(`/api/leads/${leadId}`)).body;
      if (!lead.owner) return undefined;
      const owner = await ApiClient.login(
        baseUrl,
        lead.owner.name === 'Riley Rep' ? 'rep1@demo.baton' : 'rep2@demo.baton',
      );
      const tasks = (await owner.get('/api/tasks?assignee=me')).body.items as Array<{
        id: string;
        record: { id: string } | null;
      }>;
      const mine = tasks.filter((t) => t.record?.id === leadId);
      return mine.length > 0 ? mine : undefined;
    },
    60_000,
    `the task for lead ${leadId}`,
  );
}

describe('stopping and starting the product', () => {
  let product: Product | undefined;
  let dataDir: string | undefined;

  afterAll(async () => {
    await product?.stop();
    if (dataDir) removeDataDir(dataDir);
  });

  it('keeps every record and finishes in-flight runs after a graceful stop and after kill -9', async () => {
    product = await startProduct();
    dataDir = product.dataDir;
    let admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
    const before = (await admin.post('/api/leads', { name: 'Before restart' })).body.id as string;
    await taskFor(product.baseUrl, before);

    // Graceful: SIGTERM stops the app, Temporal and PostgreSQL cleanly.
    await product.stop();
    if (product.process.exitCode !== 0)
      throw new Error(`graceful stop exited ${product.process.exitCode}:\n${product.output().slice(-4000)}`);
    product = await startProduct({ dataDir });
    admin = await ApiClient.login(product.baseUrl, 'admin@demo.baton');
    expect((await admin.get(`/api/leads/${before}`)).status).toBe(200);
    expect(await taskFor(product.baseUrl, before)).toHaveLength(1);

    // Brutal: kill -9 right after a lead is accepted, before its run can finish.
    const inFlight = (await admin.post('/api/leads', { name: 'Killed mid-flight' })).body.id as string;
    await product.crash();
    product = await startProduct({ dataDir });
    expect(await taskFor(product.baseUrl, inFlight)).toHaveLength(1);
    expect(await taskFor(product.baseUrl, before)).toHaveLength(1);

    // Seeding ran once: the demo users were not duplicated or reset.
    const rep = await ApiClient.login(product.baseUrl, 'rep1@demo.baton');
    expect((await rep.get('/api/auth/me')).body.email).toBe('rep1@demo.baton');
  });
});
