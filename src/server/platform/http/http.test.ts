import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { BODY_LIMIT_BYTES } from '../../app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('health', () => {
  it('answers ok with the kind of database and the package version', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      database: process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });
});

describe('problem responses', () => {
  it('answers an unknown route with 404 problem+json in French by default', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 404, title: 'Cette adresse n’existe pas.' });
  });

  it('answers in English when asked', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nope', headers: { 'accept-language': 'en-GB,en' } });
    expect(response.json()).toMatchObject({ title: 'This address does not exist.' });
  });

  it('answers a body over 1 MB with 413', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/health',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ big: 'x'.repeat(BODY_LIMIT_BYTES + 10) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('sets a strict Content-Security-Policy and other security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document that lists the routes', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/api/health');
  });

  it('documents every API route (all but the document itself)', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(Object(operations)).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const toOpenApiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');
    const missing = t.app.routeCatalogue
      .filter((route) => route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && route.url !== '/api/openapi.json')
      .filter((route) => route.method !== 'HEAD' && route.method !== 'OPTIONS')
      .map((route) => `${route.method} ${toOpenApiPath(route.url)}`)
      .filter((key) => !documented.has(key));
    expect(missing).toEqual([]);
  });

  it('serves the documentation page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<html');
  });
});

describe('field messages', () => {
  it('never shows a regular expression; keeps a rule’s own message; speaks English on request', async () => {
    const { z } = await import('zod');
    const { buildApp } = await import('../../app');
    const app = await buildApp(t.deps);
    app.post(
      '/api/probe/fields',
      {
        config: { access: { kind: 'public' } },
        schema: {
          body: z.object({
            commune: z.string().regex(/^\d{5}$/),
            age: z.number().refine((value) => value >= 18, 'Il faut être majeur·e.'),
          }),
        },
      },
      async () => ({ ok: true }),
    );
    await app.ready();
    const send = (language: string) =>
      app.inject({
        method: 'POST',
        url: '/api/probe/fields',
        headers: { 'accept-language': language },
        payload: { commune: 'abc', age: 12 },
      });
    const french = (await send('fr')).json();
    expect(french.errors).toEqual({ commune: ['Format invalide.'], age: ['Il faut être majeur·e.'] });
    expect((await send('en')).json().errors.commune).toEqual(['Invalid format.']);
    await app.close();
  });
});
