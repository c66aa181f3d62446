/**
 * Codes for what the editor itself refuses (a connection, a paste). They sit beside the compiler's
 * diagnostic codes in the UI, so like those they are stable strings: add new ones, never rename.
 */
export const EDITOR_ERROR_CODES = [
  'SELF_CONNECTION',
  'INTO_TRIGGER',
  'DUPLICATE_CONNECTION',
  'UNKNOWN_ENDPOINT',
  'FROM_END_STEP',
  'CLIPBOARD_EMPTY',
  'CLIPBOARD_INVALID',
] as const;
export type EditorErrorCode = (typeof EDITOR_ERROR_CODES)[number];

/** Something the editor refused to do, with a message for people. */
export interface EditorNotice {
  readonly code: EditorErrorCode;
  readonly message: string;
}
