// `npm start`: the whole product in one process tree — embedded PostgreSQL and Temporal (unless
// DATABASE_URL / TEMPORAL_ADDRESS point elsewhere), migrations, demo data, API, worker and web app.
import { performance } from 'node:perf_hooks';
import { startInfrastructure, type Infrastructure, type Log } from '@baton/runtime';
import { buildConfig, readEnv, type Env } from './config';
import { DEMO_PASSWORD, DEMO_USERS } from './database/seed/demo-data';
import { BatonLogger } from './logging/baton-logger';
import { startBaton, type RunningBaton } from './main';

/** start.ts's own messages: `[baton] …` lines for people, JSON records for log shippers. */
function processLog(env: Env) {
  const logger = new BatonLogger(env.BATON_LOG_FORMAT, env.BATON_LOG_LEVEL);
  const json = env.BATON_LOG_FORMAT === 'json';
  return {
    info(message: string, component = 'baton', fields: Record<string, unknown> = {}) {
      if (json) logger.record('log', component, message, fields);
      else console.log(`[${component}] ${message}`);
    },
    error(message: string, err?: unknown) {
      if (json) logger.error(err instanceof Error ? `${message}: ${err.message}` : message, 'baton');
      else console.error(`[baton] ${message}`, ...(err === undefined ? [] : [err]));
    },
  };
}

// The embedded servers are chatty; show their problems, not their routine.
function serviceLog(env: Env, log: ReturnType<typeof processLog>) {
  const verbose = env.BATON_LOG_LEVEL === 'debug';
  return (component: string): Log =>
    (message) => {
      for (const line of message.split('\n')) {
        if (!line.trim()) continue;
        const important =
          /\b(ERROR|FATAL|PANIC|level=ERROR|error:)/i.test(line) ||
          /building|Temporal CLI|initialising|stopping|…/.test(line);
        if (verbose || important) log.info(line, component);
      }
    };
}

async function main(): Promise<void> {
  const started = performance.now();
  const env = readEnv();
  const log = processLog(env);
  const running: { infra?: Infrastructure; baton?: RunningBaton } = {};
  let stopping = false;

  const stop = async (signal: string): Promise<void> => {
    if (stopping) {
      // A second Ctrl-C means "now": leave without waiting for in-flight work.
      log.info(`${signal} again: exiting at once`);
      process.exit(130);
    }
    stopping = true;
    log.info(`${signal}: stopping…`);
    // Services closing in turn can leave a late rejection behind (a poll cut short); while stopping
    // that is noise, not a reason to end with a failure code.
    process.on('unhandledRejection', (reason) => {
      log.error(`while stopping: ${reason instanceof Error ? reason.message : String(reason)}`);
    });
    // Requests and activities in flight get the grace period; a stop that hangs (a service gone)
    // must still end.
    const limitSeconds = env.BATON_SHUTDOWN_GRACE_SECONDS + 10;
    setTimeout(() => {
      log.error(`still stopping after ${limitSeconds}s; exiting`);
      running.infra?.abandon();
      process.exit(1);
    }, limitSeconds * 1000).unref();
    await running.baton?.close().catch((e: unknown) => log.error('error while stopping the app', e));
    await running.infra?.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const infra = (running.infra = await startInfrastructure({
    dataDir: env.BATON_DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    temporalAddress: env.TEMPORAL_ADDRESS,
    namespace: env.TEMPORAL_NAMESPACE,
    postgresPort: env.BATON_PG_PORT || undefined,
    temporalPort: env.BATON_TEMPORAL_PORT || undefined,
    temporalUiPort: env.BATON_TEMPORAL_UI_PORT || undefined,
    headless: env.BATON_TEMPORAL_HEADLESS,
    log: serviceLog(env, log),
  }));
  const baton = (running.baton = await startBaton(buildConfig(env, infra)));

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (!baton.url) {
    log.info(`worker running (ready in ${seconds}s), polling ${infra.temporalAddress}`);
    return;
  }
  if (env.BATON_LOG_FORMAT === 'json') {
    log.info('Baton is running', 'baton', {
      url: baton.url,
      readySeconds: Number(seconds),
      role: env.BATON_ROLE,
    });
    return;
  }
  const lines = [
    '',
    `Baton is running (ready in ${seconds}s)`,
    `  App:          ${baton.url}/`,
    `  API docs:     ${baton.url}/api/docs   (OpenAPI: ${baton.url}/api/openapi.json)`,
    `  Health:       ${baton.url}/api/health`,
    `  Temporal UI:  ${infra.temporalUiUrl ?? '(external cluster or headless)'}`,
    `  PostgreSQL:   ${infra.embedded.postgres ? 'embedded, data in ' + env.BATON_DATA_DIR + '/pg' : 'external (DATABASE_URL)'}`,
    '',
    `Demo logins (password "${DEMO_PASSWORD}"):`,
    ...DEMO_USERS.map((u) => `  ${u.email.padEnd(22)} ${u.role}`),
    '',
    'Press Ctrl-C to stop.',
  ];
  console.log(lines.join('\n'));
}

main().catch((err: unknown) => {
  // Configuration errors come before the log format is known: plain text on stderr.
  console.error(`[baton] failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
