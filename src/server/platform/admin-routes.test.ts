import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import type { TestSession } from '../../../tests/support/sessions';
import {
  buildInvitation,
  buildOrganization,
  buildOutboxMail,
  buildPeerWorker,
  buildPlatformAdminSession,
  buildRoleSessions,
  MATRIX_ROLES,
  type MatrixRole,
} from '../../../tests/factories';
import { users } from './auth/schema';

// The role matrix of every /api/admin route, and the other-organisation rule: ids of organisation A
// asked for by organisation B's administrator answer 404, never 403.
let t: TestApp;
let sessions: Record<MatrixRole, TestSession>;
let platformAdmin: TestSession;
let otherAdmin: TestSession;
let ids: { user: string; invitation: string; mail: string };

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date());
  const db = t.deps.database.db;
  const organizationA = await buildOrganization(db, { name: 'PTPR Occitanie' });
  const organizationB = await buildOrganization(db, { name: 'PTPR Bretagne' });
  sessions = await buildRoleSessions(t, organizationA.id);
  platformAdmin = await buildPlatformAdminSession(t, organizationB.id);
  otherAdmin = (await buildRoleSessions(t, organizationB.id)).admin;
  const user = await buildPeerWorker(db, { organizationId: organizationA.id });
  const { invitation } = await buildInvitation(db, { organizationId: organizationA.id });
  const mail = await buildOutboxMail(db, { organizationId: organizationA.id });
  ids = { user: user.id, invitation: invitation.id, mail: mail.id };
});
afterAll(async () => t.close());
beforeEach(() => t.clock.set(new Date()));

type Case = {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: () => string;
  payload?: () => Promise<Record<string, unknown>>;
  ok: number;
  takesId?: boolean;
  platformOnly?: boolean;
};

const unique = () => randomBytes(4).toString('hex');
const currentVersion = async () => {
  const [row] = await t.deps.database.db.select({ version: users.version }).from(users).where(eq(users.id, ids.user));
  return row?.version ?? 1;
};

const cases: Case[] = [
  { name: 'GET /api/admin/users', method: 'GET', url: () => '/api/admin/users', ok: 200 },
  { name: 'GET /api/admin/users/:id', method: 'GET', url: () => `/api/admin/users/${ids.user}`, ok: 200, takesId: true },
  {
    name: 'PATCH /api/admin/users/:id',
    method: 'PATCH',
    url: () => `/api/admin/users/${ids.user}`,
    payload: async () => ({ version: await currentVersion(), name: `Nom ${unique()}` }),
    ok: 200,
    takesId: true,
  },
  { name: 'GET /api/admin/invitations', method: 'GET', url: () => '/api/admin/invitations', ok: 200 },
  {
    name: 'POST /api/admin/invitations',
    method: 'POST',
    url: () => '/api/admin/invitations',
    payload: async () => ({ email: `inv-${unique()}@exemple.test`, name: 'Sam Invité', roles: ['peer_worker'] }),
    ok: 201,
  },
  { name: 'DELETE /api/admin/invitations/:id', method: 'DELETE', url: () => `/api/admin/invitations/${ids.invitation}`, ok: 204, takesId: true },
  { name: 'GET /api/admin/organizations', method: 'GET', url: () => '/api/admin/organizations', ok: 200, platformOnly: true },
  {
    name: 'POST /api/admin/organizations',
    method: 'POST',
    url: () => '/api/admin/organizations',
    payload: async () => {
      const slug = `ptpr-${unique()}`;
      return { name: `PTPR ${slug}`, slug, region: 'Normandie', adminName: 'Ana Admin', adminEmail: `${slug}@exemple.test` };
    },
    ok: 201,
    platformOnly: true,
  },
  { name: 'GET /api/admin/audit', method: 'GET', url: () => '/api/admin/audit', ok: 200 },
  { name: 'GET /api/admin/outbox', method: 'GET', url: () => '/api/admin/outbox', ok: 200 },
  { name: 'GET /api/admin/outbox/:id', method: 'GET', url: () => `/api/admin/outbox/${ids.mail}`, ok: 200, takesId: true },
];

async function call(route: Case, session: TestSession | null) {
  return t.app.inject({
    method: route.method,
    url: route.url(),
    headers: session?.headers ?? {},
    ...(route.payload ? { payload: await route.payload() } : {}),
  });
}

describe.each(cases)('$name', (route) => {
  it('refuses a signed-out caller with 401', async () => {
    expect((await call(route, null)).statusCode).toBe(401);
  });

  it.each(MATRIX_ROLES.filter((role) => role !== 'admin'))('refuses %s with 403', async (role) => {
    const response = await call(route, sessions[role]);
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  if (route.platformOnly) {
    it('refuses an organisation admin with 403 and serves a platform admin', async () => {
      expect((await call(route, sessions.admin)).statusCode).toBe(403);
      expect((await call(route, platformAdmin)).statusCode).toBe(route.ok);
    });
  } else {
    it(`serves an admin of the organisation (${route.ok})`, async () => {
      const response = await call(route, sessions.admin);
      expect(response.statusCode, response.body).toBe(route.ok);
    });
  }

  if (route.takesId) {
    it('answers 404 to the admin of another organisation', async () => {
      const response = await call(route, otherAdmin);
      expect(response.statusCode).toBe(404);
      expect(response.json().type).toContain('notFound');
    });
  }
});

it('every /api/admin route of the API table is covered above', () => {
  const registered = t.app.routeCatalogue
    .filter((route) => route.url.startsWith('/api/admin/') && route.method !== 'HEAD')
    .map((route) => `${route.method} ${route.url}`)
    .sort();
  const tested = cases.map((route) => route.name).sort();
  expect(registered).toEqual(tested);
});
