import { quoteMargin, type CostedQuote } from './quote-margin';

const quote = (total: string, lines: Array<{ quantity: number; unitCost: string | null }>): CostedQuote => ({
  total,
  lines: lines.map((l) => ({ quantity: l.quantity, product: { unitCost: l.unitCost } })),
});

describe(quoteMargin.name, () => {
  it.each([
    // net total, lines, cost total, margin
    ['850.00', [{ quantity: 4, unitCost: '180.00' }], '720.00', 15.3],
    ['1000.00', [{ quantity: 1, unitCost: '877.50' }], '877.50', 12.3],
    ['1000.00', [{ quantity: 1, unitCost: '877.49' }], '877.49', 12.3],
    ['1000.00', [{ quantity: 1, unitCost: '877.51' }], '877.51', 12.2],
    ['100.00', [{ quantity: 2, unitCost: '60.00' }], '120.00', -20],
    ['100.00', [{ quantity: 1, unitCost: '112.25' }], '112.25', -12.3],
    [
      '2980.00',
      [
        { quantity: 2, unitCost: '820.00' },
        { quantity: 10, unitCost: '3.80' },
      ],
      '1678.00',
      43.7,
    ],
  ])('a quote of %s with %j costs %s, margin %s %%', (total, lines, costTotal, marginPercent) => {
    expect(quoteMargin(quote(total, lines))).toEqual({ costTotal, marginPercent });
  });

  it('knows no margin when one line’s product has no cost', () => {
    const lines = [
      { quantity: 1, unitCost: '10.00' },
      { quantity: 1, unitCost: null },
    ];
    expect(quoteMargin(quote('50.00', lines))).toEqual({ costTotal: null, marginPercent: null });
  });

  it('gives the cost but no margin when the net total is 0', () => {
    expect(quoteMargin(quote('0.00', [{ quantity: 3, unitCost: '2.50' }]))).toEqual({
      costTotal: '7.50',
      marginPercent: null,
    });
  });

  it('treats a quote without lines as costing nothing', () => {
    expect(quoteMargin(quote('0.00', []))).toEqual({ costTotal: '0.00', marginPercent: null });
  });
});
