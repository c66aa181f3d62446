import { normalizeEmail, normalizeName, normalizePhone, phoneMatchKey, samePhone } from './normalize';

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Ada@Analytical.Example ')).toBe('ada@analytical.example');
  });

  it('strips +tags and dots for gmail and googlemail only', () => {
    expect(normalizeEmail('Ada.Love.Lace+crm@gmail.com')).toBe('adalovelace@gmail.com');
    expect(normalizeEmail('ada.lovelace+x@googlemail.com')).toBe('adalovelace@gmail.com');
    expect(normalizeEmail('ada.lovelace+x@example.com')).toBe('ada.lovelace+x@example.com');
  });

  it('is null for nothing', () => {
    expect(normalizeEmail(null)).toBeNull();
    expect(normalizeEmail('   ')).toBeNull();
  });
});

describe('normalizePhone', () => {
  it('keeps digits only, with the country code', () => {
    expect(normalizePhone('+44 (20) 7946-0000')).toBe('442079460000');
    expect(normalizePhone('0044 20 7946 0000')).toBe('442079460000');
    expect(normalizePhone('ext.')).toBeNull();
  });

  it('compares the last nine digits, so national and international forms match', () => {
    expect(phoneMatchKey('+44 20 7946 0000')).toBe('079460000');
    expect(samePhone('+44 20 7946 0000', '020 7946 0000')).toBe(true);
    expect(samePhone('+1 (415) 555-0100', '415.555.0100')).toBe(true);
    expect(samePhone('+44 20 7946 0000', '+44 20 7946 0001')).toBe(false);
  });

  it('does not compare numbers too short to be told apart', () => {
    expect(phoneMatchKey('12345')).toBeNull();
    expect(samePhone('12345', '12345')).toBe(false);
  });
});

describe('normalizeName', () => {
  it('lower-cases, strips accents and punctuation, collapses spaces', () => {
    expect(normalizeName('  Ada   Lovelace ')).toBe('ada lovelace');
    expect(normalizeName("Zoë O'Brien-Smith")).toBe('zoe obriensmith');
    expect(normalizeName('Łukasz Żółć, Jr.')).toBe('lukasz zolc jr');
    expect(normalizeName('ACME, Inc.')).toBe('acme inc');
  });

  it('is null when nothing is left', () => {
    expect(normalizeName(' .. ')).toBeNull();
    expect(normalizeName(undefined)).toBeNull();
  });
});
