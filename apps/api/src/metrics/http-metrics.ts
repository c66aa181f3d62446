import type { Request } from 'express';
import { processMetrics } from './registry';

const requestDuration = processMetrics.histogram(
  'http_request_duration_seconds',
  'Time to answer an HTTP request, by route template, method and status',
);

// Labels are route templates, never raw paths: one series per route, whatever the ids in the URL.
function routeOf(req: Request): string {
  const template = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof template === 'string') return `${req.baseUrl}${template}`;
  return req.originalUrl.startsWith('/api') ? 'unmatched' : 'static';
}

/** Records one answered request; returns the route label it was counted under. */
export function observeHttpRequest(req: Request, status: number, seconds: number): string {
  const route = routeOf(req);
  requestDuration.observe({ method: req.method, route, status }, seconds);
  return route;
}
