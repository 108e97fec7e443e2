import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('route access declarations', () => {
  it('every registered route declares who may call it (public routes declare themselves public)', () => {
    const undeclared = t.app.routeCatalogue
      .filter((route) => route.method !== 'HEAD' && route.method !== 'OPTIONS')
      .filter((route) => route.access === undefined)
      .map((route) => `${route.method} ${route.url}`);
    expect(t.app.routeCatalogue.length).toBeGreaterThan(3);
    expect(undeclared).toEqual([]);
  });

  it('refuses a route that has no declaration (default deny)', async () => {
    const { buildApp } = await import('../../app');
    const app = await buildApp(t.deps);
    app.get('/api/forgotten', async () => ({ secret: true }));
    await app.ready();
    const response = await app.inject({ method: 'GET', url: '/api/forgotten' });
    expect(response.statusCode).toBe(403);
    await app.close();
  });
});

describe('files of the web app', () => {
  it('are public: @fastify/static routes are declared public on the plugin’s behalf', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const fastifyStatic = (await import('@fastify/static')).default;
    const { buildApp } = await import('../../app');
    const root = await mkdtemp(join(tmpdir(), 'passerelle-static-'));
    await writeFile(join(root, 'app.js'), 'console.log(1)');
    const app = await buildApp(t.deps);
    await app.register(fastifyStatic, { root, prefix: '/', wildcard: false });
    await app.ready();
    const response = await app.inject({ method: 'GET', url: '/app.js' });
    expect(response.statusCode).toBe(200);
    expect(app.routeCatalogue.find((route) => route.url === '/app.js')?.access).toEqual({ kind: 'public' });
    await app.close();
  });
});
