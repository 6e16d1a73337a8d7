import { resolve } from 'node:path';
import { TestApp } from './support/test-app';

const { ensureWebBuilt } = require('../../scripts/build-web.js');

/** The web app is served from the API's origin without taking any of the API's answers. */
describe('the web app at /', () => {
  const api = new TestApp({
    ownStore: true,
    config: { webDir: resolve(__dirname, '../../dist/web') },
  });

  beforeAll(async () => {
    ensureWebBuilt({ quiet: true });
    await api.start();
  }, 180_000);
  afterAll(() => api.stop());

  it('given a browser, when it opens /, then it gets the app page without signing in', async () => {
    const page = await api.request('GET', '/', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<div id="root"></div>');
  });

  it('given a page of the app, when a browser opens its address directly, then it gets the app page', async () => {
    for (const path of [
      '/todo',
      '/supervision',
      '/target/changning-2024-digital-t02-g1',
      '/people',
    ]) {
      const page = await api.request('GET', path, { headers: { accept: 'text/html,*/*' } });
      expect({ path, status: page.status }).toEqual({ path, status: 200 });
      expect(page.body).toContain('<div id="root"></div>');
    }
  });

  it('given the built scripts, when the page loads them, then they are served and cached for good', async () => {
    const page = await api.request('GET', '/', { headers: { accept: 'text/html' } });
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(String(page.body))?.[1];
    expect(script).toBeDefined();
    const asset = await api.request('GET', script!);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('given an API client, when it asks for an unknown path or an API route, then it gets the API answer, not the page', async () => {
    const unknown = await api.request('GET', '/no-such-route', {
      headers: { accept: 'application/json' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/json/);

    const apiRoute = await api.request('GET', '/targets/changning-2024-digital-t02-g1', {
      headers: { accept: 'text/html' },
    });
    expect(apiRoute.status).toBe(401);

    const write = await api.request('POST', '/todo', {
      headers: { accept: 'text/html' },
      body: {},
    });
    expect(write.status).toBe(404);
  });
});
