import { asc, eq } from 'drizzle-orm';
import type { TestApp } from '../../../../../tests/support/test-app';
import { totpCode, type TestUser } from '../../../../../tests/support/sessions';
import { auditEvents } from '../../audit/schema';
import { InjectClient } from './inject-client';

/** Signs a test user in through the real routes (password, then TOTP when enrolled). */
export async function signInThroughRoutes(t: TestApp, user: TestUser, client = new InjectClient(t.app)): Promise<InjectClient> {
  const first = await client.request('POST', '/api/auth/login', { email: user.email, password: user.password });
  if (first.statusCode !== 200) throw new Error(`login failed: ${first.statusCode} ${first.body}`);
  if (first.json().status === 'totp_required') {
    if (!user.totpSecret) throw new Error('TOTP required but the user has no secret');
    const second = await client.request('POST', '/api/auth/login/totp', { code: totpCode(user.totpSecret) });
    if (second.statusCode !== 200) throw new Error(`TOTP step failed: ${second.statusCode} ${second.body}`);
  }
  return client;
}

/** The audit actions of one organisation, oldest first, with their context. */
export async function auditTrail(t: TestApp, organizationId: string) {
  return t.deps.database.db
    .select({ action: auditEvents.action, actorUserId: auditEvents.actorUserId, resourceId: auditEvents.resourceId, context: auditEvents.context })
    .from(auditEvents)
    .where(eq(auditEvents.organizationId, organizationId))
    .orderBy(asc(auditEvents.id));
}
