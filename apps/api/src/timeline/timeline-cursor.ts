import { z } from 'zod';
import { BatonError } from '@baton/domain';
import { TIMELINE_KINDS } from './timeline.dto';

/** Position after the last item seen; `at` keeps the database's microseconds so no item is skipped. */
export interface TimelinePosition {
  at: string;
  kind: string;
  id: string;
}

const schema = z.strictObject({
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
  kind: z.enum(TIMELINE_KINDS),
  id: z.string().min(1).max(200),
});

export function encodeTimelineCursor(position: TimelinePosition): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeTimelineCursor(raw: string | undefined): TimelinePosition | undefined {
  if (raw === undefined) return undefined;
  try {
    return schema.parse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
  } catch {
    throw new BatonError('VALIDATION_FAILED', 'The cursor is not one this API handed out', {
      field: 'cursor',
    });
  }
}
