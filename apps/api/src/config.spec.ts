import { buildConfig, readEnv } from './config';

const services = { databaseUrl: 'postgres://db/baton', temporalAddress: 'temporal:7233' };

describe('configuration', () => {
  it('applies documented defaults to an empty environment', () => {
    const config = buildConfig(readEnv({}), services);
    expect(config).toMatchObject({ port: 3000, role: 'all', dbPoolSize: 20, workerActivities: 8 });
  });

  it('lists every bad value at once', () => {
    expect(() => readEnv({ PORT: 'eighty', BATON_LOG_LEVEL: 'loud' })).toThrow(
      /PORT: .*\n.*BATON_LOG_LEVEL/s,
    );
  });

  it('refuses a pool the worker activities alone would exhaust', () => {
    const tooSmall = {
      BATON_DB_POOL_SIZE: '12',
      BATON_WORKER_ACTIVITIES: '8',
      BATON_WORKER_SLOW_ACTIVITIES: '4',
    };
    expect(() => readEnv(tooSmall)).toThrow(/BATON_DB_POOL_SIZE: must be larger than/);
    // An API-only process runs no activities, so a small pool is enough there.
    expect(readEnv({ ...tooSmall, BATON_ROLE: 'api' }).BATON_DB_POOL_SIZE).toBe(12);
    expect(buildConfig(readEnv({ BATON_DB_POOL_SIZE: '40' }), services).dbPoolSize).toBe(40);
  });
});
