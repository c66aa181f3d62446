import express, { type NextFunction, type Request, type Response } from 'express';
import type { ErrorBody } from '../common/http-errors';

/** The largest webhook body accepted. */
export const HOOK_BODY_LIMIT = '256kb';

const raw = express.raw({ type: () => true, limit: HOOK_BODY_LIMIT, inflate: false });

/**
 * Reads a webhook's body as raw bytes, whatever its content type: the signature is an HMAC of
 * exactly those bytes, so the app's JSON parser must not see them first. Mounted on /api/hooks
 * ahead of it.
 */
export function hookBody(req: Request, res: Response, next: NextFunction): void {
  raw(req, res, (err?: unknown) => {
    if ((err as { type?: string } | undefined)?.type === 'entity.too.large') {
      res.status(413).json({
        code: 'PAYLOAD_TOO_LARGE',
        message: 'A webhook body may be at most 256 KiB',
      } satisfies ErrorBody);
      return;
    }
    next(err);
  });
}
