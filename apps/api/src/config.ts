import { resolve } from 'node:path';
import { z } from 'zod';

const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const port = (fallback: number) =>
  z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(fallback));

const envSchema = z.object({
  PORT: port(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: optionalString,
  TEMPORAL_ADDRESS: optionalString,
  TEMPORAL_NAMESPACE: z.string().default('baton'),
  TEMPORAL_UI_URL: optionalString,
  BATON_DATA_DIR: z.string().default('.baton'),
  BATON_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  BATON_PG_PORT: port(5433),
  BATON_TEMPORAL_PORT: port(7233),
  BATON_TEMPORAL_UI_PORT: port(8233),
  BATON_TEMPORAL_HEADLESS: z.stringbool().default(false),
  BATON_SEED_DEMO: z.stringbool().default(true),
  BATON_TOKEN_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .default(12 * 60),
  BATON_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  BATON_LOGIN_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  BATON_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
  BATON_DATE_SWEEP_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  BATON_RUNS_PER_RECORD_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
  BATON_HISTORY_LIMIT: z.coerce.number().int().min(20).max(40_000).default(10_000),
  BATON_WEB_DIST: z.string().optional(),
  BATON_LOG_LEVEL: z.enum(['error', 'warn', 'info', 'debug']).default('info'),
  BATON_SMTP_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  ),
  BATON_MAIL_FROM: z
    .string()
    .regex(/@[^\s>@]+>?\s*$/, 'must be an address, e.g. "Baton <baton@example.com>"')
    .default('Baton <baton@localhost>'),
  BATON_HTTP_ALLOW_PRIVATE: z.stringbool().default(false),
  BATON_LOG_FORMAT: z.enum(['text', 'json']).default('text'),
  BATON_METRICS_TOKEN: z.preprocess(
    emptyAsUndefined,
    z.string().min(16, 'must be at least 16 characters').optional(),
  ),
  BATON_WORKER_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).optional()),
  BATON_WORKER_ACTIVITIES: z.coerce.number().int().min(1).max(200).default(8),
  BATON_WORKER_SLOW_ACTIVITIES: z.coerce.number().int().min(1).max(200).default(4),
  BATON_SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(600).default(20),
  BATON_DB_POOL_SIZE: z.coerce.number().int().min(2).max(500).default(20),
  BATON_TRUST_PROXY: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^(\d+|true|false|loopback|linklocal|uniquelocal|[\d.:/a-f]+)(\s*,\s*[\w.:/-]+)*$/i, {
        error: 'a hop count, true, or addresses/subnets (e.g. "uniquelocal" or "10.0.0.0/8")',
      })
      .optional(),
  ),
});

// Each running step activity holds a connection; requests and the dispatcher need some left over.
const checkedEnvSchema = envSchema.refine(
  (env) =>
    env.BATON_ROLE === 'api' ||
    env.BATON_WORKER_ACTIVITIES + env.BATON_WORKER_SLOW_ACTIVITIES < env.BATON_DB_POOL_SIZE,
  {
    path: ['BATON_DB_POOL_SIZE'],
    message: 'must be larger than BATON_WORKER_ACTIVITIES + BATON_WORKER_SLOW_ACTIVITIES',
  },
);

export type Env = z.infer<typeof envSchema>;

