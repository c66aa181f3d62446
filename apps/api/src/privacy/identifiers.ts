import { ERASED } from './personal-data-registry';

/** What identifies a person in free text and JSON. */
export interface Identifiers {
  /** Full names, email addresses and phone numbers: scrubbed wherever they appear. */
  strong: string[];
  /** The strong ones plus name parts and job titles: scrubbed only in rows about the person. */
  weak: string[];
}

export interface KnownValues {
  names: string[];
  emails: string[];
  phones: string[];
  titles: string[];
}

// Shorter strings ("Al", "Jo") would scrub far more than the person.
const MIN_LENGTH = 3;
// A phone written without separators ("442079460958") is matched too, when long enough to be one.
const MIN_PHONE_DIGITS = 7;

const usable = (value: string, ignore: ReadonlySet<string>) =>
  value.length >= MIN_LENGTH && !ignore.has(value.toLowerCase());

function unique(values: Iterable<string>, ignore: ReadonlySet<string>): string[] {
  const seen = new Map<string, string>();
  for (const raw of values) {
    const value = raw.trim();
    if (usable(value, ignore) && !seen.has(value.toLowerCase())) seen.set(value.toLowerCase(), value);
  }
  // Longest first: a regex alternation takes the first alternative that matches at a position.
  return [...seen.values()].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

/** The words of a name long enough to scrub: "Ada", "King" and "Lovelace" of "Ada King-Lovelace". */
export function nameParts(name: string): string[] {
  return name.split(/[\s,;()-]+/).filter((part) => part.length >= MIN_LENGTH);
}

/**
 * The identifiers of a person from every value their records held. `ignore` lists values that are
 * not theirs even if a record holds them (placeholders of an earlier erasure).
 */
export function identifiersOf(values: KnownValues, ignore: readonly string[] = []): Identifiers {
  const skip = new Set([ERASED, ...ignore].map((v) => v.toLowerCase()));
  const digits = values.phones.map((p) => p.replace(/\D/g, '')).filter((d) => d.length >= MIN_PHONE_DIGITS);
  const strong = unique([...values.names, ...values.emails, ...values.phones, ...digits], skip);
  const names = values.names.filter((name) => !skip.has(name.trim().toLowerCase()));
  const weak = unique([...strong, ...names.flatMap(nameParts), ...values.titles], skip);
  return { strong, weak };
}

const WORD = /^[\p{L}\p{N}_]$/u;

// PostgreSQL's advanced regular expressions: a backslash before a non-alphanumeric is a literal.
function escapeRegex(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

/**
 * A PostgreSQL regular expression (use with the `i` flag) matching any of `needles` — as whole
 * words where they start or end with a letter or digit, so "Ada" leaves "Adam" alone. With `json`,
 * it matches them as they appear inside a JSON string, escapes and all. Null when there is nothing
 * to match.
 */
export function identifierPattern(needles: readonly string[], json = false): string | null {
  if (needles.length === 0) return null;
  const alternatives = needles.map((needle) => {
    const text = json ? JSON.stringify(needle).slice(1, -1) : needle;
    const start = WORD.test(needle[0] ?? '') ? '\\m' : '';
    const end = WORD.test(needle.at(-1) ?? '') ? '\\M' : '';
    return `${start}${escapeRegex(text)}${end}`;
  });
  return `(${alternatives.join('|')})`;
}
