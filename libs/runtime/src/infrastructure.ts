import { join, resolve } from 'node:path';
import type { Log } from './log';
import { freePort } from './ports';
import { startEmbeddedPostgres } from './postgres';
import { ensureTemporalCli } from './temporal-cli';
import { startTemporalDevServer } from './temporal-server';

export interface InfrastructureOptions {
  /** Folder for the embedded services' data (`pg/`, `temporal.db`). */
  dataDir: string;
  /** External PostgreSQL; when set no embedded server is started. */
  databaseUrl?: string;
  /** External Temporal frontend (host:port); when set no dev server is started. */
  temporalAddress?: string;
  namespace: string;
  /** Fixed ports for the embedded services; free ones are picked when absent. */
  postgresPort?: number;
  temporalPort?: number;
  temporalUiPort?: number;
  /** Tests run the dev server without its Web UI. */
  headless?: boolean;
  log: (component: string) => Log;
}

export interface Infrastructure {
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  temporalUiUrl?: string;
  embedded: { postgres: boolean; temporal: boolean };
  stop(): Promise<void>;
  /**
   * When stopping took too long and the process exits now: the embedded servers are told to stop on
   * their own, so none is left running with the port and data directory held.
   */
  abandon(): void;
}

/**
 * Brings up what Baton runs on: the external services named in the options, or embedded ones —
 * a real PostgreSQL and a Temporal dev server, both keeping their data under `dataDir`.
 */
export async function startInfrastructure(options: InfrastructureOptions): Promise<Infrastructure> {
  const stops: Array<() => Promise<void>> = [];
  const abandons: Array<() => void> = [];
  const stop = async (): Promise<void> => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  const dataDir = resolve(options.dataDir);

  try {
    const [databaseUrl, temporal] = await Promise.all([
      (async () => {
        if (options.databaseUrl) return options.databaseUrl;
        const pg = await startEmbeddedPostgres({
          dataDir: join(dataDir, 'pg'),
          port: options.postgresPort ?? (await freePort()),
          database: 'baton',
          log: options.log('postgres'),
        });
        stops.push(pg.stop);
        abandons.push(pg.abandon);
        return pg.url;
      })(),
      (async () => {
        if (options.temporalAddress) return { address: options.temporalAddress, uiUrl: undefined };
        const cliPath = await ensureTemporalCli(options.log('temporal'));
        const server = await startTemporalDevServer({
          cliPath,
          dbFile: join(dataDir, 'temporal.db'),
          port: options.temporalPort ?? (await freePort()),
          uiPort: options.temporalUiPort ?? (await freePort()),
          namespace: options.namespace,
          headless: options.headless ?? false,
          log: options.log('temporal'),
        });
        stops.push(server.stop);
        abandons.push(server.abandon);
        return server;
      })(),
    ]);
    return {
      databaseUrl,
      temporalAddress: temporal.address,
      temporalUiUrl: temporal.uiUrl,
      namespace: options.namespace,
      embedded: { postgres: !options.databaseUrl, temporal: !options.temporalAddress },
      stop,
      abandon: () => abandons.forEach((abandon) => abandon()),
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
