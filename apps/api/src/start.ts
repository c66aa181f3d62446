// `npm start`: the whole product in one process tree — embedded PostgreSQL and Temporal (unless
// DATABASE_URL / TEMPORAL_ADDRESS point elsewhere), migrations, demo data, API, worker and web app.
import { performance } from 'node:perf_hooks';
import { startInfrastructure, type Infrastructure, type Log } from '@baton/runtime';
import { buildConfig, readEnv } from './config';
import { DEMO_PASSWORD, DEMO_USERS } from './database/seed/demo-data';
import { startBaton, type RunningBaton } from './main';

// The embedded servers are chatty; show their problems, not their routine.
function serviceLog(component: string): Log {
  const verbose = process.env.BATON_LOG_LEVEL === 'debug';
  return (message) => {
    for (const line of message.split('\n')) {
      if (!line.trim()) continue;
      const important =
        /\b(ERROR|FATAL|PANIC|level=ERROR|error:)/i.test(line) ||
        /building|Temporal CLI|initialising|stopping|…/.test(line);
      if (verbose || important) console.log(`[${component}] ${line}`);
    }
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const env = readEnv();
  const running: { infra?: Infrastructure; baton?: RunningBaton } = {};
  let stopping = false;

  const stop = async (signal: string): Promise<void> => {
    if (stopping) {
      // A second Ctrl-C means "now": leave without waiting for in-flight work.
      console.log(`\n[baton] ${signal} again: exiting at once`);
      process.exit(130);
    }
    stopping = true;
    console.log(`\n[baton] ${signal}: stopping…`);
    // Services closing in turn can leave a late rejection behind (a poll cut short); while stopping
    // that is noise, not a reason to end with a failure code.
    process.on('unhandledRejection', (reason) => {
      console.error(`[baton] while stopping: ${reason instanceof Error ? reason.message : String(reason)}`);
    });
    // In-flight activities get time to finish; a stop that hangs (a service gone) must still end.
    setTimeout(() => {
      console.error('[baton] still stopping after 30s; exiting');
      process.exit(1);
    }, 30_000).unref();
    await running.baton
      ?.close()
      .catch((e: unknown) => console.error('[baton] error while stopping the app', e));
    await running.infra?.stop();
    console.log('[baton] stopped');
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
    log: serviceLog,
  }));
  const baton = (running.baton = await startBaton(buildConfig(env, infra)));

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (!baton.url) {
    console.log(`[baton] worker running (ready in ${seconds}s), polling ${infra.temporalAddress}`);
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
  console.error(`[baton] failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
