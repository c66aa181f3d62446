import 'reflect-metadata';
import type { Server } from 'node:http';
import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { MikroORM } from '@mikro-orm/postgresql';
import { AppModule } from './app.module';
import type { BatonConfig } from './config';
import { seedDemoTeams, seedProcesses } from './database/seed/processes';
import { seedDemoData } from './database/seed/seed';
import { EngineWorkerService } from './engine/engine-worker.service';
import { Lifecycle } from './health/lifecycle';
import { configureHttp, configureOpsHttp } from './http';
import { DateTriggersService } from './engine/date-triggers.service';
import { BatonLogger } from './logging/baton-logger';
import { OutboxDispatcherService } from './outbox/outbox-dispatcher.service';

export interface RunningBaton {
  app: INestApplicationContext;
  url?: string;
  close(): Promise<void>;
}

// Any constant will do, as long as every Baton process uses the same one.
const STARTUP_LOCK = 0x6261746f6e; // "baton"

/**
 * Runs `fn` while holding a PostgreSQL advisory lock, so replicas starting together migrate and
 * seed one after the other instead of racing to create the same tables and rows.
 */
async function exclusively<T>(orm: MikroORM, fn: () => Promise<T>): Promise<T> {
  const knex = orm.em.getConnection().getKnex();
  const client = (await knex.client.acquireConnection()) as {
    query(sql: string, values: unknown[]): Promise<unknown>;
  };
  try {
    await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
    try {
      return await fn();
    } finally {
      await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]);
    }
  } finally {
    await knex.client.releaseConnection(client);
  }
}

async function migrateAndSeed(orm: MikroORM, config: BatonConfig, logger: BatonLogger): Promise<void> {
  const migrated = await orm.getMigrator().up();
  if (migrated.length > 0) logger.log(`applied ${migrated.length} migration(s)`, 'baton');
  if (!config.seedDemo) return;
  if (await seedDemoData(orm.em.fork())) logger.log('seeded demo data', 'baton');
  if (await seedDemoTeams(orm.em.fork())) logger.log('seeded the demo management chain', 'baton');
  const processes = await seedProcesses(orm.em.fork());
  if (processes.length > 0) logger.log(`published shipped processes: ${processes.join(', ')}`, 'baton');
}

/** Migrates, seeds, then runs this process's roles: the HTTP API with its dispatcher, the worker, or both. */
export async function startBaton(config: BatonConfig): Promise<RunningBaton> {
  const logger = new BatonLogger(config.logFormat, config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger,
  });

  const orm = app.get<MikroORM>(MikroORM);
  await exclusively(orm, () => migrateAndSeed(orm, config, logger));

  const lifecycle = app.get(Lifecycle);
  const worker = app.get(EngineWorkerService);
  if (config.role !== 'api') await worker.start();
  let url: string | undefined;
  let server: Server | undefined;
  if (config.role !== 'worker') {
    configureHttp(app, config.webDist, { logger, lifecycle, trustProxy: config.trustProxy });
    await app.listen(config.port, config.host);
    app.get(OutboxDispatcherService).start();
    app.get(DateTriggersService).start();
    url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
    server = app.getHttpServer();
  } else if (config.workerPort !== null) {
    configureOpsHttp(app, { logger, lifecycle });
    await app.listen(config.workerPort, config.host);
    server = app.getHttpServer();
  } else {
    await app.init();
  }

  return {
    app,
    url,
    async close() {
      // Requests and activities in flight finish side by side within one grace period; only then do
      // the dispatcher, the database pool and the Temporal connections close.
      const graceMs = config.shutdownGraceSeconds * 1000;
      const started = Date.now();
      const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
      const [unfinished] = await Promise.all([
        lifecycle.drain(server, graceMs).then((n) => {
          if (server) logger.log(`HTTP requests drained in ${seconds()}s`, 'baton');
          return n;
        }),
        worker.drain().then(() => {
          if (config.role !== 'api') logger.log(`worker drained in ${seconds()}s`, 'baton');
        }),
      ]);
      if (unfinished > 0) logger.warn(`${unfinished} request(s) cut off after the grace period`, 'baton');
      await app.close();
      logger.log(`stopped in ${seconds()}s`, 'baton');
    },
  };
}
