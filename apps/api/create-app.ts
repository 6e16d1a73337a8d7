import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createValidationPipe, describeConventions } from '@duty-ledger/http';
import type { Clock } from '@duty-ledger/clock';
import { AppModule } from './app.module';
import { createLogger, ServiceMetrics } from '@duty-ledger/observability';
import { installHttpMetrics } from '@duty-ledger/observability/nest';
import { ProjectionRunner } from '@duty-ledger/projections';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RecordKeeper } from '@duty-ledger/record-integrity';
import { DEFAULT_LOG, DEFAULT_READ_CACHE, type ApiConfig } from './config';
import { installApiReadCache } from './read-cache';
import { serveWebApp } from './web-app';

/** Builds the service; used by main.ts and by the end-to-end tests, so both run the same app. */
export async function createApp(config: ApiConfig, clock?: Clock): Promise<NestFastifyApplication> {
  // Under jest (NODE_ENV=test) only errors, unless a test asks for more through config.log.
  const logger = createLogger(
    config.log ??
      (process.env.NODE_ENV === 'test' ? { ...DEFAULT_LOG, level: 'error' } : DEFAULT_LOG),
  );
  const metrics = new ServiceMetrics();
  const adapter = new FastifyAdapter({
    bodyLimit: 8 * 1024 * 1024,
    loggerInstance: logger,
    genReqId: requestIdOf,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config, clock, { metrics, logger }),
    adapter,
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  installHttpMetrics(fastify, metrics);
  const runner = app.get(ProjectionRunner);
  metrics.trackProjectionLag({
    lag: async () =>
      (await runner.status()).projections.map((p) => ({
        name: p.name,
        events: p.lagEvents,
        seconds: p.lagSeconds,
      })),
  });
  metrics.trackRecord(app.get(RecordKeeper));
  // Before init registers the routes, so its hooks run ahead of the Nest pipeline on each of them.
  const readCache = config.readCache ?? DEFAULT_READ_CACHE;
  if (readCache.enabled) installApiReadCache(app, readCache, config.jwtSecret);

  const document = describeConventions(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Duty Ledger')
        .setDescription(
          'Event-sourced responsibility tracker for government work plans. Unit names are Chinese and URL-encoded in paths.',
        )
        .setVersion('0.1.0')
        .addBearerAuth()
        .build(),
    ),
  );
  SwaggerModule.setup('docs', app, document);
  if (config.webDir) await serveWebApp(app, config.webDir);
  await app.init();
  return app;
}

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** A caller's (or proxy's) X-Request-Id when it is a plain token, else a fresh UUID. */
function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}
