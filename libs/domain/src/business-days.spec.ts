import { addBusinessDays } from './business-days';

describe(addBusinessDays.name, () => {
  it.each([
    ['2026-11-23T09:30:00.000Z', 1, '2026-11-24T09:30:00.000Z'], // Monday → Tuesday
    ['2026-11-20T10:00:00.000Z', 1, '2026-11-23T10:00:00.000Z'], // Friday → Monday
    ['2026-11-21T08:00:00.000Z', 1, '2026-11-24T08:00:00.000Z'], // Saturday → Tuesday
    ['2026-11-22T08:00:00.000Z', 0, '2026-11-23T08:00:00.000Z'], // Sunday rolls to Monday
    ['2026-11-23T08:00:00.000Z', 5, '2026-11-30T08:00:00.000Z'], // a full week
  ])('adds business days from %s (+%i) to %s', (from, days, expected) => {
    expect(addBusinessDays(new Date(from), days).toISOString()).toBe(expected);
  });

  it('rejects negative and fractional day counts', () => {
    expect(() => addBusinessDays(new Date(), -1)).toThrow(RangeError);
    expect(() => addBusinessDays(new Date(), 1.5)).toThrow(RangeError);
  });
});
