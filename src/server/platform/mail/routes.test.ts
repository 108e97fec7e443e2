import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { signInAs, type TestSession } from '../../../../tests/support/sessions';
import { auditTrail, buildOrganization, buildOutboxMail, type OutboxRow } from '../../../../tests/factories';

let t: TestApp;
let admin: TestSession;
let otherAdmin: TestSession;
let organizationId: string;
let messages: OutboxRow[];
let theirs: OutboxRow;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date());
  const db = t.deps.database.db;
  organizationId = (await buildOrganization(db)).id;
  admin = await signInAs(t, ['admin'], { organizationId });
  const start = Date.now() - 10 * 60_000;
  messages = [];
  for (let index = 0; index < 3; index += 1) {
    messages.push(await buildOutboxMail(db, { organizationId, subject: `Message ${index + 1}`, now: new Date(start + index * 60_000) }));
  }
  const other = await buildOrganization(db);
  otherAdmin = await signInAs(t, ['admin'], { organizationId: other.id });
  theirs = await buildOutboxMail(db, { organizationId: other.id, subject: 'Ailleurs' });
});
afterAll(async () => t.close());
beforeEach(() => t.clock.set(new Date()));

const get = (session: TestSession, url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { ...session.headers, ...headers } });

describe('GET /api/admin/outbox', () => {
  it('lists the organisation’s messages newest first, paginated with the total', async () => {
    const first = (await get(admin, '/api/admin/outbox?pageSize=2')).json();
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.items.map((item: { subject: string }) => item.subject)).toEqual(['Message 3', 'Message 2']);
    expect(first.items[0]).not.toHaveProperty('textBody');
    const second = (await get(admin, '/api/admin/outbox?page=2&pageSize=2')).json();
    expect(second.items.map((item: { subject: string }) => item.subject)).toEqual(['Message 1']);
  });

  it('shows none of another organisation’s messages', async () => {
    const body = (await get(otherAdmin, '/api/admin/outbox')).json();
    expect(body.items.map((item: { id: string }) => item.id)).toEqual([theirs.id]);
  });

  it('validates the page in French, in English on request', async () => {
    const french = await get(admin, '/api/admin/outbox?page=0');
    expect(french.statusCode).toBe(400);
    expect(Object.keys(french.json().errors)).toEqual(['page']);
    const english = await get(admin, '/api/admin/outbox?pageSize=abc', { 'accept-language': 'en' });
    expect(english.json().title).toBe('Some information is missing or invalid.');
  });
});

describe('GET /api/admin/outbox/:id', () => {
  it('returns the message with its text, and records the reading in the audit log', async () => {
    const message = messages[0];
    if (!message) throw new Error('no message');
    const response = await get(admin, `/api/admin/outbox/${message.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: message.id, textBody: message.textBody, status: 'pending', lastError: null });
    const entry = (await auditTrail(t.deps.database.db, organizationId)).at(-1);
    expect(entry).toMatchObject({ resourceId: message.id, actorUserId: admin.user.id });
  });

  it('answers 404 for another organisation’s message and 400 for a malformed id', async () => {
    expect((await get(admin, `/api/admin/outbox/${theirs.id}`)).statusCode).toBe(404);
    expect((await get(admin, '/api/admin/outbox/nope')).statusCode).toBe(400);
  });
});