export interface BatonConfig {
  port: number;
  host: string;
  role: Env['BATON_ROLE'];
  databaseUrl: string;
  temporalAddress: string;
  temporalNamespace: string;
  /** Base URL of Temporal's Web UI, for links from a run to its history. */
  temporalUiUrl: string | null;
  seedDemo: boolean;
  tokenTtlMinutes: number;
  /** Failed sign-ins allowed per email in the window; an IP gets LOGIN_FAILURES_PER_IP_FACTOR × as many. */
  loginMaxFailures: number;
  loginWindowMinutes: number;
  dispatchIntervalMs: number;
  /** How often date triggers are checked: a date trigger fires at most this late. */
  dateSweepMs: number;
  /** Runaway protection: runs of one workflow on one record per hour before further ones are refused. */
  runsPerRecordPerHour: number;
  /** History events after which a run continues as new at its next step. */
  historyLimit: number;
  webDist: string;
  logLevel: Env['BATON_LOG_LEVEL'];
  /** SMTP relay for email steps; null = email steps fail with EMAIL_NOT_CONFIGURED. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Let webhook steps call loopback, private and link-local addresses (tests, on-premises receivers). */
  httpAllowPrivate: boolean;
  /** `json`: one JSON object per log line, with request and run ids; `text`: for people at a terminal. */
  logFormat: Env['BATON_LOG_FORMAT'];
  /** A bearer token that may read /api/metrics besides signed-in admins; null = admins only. */
  metricsToken: string | null;
  /** Port a worker-only process serves health and metrics on; null = no HTTP in worker-only processes. */
  workerPort: number | null;
  /** Step activities run at once on the main queue; each holds a database connection. */
  workerActivities: number;
  /** Slow step activities (webhooks, email) run at once on their own queue; each holds a connection too. */
  workerSlowActivities: number;
  /** On SIGTERM: how long in-flight requests and activities get to finish. */
  shutdownGraceSeconds: number;
  /** Database connections this process may open (HTTP requests, dispatcher and step activities share them). */
  dbPoolSize: number;
  /** Express's `trust proxy`: which proxies' X-Forwarded-For names the client (login throttling by IP). */
  trustProxy: string | null;
}

/** Reads and validates the environment once; a bad value stops start-up with every problem listed. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = checkedEnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return parsed.data;
}

export function buildConfig(
  env: Env,
  services: { databaseUrl: string; temporalAddress: string; temporalUiUrl?: string },
): BatonConfig {
  return {
    port: env.PORT,
    host: env.HOST,
    role: env.BATON_ROLE,
    databaseUrl: services.databaseUrl,
    temporalAddress: services.temporalAddress,
    temporalNamespace: env.TEMPORAL_NAMESPACE,
    temporalUiUrl: env.TEMPORAL_UI_URL ?? services.temporalUiUrl ?? null,
    seedDemo: env.BATON_SEED_DEMO,
    tokenTtlMinutes: env.BATON_TOKEN_TTL_MINUTES,
    loginMaxFailures: env.BATON_LOGIN_MAX_FAILURES,
    loginWindowMinutes: env.BATON_LOGIN_WINDOW_MINUTES,
    dispatchIntervalMs: env.BATON_DISPATCH_INTERVAL_MS,
    dateSweepMs: env.BATON_DATE_SWEEP_MS,
    runsPerRecordPerHour: env.BATON_RUNS_PER_RECORD_PER_HOUR,
    historyLimit: env.BATON_HISTORY_LIMIT,
    webDist: env.BATON_WEB_DIST ?? resolve(__dirname, '../../web/dist'),
    logLevel: env.BATON_LOG_LEVEL,
    smtpUrl: env.BATON_SMTP_URL ?? null,
    mailFrom: env.BATON_MAIL_FROM,
    httpAllowPrivate: env.BATON_HTTP_ALLOW_PRIVATE,
    logFormat: env.BATON_LOG_FORMAT,
    metricsToken: env.BATON_METRICS_TOKEN ?? null,
    workerPort: env.BATON_WORKER_PORT ?? null,
    workerActivities: env.BATON_WORKER_ACTIVITIES,
    workerSlowActivities: env.BATON_WORKER_SLOW_ACTIVITIES,
    shutdownGraceSeconds: env.BATON_SHUTDOWN_GRACE_SECONDS,
    dbPoolSize: env.BATON_DB_POOL_SIZE,
    trustProxy: env.BATON_TRUST_PROXY ?? null,
  };
}

export const BATON_CONFIG = Symbol('BATON_CONFIG');
