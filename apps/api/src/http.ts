import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import { answerClientError } from './common/client-errors';
import type { ErrorBody } from './common/http-errors';
import { refuseUnstorableText } from './common/storable-text';
import type { Lifecycle } from './health/lifecycle';
import { hookBody } from './hooks/hook-body';
import type { BatonLogger } from './logging/baton-logger';
import { bindRequestContext, requestIds } from './logging/request-context';

// Body-parser failures happen before Nest's routing, so they are shaped here, in the same form.
function bodyErrors(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  const type = (err as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed') {
    res
      .status(400)
      .json({ code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' } satisfies ErrorBody);
  } else if (type === 'entity.too.large') {
    res.status(413).json({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request body is larger than 2 MB',
    } satisfies ErrorBody);
  } else if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    res
      .status(415)
      .json({ code: 'VALIDATION_FAILED', message: 'Send the body as UTF-8 JSON' } satisfies ErrorBody);
  } else {
    next(err);
  }
}

// The built SPA loads only its own hashed script and stylesheet; nothing inline, nothing remote.
const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// Swagger UI's page uses inline styles and an inline bootstrap script, so only its path gets these.
const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

function secureHeaders(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Content-Security-Policy', /^\/api\/docs(\/|$)/.test(req.path) ? DOCS_CSP : APP_CSP);
  next();
}

export interface HttpObservability {
  logger: BatonLogger;
  lifecycle: Lifecycle;
  /** Express's `trust proxy` setting, when Baton runs behind a load balancer. */
  trustProxy?: string | null;
}

// "2" means two hops; "true"/"false" themselves; anything else is a list of addresses or subnets.
function trustProxySetting(value: string): boolean | number | string {
  if (/^\d+$/.test(value)) return Number(value);
  if (value === 'true' || value === 'false') return value === 'true';
  return value;
}

/** Body parsing, the OpenAPI document, and the built web app on the same port as the API. */
export function configureHttp(
  app: NestExpressApplication,
  webDist: string,
  { logger, lifecycle, trustProxy }: HttpObservability,
): void {
  app.disable('x-powered-by');
  // Behind a load balancer every request comes from its address; login throttling counts per
  // client, which only X-Forwarded-For from a trusted proxy can tell apart.
  if (trustProxy) app.set('trust proxy', trustProxySetting(trustProxy));
  app.getHttpServer().on('clientError', answerClientError);
  app.use(lifecycle.track);
  app.use(requestIds(logger));
  app.use(secureHeaders);
  app.setGlobalPrefix('api');
  // Webhooks are signed over their raw bytes: read those before the JSON parser would.
  app.use('/api/hooks', hookBody);
  app.use(express.json({ limit: '2mb' }));
  app.use(bodyErrors);
  app.use(refuseUnstorableText);
  app.use(bindRequestContext);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Baton API')
      .setDescription('Workflow-automation CRM. Errors are `{ code, message, details }` with stable codes.')
      .setVersion('0.1.0')
      .setOpenAPIVersion('3.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    useGlobalPrefix: false,
  });

  const index = join(webDist, 'index.html');
  if (existsSync(index)) {
    app.use(express.static(webDist, { index: false, maxAge: '1h' }));
    // Client-side routes: any GET outside /api gets the app shell.
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
      res.sendFile(index);
    });
  }
}

const OPS_PATHS = new Set(['/api/health', '/api/health/live', '/api/health/ready', '/api/metrics']);

/**
 * A worker-only process answers health checks and metrics scrapes and nothing else: the API
 * belongs to the API processes.
 */
export function configureOpsHttp(
  app: NestExpressApplication,
  { logger, lifecycle }: HttpObservability,
): void {
  app.disable('x-powered-by');
  app.use(lifecycle.track);
  app.use(requestIds(logger));
  app.setGlobalPrefix('api');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (OPS_PATHS.has(req.path)) return next();
    res.status(404).json({
      code: 'NOT_FOUND',
      message:
        'This is a worker process: it serves /api/health/live, /api/health/ready and /api/metrics only',
    } satisfies ErrorBody);
  });
  app.use(bindRequestContext);
}
