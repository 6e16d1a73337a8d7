import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createValidationPipe } from '@duty-ledger/http';
import type { Clock } from '@duty-ledger/clock';
import { AppModule } from './app.module';
import { DEFAULT_READ_CACHE, type ApiConfig } from './config';
import { installApiReadCache } from './read-cache';
import { serveWebApp } from './web-app';

/** Builds the service; used by main.ts and by the end-to-end tests, so both run the same app. */
export async function createApp(config: ApiConfig, clock?: Clock): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: 8 * 1024 * 1024 });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config, clock),
    adapter,
    {
      logger: process.env.NODE_ENV === 'test' ? ['error'] : ['log', 'warn', 'error'],
    },
  );
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  // Before init registers the routes, so its hooks run ahead of the Nest pipeline on each of them.
  const readCache = config.readCache ?? DEFAULT_READ_CACHE;
  if (readCache.enabled) installApiReadCache(app, readCache, config.jwtSecret);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Duty Ledger')
      .setDescription(
        'Event-sourced responsibility tracker for government work plans. Unit names are Chinese and URL-encoded in paths.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  if (config.webDir) await serveWebApp(app, config.webDir);
  await app.init();
  return app;
}
