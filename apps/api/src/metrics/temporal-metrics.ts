import { MetricsBuffer } from '@temporalio/worker';
import { processMetrics } from './registry';

/**
 * Where the Temporal SDK's worker metrics (task slots, poll latency, activity execution latency …)
 * land when the worker runs in this process; they are served with Baton's own at /api/metrics.
 */
export const temporalMetricsBuffer = new MetricsBuffer({
  maxBufferSize: 50_000,
  useSecondsForDurations: true,
});

/** Folds the SDK's buffered updates into this process's metrics; call often enough to keep the buffer small. */
export function collectTemporalMetrics(): void {
  for (const { metric, value, attributes } of temporalMetricsBuffer.retrieveUpdates()) {
    const help = metric.description || metric.name;
    switch (metric.kind) {
      case 'counter':
        processMetrics.counter(metric.name, help).inc(attributes, value);
        break;
      case 'up-down-counter':
        processMetrics.gauge(metric.name, help).add(attributes, value);
        break;
      case 'gauge':
        processMetrics.gauge(metric.name, help).set(attributes, value);
        break;
      case 'histogram':
        processMetrics.histogram(metric.name, help).observe(attributes, value);
        break;
    }
  }
}
