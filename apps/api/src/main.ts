import 'reflect-metadata';
import { Logger, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { AppModule } from './app.module';
import type { BatonConfig } from './config';
import { seedDemoTeams, seedProcesses } from './database/seed/processes';
import { seedDemoData } from './database/seed/seed';
import { EngineWorkerService } from './engine/engine-worker.service';
import { configureHttp } from './http';
import { DateTriggersService } from './engine/date-triggers.service';
import { OutboxDispatcherService } from './outbox/outbox-dispatcher.service';

export interface RunningBaton {
  app: INestApplicationContext;
  url?: string;
  close(): Promise<void>;
}

/** Migrates, seeds, then runs this process's roles: the HTTP API with its dispatcher, the worker, or both. */
export async function startBaton(config: BatonConfig): Promise<RunningBaton> {
  const logger = new Logger('baton');
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger:
      config.logLevel === 'debug'
        ? ['error', 'warn', 'log', 'debug']
        : config.logLevel === 'info'
          ? ['error', 'warn', 'log']
          : ['error', 'warn'],
  });

  const orm = app.get(MikroORM);
  const migrated = await orm.getMigrator().up();
  if (migrated.length > 0) logger.log(`applied ${migrated.length} migration(s)`);
  if (config.seedDemo) {
    if (await seedDemoData(orm.em.fork() as EntityManager)) logger.log('seeded demo data');
    if (await seedDemoTeams(orm.em.fork() as EntityManager)) logger.log('seeded the demo management chain');
    const processes = await seedProcesses(orm.em.fork() as EntityManager);
    if (processes.length > 0) logger.log(`published shipped processes: ${processes.join(', ')}`);
  }

  if (config.role !== 'api') await app.get(EngineWorkerService).start();
  let url: string | undefined;
  if (config.role !== 'worker') {
    configureHttp(app, config.webDist);
    await app.listen(config.port, config.host);
    app.get(OutboxDispatcherService).start();
    app.get(DateTriggersService).start();
    url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
  } else {
    await app.init();
  }
  return { app, url, close: () => app.close() };
}
