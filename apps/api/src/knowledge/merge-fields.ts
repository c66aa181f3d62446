// Canned answers speak to the customer of a case: these are the only placeholders they may use,
// checked when the answer is saved so a typo is caught by the editor, not by the customer.

export const MERGE_FIELDS = [
  'case.subject',
  'case.priority',
  'case.status',
  'account.name',
  'contact.name',
  'contact.firstName',
  'contact.lastName',
  'owner.name',
  'agent.name',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeValues = Record<MergeField, string | null>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN: ReadonlySet<string> = new Set(MERGE_FIELDS);

/** Placeholders in `template` that are not merge fields, each once, in order of appearance. */
export function unknownMergeFields(template: string): string[] {
  const unknown = new Set<string>();
  for (const [, name] of template.matchAll(PLACEHOLDER)) if (!KNOWN.has(name!)) unknown.add(name!);
  return [...unknown];
}

/**
 * Fills the placeholders. A field with no value (a case without a contact) becomes empty text and
 * is listed in `blanks`, so the agent can fill it in by hand before sending.
 */
export function renderMergeFields(
  template: string,
  values: MergeValues,
): { text: string; blanks: MergeField[] } {
  const blanks = new Set<MergeField>();
  const text = template.replace(PLACEHOLDER, (match, name: string) => {
    if (!KNOWN.has(name)) return match;
    const value = values[name as MergeField];
    if (value === null || value === '') blanks.add(name as MergeField);
    return value ?? '';
  });
  return { text, blanks: [...blanks] };
}

/** Contacts keep one name: a greeting takes its first word, the rest is the family name. */
export function nameParts(name: string): { firstName: string | null; lastName: string | null } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return { firstName: words[0] ?? null, lastName: words.length > 1 ? words.slice(1).join(' ') : null };
}
