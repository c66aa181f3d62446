import { BatonError } from '@baton/domain';
import type { QuoteStatus } from './quote.entity';

/**
 * The quote's domain actions: draft → submitted → approved | rejected → sent → accepted;
 * rejected → draft; submitted → draft when the submitter recalls it (or an approval run sends it back).
 */
export const QUOTE_ACTIONS = {
  submit: { from: ['draft'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'rejected' },
  send: { from: ['approved'], to: 'sent' },
  accept: { from: ['sent'], to: 'accepted' },
  reopen: { from: ['rejected'], to: 'draft' },
  recall: { from: ['submitted'], to: 'draft' },
} as const satisfies Record<string, { from: readonly QuoteStatus[]; to: QuoteStatus }>;

export type QuoteAction = keyof typeof QUOTE_ACTIONS;

/** The status after `action`, or INVALID_TRANSITION naming what the current status allows. */
export function nextStatus(current: QuoteStatus, action: QuoteAction): QuoteStatus {
  const rule = QUOTE_ACTIONS[action];
  if ((rule.from as readonly QuoteStatus[]).includes(current)) return rule.to;
  throw new BatonError('INVALID_TRANSITION', `A ${current} quote cannot be ${pastTense(action)}`, {
    status: current,
    action,
    allowedActions: actionsFrom(current),
  });
}

export function actionsFrom(status: QuoteStatus): QuoteAction[] {
  return (Object.keys(QUOTE_ACTIONS) as QuoteAction[]).filter((a) =>
    (QUOTE_ACTIONS[a].from as readonly QuoteStatus[]).includes(status),
  );
}

function pastTense(action: QuoteAction): string {
  return action === 'submit'
    ? 'submitted'
    : action === 'send'
      ? 'sent'
      : action === 'recall'
        ? 'recalled'
        : `${action.replace(/e$/, '')}ed`;
}

/** Lines, name and owner change only while the quote is a draft; a rejected one is reopened first. */
export function assertEditable(status: QuoteStatus): void {
  if (status !== 'draft') {
    throw new BatonError('INVALID_TRANSITION', `A ${status} quote cannot be edited; only drafts can`, {
      status,
      allowedActions: actionsFrom(status),
    });
  }
}
