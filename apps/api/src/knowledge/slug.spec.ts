import { freeSlug, SLUG_PATTERN, slugify } from './slug';

describe(slugify.name, () => {
  it.each([
    ['Reset your password (SSO)', 'reset-your-password-sso'],
    ['  Crème brûlée — à la carte!  ', 'creme-brulee-a-la-carte'],
    ['Why does my invoice show a different seat count?', 'why-does-my-invoice-show-a-different-seat-count'],
    ['???', 'article'],
    ['漢字', 'article'],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
    expect(slugify(title)).toMatch(SLUG_PATTERN);
  });

  it('uses the fallback for a text with nothing to keep', () => {
    expect(slugify('???', 'category')).toBe('category');
  });

  it('keeps slugs to 80 characters without a trailing hyphen', () => {
    const slug = slugify(`${'a'.repeat(79)} b`);
    expect(slug).toBe('a'.repeat(79));
    expect(slugify('word '.repeat(40)).length).toBeLessThanOrEqual(80);
    expect(slugify('word '.repeat(40))).toMatch(SLUG_PATTERN);
  });
});

describe(freeSlug.name, () => {
  it('numbers a taken slug from 2', () => {
    expect(freeSlug('faq', new Set())).toBe('faq');
    expect(freeSlug('faq', new Set(['faq', 'faq-2']))).toBe('faq-3');
  });
});
