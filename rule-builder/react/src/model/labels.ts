// Words for people, kept free of imports so pages that only need a label do not pull in the editor.

/** "dueInBusinessDays" → "Due in business days"; "record_owner" → "Record owner". */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Lead created", "Opportunity updated". */
export function triggerLabel(entity: string, event: string): string {
  return event === 'manual' ? `Run on a ${entity} by hand` : `${humanize(entity)} ${event}`;
}
