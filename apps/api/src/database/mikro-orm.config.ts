import { defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export function mikroOrmConfig(databaseUrl: string, poolSize = 20) {
  return defineConfig({
    clientUrl: databaseUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    migrations: {
      migrationsList: MIGRATIONS,
      transactional: true,
      allOrNothing: true,
      tableName: 'mikro_orm_migrations',
    },
    // Entities state their column types, so no TypeScript reflection is needed at runtime.
    discovery: { requireEntitiesArray: true },
    // Shared by HTTP requests, the outbox dispatcher and (with BATON_ROLE=all) the worker's step
    // activities, whose concurrency config keeps below this so requests are never starved.
    pool: { min: 0, max: poolSize },
    // Services fork their own EntityManager outside HTTP requests (dispatcher, activities).
    allowGlobalContext: false,
    debug: false,
  });
}
