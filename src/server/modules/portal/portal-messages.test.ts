import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrail } from '../../../../tests/factories';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { type TestSession } from '../../../../tests/support/sessions';
import { buildAccompaniment, portalWorld, signInAsPerson, type AccompanimentRow } from './testing/fixtures';

let t: TestApp;
let world: Awaited<ReturnType<typeof portalWorld>>;
let lucas: TestSession;
let ongoing: AccompanimentRow;
let closed: AccompanimentRow;
const minute = 60_000;

beforeAll(async () => {
  t = await createTestApp();
  world = await portalWorld(t);
  ongoing = await buildAccompaniment(world.db, world.person, { peerIds: [world.referent.user.id, world.volunteer.user.id] });
  closed = await buildAccompaniment(world.db, world.person, { status: 'closed', endedPeerIds: [world.referent.user.id] });
  lucas = await signInAsPerson(t, world.person);
});
afterAll(async () => t.close());

const personThread = (accompanimentId: string) => `/api/portal/accompaniments/${accompanimentId}/messages`;
const staffThread = (accompanimentId: string) => `/api/accompaniments/${accompanimentId}/portal-messages`;
const get = (session: TestSession, url: string) => t.app.inject({ method: 'GET', url, headers: session.headers });
const post = (session: TestSession, url: string, body: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers: { ...session.headers, ...headers }, payload: { body } });

describe('messages between the person and their peers', () => {
  it('the person writes; the peer reads it (marked read) and answers; the person sees the answer as new, then read', async () => {
    const sent = await post(lucas, personThread(ongoing.id), '  Bonjour Sophie, je ne pourrai pas venir jeudi.  ');
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ body: 'Bonjour Sophie, je ne pourrai pas venir jeudi.', fromMe: true, readAt: null, authorFirstName: 'Lucas' });

    const unread = (await get(world.referent, '/api/portal-messages/unread')).json();
    expect(unread.items).toEqual([{ accompanimentId: ongoing.id, unread: 1, lastSentAt: t.clock.now.toISOString() }]);

    t.clock.advance(5 * minute);
    const staffView = await get(world.referent, staffThread(ongoing.id));
    expect(staffView.statusCode).toBe(200);
    expect(staffView.json()).toMatchObject({ total: 1, policies: { answer: true } });
    expect(staffView.json().items[0]).toMatchObject({ fromPerson: true, author: { id: lucas.user.id }, readAt: t.clock.now.toISOString() });
    expect((await get(world.referent, '/api/portal-messages/unread')).json().items).toEqual([]);

    t.clock.advance(minute);
    const answer = await post(world.referent, staffThread(ongoing.id), 'Merci de m’avoir prévenue. On se voit mardi ?');
    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toMatchObject({ fromPerson: false, author: { id: world.referent.user.id, name: 'Sophie Aubert' } });

    const home = (await get(lucas, '/api/portal/home')).json();
    expect(home.accompaniments.find((item: { id: string }) => item.id === ongoing.id).unreadMessages).toBe(1);
    t.clock.advance(minute);
    const thread = (await get(lucas, personThread(ongoing.id))).json();
    expect(thread).toMatchObject({ total: 2, canWrite: true });
    // Newest first: the answer (now read by the person), then the person's own message, read by the peer.
    expect(thread.items[0]).toMatchObject({ fromMe: false, authorFirstName: 'Sophie', readAt: t.clock.now.toISOString() });
    expect(thread.items[1]).toMatchObject({ fromMe: true, readAt: expect.any(String) });
    expect(JSON.stringify(thread)).not.toContain('Aubert');
    expect((await get(lucas, '/api/portal/home')).json().accompaniments[0].unreadMessages).toBe(0);
  });

  it('a coordinator reads and answers too, but their reading leaves the person’s messages new for the peers', async () => {
    await post(lucas, personThread(ongoing.id), 'Une question pour l’équipe.');
    const view = (await get(world.coordinator, staffThread(ongoing.id))).json();
    expect(view.items[0]).toMatchObject({ body: 'Une question pour l’équipe.', readAt: null });
    expect((await post(world.coordinator, staffThread(ongoing.id), 'Je transmets à Sophie.')).statusCode).toBe(201);
    // The volunteer of the binôme is a peer of the accompaniment: they read it (and open it).
    expect((await get(world.volunteer, staffThread(ongoing.id))).statusCode).toBe(200);
  });

  it('staff access follows the accompaniment: another peer and another organisation get 404, a trainer 403', async () => {
    for (const session of [world.otherPeer, world.foreignCoordinator]) {
      expect((await get(session, staffThread(ongoing.id))).statusCode).toBe(404);
      expect((await post(session, staffThread(ongoing.id), 'Intrusion')).statusCode).toBe(404);
    }
    expect((await get(world.trainer, staffThread(ongoing.id))).statusCode).toBe(403);
    expect((await post(world.trainer, staffThread(ongoing.id), 'Intrusion')).statusCode).toBe(403);
    expect((await get(world.trainer, '/api/portal-messages/unread')).statusCode).toBe(403);
  });

  it('a closed accompaniment is history: readable, but nobody writes in it (409)', async () => {
    const thread = (await get(lucas, personThread(closed.id))).json();
    expect(thread.canWrite).toBe(false);
    const refused = await post(lucas, personThread(closed.id), 'Encore là ?');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors.accompaniment[0]).toContain('terminé');
    expect((await post(world.coordinator, staffThread(closed.id), 'Réponse tardive')).statusCode).toBe(409);
    expect((await get(world.coordinator, staffThread(closed.id))).json().policies.answer).toBe(false);
  });

  it('an empty message is refused with a field message in the reader’s language', async () => {
    const french = await post(lucas, personThread(ongoing.id), '   ');
    expect(french.statusCode).toBe(400);
    expect(french.json().errors.body).toHaveLength(1);
    const english = await post(lucas, personThread(ongoing.id), '', { 'accept-language': 'en' });
    expect(english.statusCode).toBe(400);
    expect(english.json().title).toBe('Some information is missing or invalid.');
  });

  it('writes and reads are audited with ids only, never the text', async () => {
    const trail = await auditTrail(world.db, world.organizationId);
    const sent = trail.filter((row) => row.action === 'portal.message.sent');
    expect(sent.map((row) => row.context.side)).toEqual(['person', 'staff', 'person', 'staff']);
    expect(sent.every((row) => row.resourceType === 'accompaniment' && row.resourceId === ongoing.id)).toBe(true);
    const reads = trail.filter((row) => row.action === 'portal.messages.read');
    expect(reads.find((row) => row.actorUserId === world.referent.user.id)).toMatchObject({ context: { side: 'staff', markedRead: 1 } });
    expect(JSON.stringify(trail)).not.toContain('Bonjour Sophie');
  });
});
