/**
 * The baseline of the HTTP benches: bare fastify 5 (no NestJS, no auth, no validation, no store)
 * answering each route with a canned body of the same bytes the real app answers. Routes come
 * as JSON in BARE_ROUTES_FILE: [{ method, url, status, body, headers? }].
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

interface CannedRoute {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly status: number;
  readonly body: string;
  readonly headers?: Record<string, string>;
}

async function main(): Promise<void> {
  const routes = JSON.parse(
    readFileSync(process.env.BARE_ROUTES_FILE ?? '', 'utf8'),
  ) as CannedRoute[];
  const app = Fastify({ logger: false, bodyLimit: 8 * 1024 * 1024 });
  app.get('/health', async () => ({ status: 'ok' }));
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      handler: async (_request, reply) => {
        void reply.code(route.status).header('content-type', 'application/json; charset=utf-8');
        for (const [k, v] of Object.entries(route.headers ?? {})) void reply.header(k, v);
        return reply.send(route.body);
      },
    });
  }
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  const stop = () => void app.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
