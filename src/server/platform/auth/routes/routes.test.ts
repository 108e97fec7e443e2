import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../tests/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('authentication routes', () => {
  it('declare the access rule of the API table (docs/api-foundation.md)', () => {
    const declared = Object.fromEntries(
      t.app.routeCatalogue
        .filter((route) => route.url.startsWith('/api/auth/') && route.method !== 'HEAD')
        .map((route) => [`${route.method} ${route.url}`, route.access]),
    );
    const beforeTwoFactor = { kind: 'session', beforeTwoFactor: true };
    expect(declared).toEqual({
      'GET /api/auth/session': beforeTwoFactor,
      'PATCH /api/auth/me': { kind: 'session' },
      'POST /api/auth/logout': beforeTwoFactor,
      'POST /api/auth/login': { kind: 'public' },
      'POST /api/auth/login/totp': { kind: 'public' },
      'POST /api/auth/login/recovery': { kind: 'public' },
      'POST /api/auth/two-factor/setup': beforeTwoFactor,
      'POST /api/auth/two-factor/confirm': beforeTwoFactor,
      'POST /api/auth/password/change': beforeTwoFactor,
      'POST /api/auth/password/forgot': { kind: 'public' },
      'POST /api/auth/password/reset': { kind: 'public' },
      'GET /api/auth/invitations/:token': { kind: 'public' },
      'POST /api/auth/invitations/accept': { kind: 'public' },
    });
  });

  it('appear in the OpenAPI document under the "auth" tag with a French summary', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const login = document.paths['/api/auth/login'].post;
    expect(login.tags).toEqual(['auth']);
    expect(login.summary).toBe('Se connecter (e-mail et mot de passe)');
    expect(login.requestBody.content['application/json'].schema.properties).toHaveProperty('email');
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/api/auth/'))).toHaveLength(13);
  });
});
