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

/** "Lead created", "Opportunity updated"; `schedule` and `webhook` name the other trigger kinds. */
export function triggerLabel(entity: string, event: string): string {
  if (event === 'manual') return `Run on a ${entity} by hand`;
  if (event === 'schedule') return `${humanize(entity)} on a schedule`;
  if (event === 'webhook') return `${humanize(entity)} from a webhook`;
  return `${humanize(entity)} ${event}`;
}

/** The label of a trigger (a definition's or a canvas node's data), whatever its kind. */
export function triggerKindLabel(trigger: {
  readonly entity: string;
  readonly kind?: string;
  readonly event?: string;
}): string {
  if (trigger.kind === 'campaign') return `Campaign email ${trigger.event ?? ''}`.trim();
  const recordEvent = trigger.kind === undefined || trigger.kind === 'record';
  return triggerLabel(trigger.entity, recordEvent ? (trigger.event ?? '') : trigger.kind);
}
