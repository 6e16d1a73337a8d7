import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Serves the built web app (apps/web, built into webDir by scripts/build-web.js) from the API's
 * own origin, so the browser's session cookie and CSRF header need no CORS. Files are served as
 * they are; a browser asking for a page the API does not have (a client-side route such as
 * /todo or /target/…) gets index.html and the app routes it. API clients keep their JSON 404s:
 * only GET/HEAD requests that accept HTML and match no route fall back.
 * Returns false when webDir holds no build (the API then serves no pages).
 */
export async function serveWebApp(app: NestFastifyApplication, webDir: string): Promise<boolean> {
  const indexFile = join(webDir, 'index.html');
  if (!existsSync(indexFile)) return false;
  const indexHtml = readFileSync(indexFile);
  const fastify = app.getHttpAdapter().getInstance();

  await app.register(fastifyStatic, {
    root: webDir,
    // The Swagger UI registers this plugin too; only one may decorate reply.sendFile.
    decorateReply: false,
    // One route per built file, fixed at start: no wildcard route to shadow the API's 404s.
    wildcard: false,
    index: false,
    setHeaders: (reply, path) => {
      // Vite names assets by their content hash: they never change under the same name.
      reply.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });

  const sendIndex = (reply: FastifyReply) =>
    reply
      .code(200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(indexHtml);
  fastify.get('/', (_request, reply) => sendIndex(reply));
  fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done) => {
    if (request.is404 && wantsPage(request)) {
      void sendIndex(reply);
      return;
    }
    done();
  });
  return true;
}

function wantsPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html');
}
