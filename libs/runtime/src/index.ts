export { startInfrastructure } from './infrastructure';
export type { Infrastructure, InfrastructureOptions } from './infrastructure';
export { startEmbeddedPostgres } from './postgres';
export type { RunningPostgres } from './postgres';
export {
  ensureTemporalCli,
  findTemporalCli,
  temporalCacheDir,
  TemporalCliUnavailableError,
  TEMPORAL_CLI_VERSION,
} from './temporal-cli';
export { startTemporalDevServer } from './temporal-server';
export type { RunningTemporal } from './temporal-server';
export { freePort } from './ports';
export { prefixedLog, silentLog } from './log';
export type { Log } from './log';
