import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { App } from './types';

/** Prometheus metrics on /metrics: process defaults plus request counts and latencies by route. */
export function registerMetrics(app: App) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'servicepact_' });
  const requests = new Counter({
    name: 'servicepact_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'servicepact_http_request_duration_seconds',
    help: 'HTTP request duration by method and route',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: reply.statusCode });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
