import { Registry } from './exposition';

/** This process's metrics: HTTP latency and the Temporal worker's own, rendered at /api/metrics. */
export const processMetrics = new Registry();
