// Normal forms used to spot the same person twice. Framework-free; the migration defines SQL twins
// (baton_email_norm, baton_phone_norm, baton_name_norm) that keep the stored columns in step, so
// each rule here must stay identical to its SQL counterpart.

/** Accented letters and their plain forms; the same table is used by `translate()` in SQL. */
const LOWER_ACCENTED = 'àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥìíîïĩīĭįıĵķĺļľłñńņňòóôõöøōŏőŕŗřśŝşšţťùúûüũūŭůűųŵýÿŷźżž';
const LOWER_PLAIN = 'aaaaaaaaacccccddeeeeeeeeegggghiiiiiiiiijkllllnnnnooooooooorrrssssttuuuuuuuuuuwyyyzzz';
// Upper-case forms too: SQL lower() leaves non-ASCII letters alone under the C locale.
export const ACCENTED = LOWER_ACCENTED + LOWER_ACCENTED.toUpperCase();
export const UNACCENTED = LOWER_PLAIN + LOWER_PLAIN;

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/** Phones compare on their last digits: enough to ignore country-code and trunk-prefix styles. */
export const PHONE_MATCH_DIGITS = 9;

/**
 * Trimmed and lower-cased; Gmail addresses also lose their `+tag` and dots, and googlemail.com
 * becomes gmail.com (the same mailbox). Null for empty input.
 */
export function normalizeEmail(email: string | null | undefined): string | null {
  const e = (email ?? '').trim().toLowerCase();
  if (!e) return null;
  const at = e.lastIndexOf('@');
  if (at < 0) return e;
  const local = e.slice(0, at);
  const domain = e.slice(at + 1);
  if (!GMAIL_DOMAINS.has(domain)) return e;
  return `${local.split('+')[0]!.replace(/\./g, '')}@gmail.com`;
}

/**
 * Digits only, keeping a leading country code ("+44 20 7946 0000" → "442079460000"); a "00"
 * international prefix is dropped like a "+". Null when there are no digits.
 */
export function normalizePhone(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '').replace(/^00/, '');
  return digits || null;
}

/** The part of a normalised phone that is compared; null when too short to compare safely. */
export function phoneMatchKey(phone: string | null | undefined): string | null {
  const digits = normalizePhone(phone);
  return digits && digits.length >= PHONE_MATCH_DIGITS ? digits.slice(-PHONE_MATCH_DIGITS) : null;
}

/** Same phone number, however it is formatted. */
export function samePhone(a: string | null | undefined, b: string | null | undefined): boolean {
  const ka = phoneMatchKey(a);
  return ka !== null && ka === phoneMatchKey(b);
}

const ACCENT_MAP = new Map([...ACCENTED].map((c, i) => [c, UNACCENTED[i]!]));

/**
 * Lower-case, accents and punctuation stripped, spaces collapsed ("  Zoë  O'Brien-Smith " →
 * "zoe obriensmith"). Null when nothing is left.
 */
export function normalizeName(name: string | null | undefined): string | null {
  const plain = [...(name ?? '').toLowerCase()].map((c) => ACCENT_MAP.get(c) ?? c).join('');
  const n = plain
    .replace(/[!-/:-@[-`{-~]/g, '') // ASCII punctuation, as [[:punct:]] in SQL
    .replace(/\s+/g, ' ')
    .trim();
  return n || null;
}
