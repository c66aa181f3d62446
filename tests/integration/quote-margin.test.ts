import { ApiClient, eventually, expectStatus, type ApiResponse } from '../support/api';
import { removeDataDir, startProduct, type Product } from '../support/product';

jest.setTimeout(300_000);

type Row = Record<string, any>;

/** Product costs and the margin a quote shows its rep and its approver. */
describe('quote margin', () => {
  let product: Product;
  const as = {} as Record<'rep1' | 'manager', ApiClient>;
  let opportunityId: string;

  const ok = (res: Promise<ApiResponse>, status = 200): Promise<Row> => expectStatus(product, res, status);
  const patch = (client: ApiClient, path: string, body: unknown) => client.request('PATCH', path, body);

  const newProduct = (sku: string, unitPrice: string, unitCost?: string): Promise<Row> =>
    ok(
      as.manager.post('/api/products', {
        sku,
        name: sku,
        unitPrice,
        ...(unitCost === undefined ? {} : { unitCost }),
      }),
      201,
    );

  beforeAll(async () => {
    product = await startProduct();
    as.rep1 = await ApiClient.login(product.baseUrl, 'rep1@demo.baton');
    as.manager = await ApiClient.login(product.baseUrl, 'manager@demo.baton');
    const account = await ok(as.rep1.post('/api/accounts', { name: 'Margin Logistics' }), 201);
    opportunityId = (
      await ok(as.rep1.post('/api/opportunities', { accountId: account.id, name: 'Margin deal' }), 201)
    ).id;
  });

  afterAll(async () => {
    await product?.stop();
    if (product) removeDataDir(product.dataDir);
  });

  it('keeps a cost on products, validated and optional', async () => {
    const created = await newProduct('MRG-GW', '100.00', '60');
    expect(created.unitCost).toBe('60.00');
    expect((await newProduct('MRG-NOCOST', '10.00')).unitCost).toBeNull();
    for (const unitCost of ['-1.00', 'cheap', '1.234', 12]) {
      const bad = await as.manager.post('/api/products', {
        sku: 'MRG-BAD',
        name: 'Bad',
        unitPrice: '1.00',
        unitCost,
      });
      expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const cleared = await ok(
      patch(as.manager, `/api/products/${created.id}`, { version: 1, unitCost: null }),
    );
    expect(cleared.unitCost).toBeNull();
    const reset = await ok(
      patch(as.manager, `/api/products/${created.id}`, { version: 2, unitCost: '60.00' }),
    );
    expect(reset.unitCost).toBe('60.00');
    const byRep = await patch(as.rep1, `/api/products/${created.id}`, { version: 3, unitCost: '1.00' });
    expect(byRep.status).toBe(403);
  });

  it('seeds the demo price book with costs, so demo quotes show a margin', async () => {
    const gateway = ((await ok(as.rep1.get('/api/products?q=TEL-GW-100'))).items as Row[])[0]!;
    expect(gateway).toMatchObject({ sku: 'TEL-GW-100', unitPrice: '1490.00', unitCost: '820.00' });
    // Renewal drafts a workflow opens have no lines yet (total 0, so no margin); priced ones have one.
    const quotes = ((await ok(as.manager.get('/api/quotes?limit=50'))).items as Row[]).filter(
      (q) => q.lines.length > 0,
    );
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) expect(quote.marginPercent).toEqual(expect.any(Number));
  });

  it('shows cost and margin on the quote and to its approver, read from the products now', async () => {
    const gateway = await newProduct('MRG-HUB', '100.00', '60.00');
    const cable = await newProduct('MRG-CABLE', '50.00', '45.00');
    // 3 × 100 at 15 % off = 255, plus 2 × 50 = 100: net 355; cost 3 × 60 + 2 × 45 = 270.
    const quote = await ok(
      as.rep1.post('/api/quotes', {
        opportunityId,
        name: 'Margin check',
        lines: [
          { productId: gateway.id, quantity: 3, discountPercent: 15 },
          { productId: cable.id, quantity: 2 },
        ],
      }),
      201,
    );
    expect(quote).toMatchObject({ total: '355.00', costTotal: '270.00', marginPercent: 23.9 });

    // Costs are not frozen on the lines: a corrected cost shows at once (85 → 65 over 355).
    await ok(patch(as.manager, `/api/products/${cable.id}`, { version: 1, unitCost: '55.00' }));
    const reread = await ok(as.rep1.get(`/api/quotes/${quote.id}`));
    expect(reread).toMatchObject({ costTotal: '290.00', marginPercent: 18.3 });

    // 15 % goes to the rep's manager, whose request carries the same figures.
    await ok(as.rep1.post(`/api/quotes/${quote.id}/submit`));
    const request = await eventually(
      async () =>
        ((await ok(as.manager.get('/api/approvals?approver=me&status=pending'))).items as Row[]).find(
          (a) => a.record.id === quote.id,
        ),
      30_000,
      "the manager's approval request",
    );
    expect(request).toMatchObject({ costTotal: '290.00', marginPercent: 18.3 });
    const one = await ok(as.manager.get(`/api/approvals/${encodeURIComponent(request.id)}`));
    expect(one).toMatchObject({ costTotal: '290.00', marginPercent: 18.3 });
  });

  it('knows no margin when a product has no cost', async () => {
    const known = await newProduct('MRG-KNOWN', '20.00', '5.00');
    const unknown = await newProduct('MRG-UNKNOWN', '30.00');
    const quote = await ok(
      as.rep1.post('/api/quotes', {
        opportunityId,
        name: 'Unknown cost',
        lines: [
          { productId: known.id, quantity: 1 },
          { productId: unknown.id, quantity: 1 },
        ],
      }),
      201,
    );
    expect(quote).toMatchObject({ total: '50.00', costTotal: null, marginPercent: null });
  });
});
