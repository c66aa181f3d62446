/** Temporal Update name of approval actions; its validator makes one of two simultaneous decisions lose. */
export const APPROVAL_UPDATE = 'approvalAction';
