import type { NextFunction, Request, Response } from 'express';
import type { ErrorBody } from './http-errors';

// PostgreSQL's text and jsonb types cannot hold U+0000, and jsonb refuses unpaired UTF-16
// surrogates (text would silently turn them into U+FFFD). A request carrying one would otherwise
// pass validation and fail deep inside a transaction as a 500.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (text: string): boolean => text.includes('\u0000') || LONE_SURROGATE.test(text);

/** The path (`body.name`, `query.q`, `path`) of the first string or key that cannot be stored. */
export function findUnstorableText(root: unknown, rootPath: string): string | undefined {
  // Iterative: request bodies may be nested far deeper than the call stack allows.
  const stack: Array<[unknown, string]> = [[root, rootPath]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (unstorable(value)) return path;
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push([item, `${path}.${i}`]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (unstorable(key)) return path;
        stack.push([item, `${path}.${key}`]);
      }
    }
  }
  return undefined;
}

function decodedPath(req: Request): string {
  try {
    return decodeURIComponent(req.path);
  } catch {
    // Malformed percent-encoding: routing answers that.
    return '';
  }
}

/** Refuses, before any handler runs, a request whose path, query or JSON body holds unstorable text. */
export function refuseUnstorableText(req: Request, res: Response, next: NextFunction): void {
  const field =
    findUnstorableText(decodedPath(req), 'path') ??
    findUnstorableText(req.query, 'query') ??
    findUnstorableText(req.body, 'body');
  if (field === undefined) return next();
  res.status(400).json({
    code: 'VALIDATION_FAILED',
    message: 'Text may not contain NUL characters or unpaired UTF-16 surrogates',
    details: { field },
  } satisfies ErrorBody);
}
