import { defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export function mikroOrmConfig(databaseUrl: string) {
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
    pool: { min: 0, max: 10 },
    // Services fork their own EntityManager outside HTTP requests (dispatcher, activities).
    allowGlobalContext: false,
    debug: false,
  });
}
