import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import './zod-messages';
import { registerAuthentication } from './authenticate';
import type { AppContext } from './context';
import { errorHandler } from './error-handler';
import { registerMetrics } from './metrics';
import type { App } from './types';
import { apiModules } from './modules';
import { healthRoutes } from '../modules/health/health.routes';
import { calendarFeedPublicRoutes } from '../modules/calendar-feeds/calendar-feeds.routes';

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export type BuildOptions = { logger?: FastifyBaseLogger };

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: ctx.config.bodyLimitBytes,
    trustProxy: ctx.config.trustProxy,
    return503OnClosing: true,
    // Signed survey links carry their payload in the path (about 190 characters); 100 is the default.
    routerOptions: { maxParamLength: 1000 },
    // The API refuses unknown fields itself; Fastify's ajv is not used for Zod schemas.
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  app.decorate('ctx', ctx);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The component library injects style attributes at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        // Helmet adds upgrade-insecure-requests by default, which breaks plain-http local installs.
        upgradeInsecureRequests: null,
      },
    },
    // Same reason: HSTS is the reverse proxy's business when it terminates TLS.
    strictTransportSecurity: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'servicepact API',
        version: '1',
        description:
          'REST API of servicepact. Authenticate with a session cookie (send the CSRF token from GET /api/v1/session in the X-CSRF-Token header on writes) or with an API token in `Authorization: Bearer <token>`. Errors share one body: `{ "error": { "code", "message", "fields"? } }`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'sp_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerAuthentication(app);
  registerMetrics(app);
  await app.register(healthRoutes);
  for (const mod of apiModules) await app.register(mod, { prefix: '/api/v1' });
  // Calendar apps fetch feeds by their secret URL, without a session, outside the API's prefix.
  await app.register(calendarFeedPublicRoutes);

  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });

  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api') && (request.headers.accept ?? '').includes('text/html');
    if (isPage && hasWeb) return reply.type('text/html').sendFile('index.html');
    if (isPage) return reply.type('text/html').send('<h1>servicepact</h1><p>The web app is not built. Run <code>npm run build</code>.</p>');
    return reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` } });
  });

  return app;
}
