import { z } from 'zod';
import { BatonError } from '@baton/domain';

/** A keyset cursor: the sort key and id of the last row seen, opaque to clients. */
export interface Cursor {
  at: string;
  id: string;
}

const at = z.iso.datetime({ offset: true });
const cursorSchemas = {
  text: z.strictObject({ at, id: z.string().min(1).max(200) }),
  // Compared with a uuid column: anything else would fail in PostgreSQL rather than here.
  uuid: z.strictObject({ at, id: z.uuid() }),
};

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** The cursor a list handed out; `ids` is the type of the id column it pages by. */
export function decodeCursor(raw: string | undefined, ids: 'uuid' | 'text' = 'text'): Cursor | undefined {
  if (raw === undefined) return undefined;
  try {
    return cursorSchemas[ids].parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
  } catch {
    throw new BatonError('VALIDATION_FAILED', 'The cursor is not one this API handed out', {
      field: 'cursor',
    });
  }
}

export const limitSchema = z.coerce.number().int().min(1).max(200).default(50);

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
