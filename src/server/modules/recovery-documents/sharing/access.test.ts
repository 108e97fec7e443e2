import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../../tests/support/test-app';
import type { TestSession } from '../../../../../tests/support/sessions';
import { call, createSharingTestApp, publicCall, shareWith, sharingWorld, type SharingWorld } from '../../../../../tests/factories/recovery-sharing';
import { signInNamed } from '../../portal/testing/fixtures';

/**
 * The access matrix of the issue on the sharing routes: owner, facilitator, other peer,
 * coordinator, share recipient, expired recipient, revoked recipient, another person, other
 * organisation. Only the owner manages; only the people the owner chose read; all else is 404.
 */
let t: TestApp;
let w: SharingWorld;
let actors: Record<string, TestSession>;
let shares: { active: string; expired: string; revoked: string };
let link: { token: string; code: string; revokedToken: string };

beforeAll(async () => {
  t = await createSharingTestApp();
  w = await sharingWorld(t);
  const revokedRecipient = await signInNamed(t, ['peer_worker'], 'Hugo Revel', w.organizationId);
  const hour = 3_600_000;
  const active = await shareWith(t, w.lucas, w.wrap.id, { recipient: { kind: 'user', userId: w.partner.user.id }, scopeSections: ['supporters'] });
  const expired = await shareWith(t, w.lucas, w.wrap.id, { recipient: { kind: 'user', userId: w.volunteer.user.id }, expiresAt: new Date(t.clock.now.getTime() + hour).toISOString() });
  const revoked = await shareWith(t, w.lucas, w.wrap.id, { recipient: { kind: 'user', userId: revokedRecipient.user.id } });
  await call(t, w.lucas, 'POST', `/api/recovery-documents/${w.wrap.id}/shares/${revoked.share.id}/revoke`);
  const outside = await shareWith(t, w.lucas, w.wrap.id, { recipient: { kind: 'external', email: 'cmp@exemple.test', label: 'CMP' }, channel: 'link' });
  const outsideRevoked = await shareWith(t, w.lucas, w.wrap.id, { recipient: { kind: 'external', email: 'cmp2@exemple.test', label: 'CMP 2' }, channel: 'link' });
  await call(t, w.lucas, 'POST', `/api/recovery-documents/${w.wrap.id}/shares/${outsideRevoked.share.id}/revoke`);
  t.clock.advance(2 * hour);
  shares = { active: active.share.id, expired: expired.share.id, revoked: revoked.share.id };
  link = { token: outside.link?.split('/partage/')[1] ?? '', code: outside.accessCode ?? '', revokedToken: outsideRevoked.link?.split('/partage/')[1] ?? '' };
  actors = {
    owner: w.lucas,
    facilitator: w.referent,
    otherPeer: w.otherPeer,
    coordinator: w.coordinator,
    recipient: w.partner,
    expiredRecipient: w.volunteer,
    revokedRecipient,
    otherPerson: w.nadia,
    otherOrganisation: w.foreignCoordinator,
    otherOrganisationPeer: w.foreignPeer,
  };
});
afterAll(async () => t.close());

const everyoneBut = (allowed: Record<string, number>, otherwise = 404) =>
  Object.fromEntries(Object.keys(actors).map((name) => [name, allowed[name] ?? otherwise]));

describe('access matrix of the sharing routes', () => {
  const cases: [string, 'GET' | 'POST' | 'DELETE', () => string, () => unknown, () => Record<string, number>][] = [
    ['list shares', 'GET', () => `/api/recovery-documents/${w.wrap.id}/shares`, () => undefined, () => everyoneBut({ owner: 200 })],
    ['share recipients', 'GET', () => `/api/recovery-documents/${w.wrap.id}/share-recipients`, () => undefined, () => everyoneBut({ owner: 200 })],
    ['views', 'GET', () => `/api/recovery-documents/${w.wrap.id}/views`, () => undefined, () => everyoneBut({ owner: 200 })],
    ['copies', 'GET', () => `/api/recovery-documents/${w.wrap.id}/copies`, () => undefined, () => everyoneBut({ owner: 200 })],
    ['crisis card status', 'GET', () => `/api/recovery-documents/${w.wrap.id}/crisis-card`, () => undefined, () => everyoneBut({ owner: 200 })],
    ['withdrawal proof', 'GET', () => `/api/recovery-documents/${w.wrap.id}/shares/${shares.revoked}/withdrawal-proof.pdf`, () => undefined, () => everyoneBut({ owner: 200 })],
    ['version PDF', 'GET', () => `/api/recovery-documents/${w.wrap.id}/versions/1/pdf`, () => undefined, () => everyoneBut({ owner: 200, facilitator: 200 })],
    ['read a share', 'GET', () => `/api/shared-with-me/${shares.active}`, () => undefined, () => everyoneBut({ recipient: 200 })],
    ['share PDF', 'GET', () => `/api/shared-with-me/${shares.active}/pdf`, () => undefined, () => everyoneBut({ recipient: 200 })],
    ['read the expired share', 'GET', () => `/api/shared-with-me/${shares.expired}`, () => undefined, () => everyoneBut({})],
    ['read the revoked share', 'GET', () => `/api/shared-with-me/${shares.revoked}`, () => undefined, () => everyoneBut({})],
    // Writes last: with an invalid body a permitted caller gets 400 (nothing changes), anyone else 404 before the body is looked at.
    ['create a share', 'POST', () => `/api/recovery-documents/${w.wrap.id}/shares`, () => ({ versionNo: null, recipient: { kind: 'user', userId: w.partner.user.id }, purpose: 'x', scopeSections: null, expiresAt: '2020-01-01T00:00:00Z', channel: 'portal' }), () => everyoneBut({ owner: 400 })],
    ['revoke a share', 'POST', () => `/api/recovery-documents/${w.wrap.id}/shares/${shares.revoked}/revoke`, () => undefined, () => everyoneBut({ owner: 200 })],
    ['add a copy', 'POST', () => `/api/recovery-documents/${w.wrap.id}/copies`, () => ({ holder: 'X', kind: 'paper', givenOn: '2099-01-01' }), () => everyoneBut({ owner: 400 })],
    ['make a crisis card', 'POST', () => `/api/recovery-documents/${w.wrap.id}/crisis-card`, () => ({ sectionCodes: ['wellness_toolbox'] }), () => everyoneBut({ owner: 400 })],
    ['withdraw the crisis card', 'DELETE', () => `/api/recovery-documents/${w.wrap.id}/crisis-card`, () => undefined, () => everyoneBut({ owner: 409 })],
  ];

  it.each(cases)('%s', async (_name, method, url, body, expected) => {
    const got: Record<string, number> = {};
    for (const [name, session] of Object.entries(actors)) got[name] = (await call(t, session, method, url(), body())).statusCode;
    expect(got).toEqual(expected());
  });

  it('lists only the shares in force of the signed-in recipient', async () => {
    const list = async (session: TestSession) => (await call(t, session, 'GET', '/api/shared-with-me')).json().items.map((item: { shareId: string }) => item.shareId);
    expect(await list(actors.recipient as TestSession)).toEqual([shares.active]);
    for (const name of ['expiredRecipient', 'revokedRecipient', 'owner', 'coordinator', 'otherOrganisation']) expect(await list(actors[name] as TestSession)).toEqual([]);
  });

  it('signed out: 401 on the signed-in routes; the outside link answers 400 to a wrong code and 410 once revoked', async () => {
    expect((await call(t, null, 'GET', `/api/recovery-documents/${w.wrap.id}/shares`)).statusCode).toBe(401);
    expect((await call(t, null, 'GET', `/api/shared-with-me/${shares.active}`)).statusCode).toBe(401);
    expect((await publicCall(t, 'POST', `/api/public/shared/${link.token}/open`, { code: 'ZZZZ ZZZZ' })).statusCode).toBe(400);
    expect((await publicCall(t, 'POST', `/api/public/shared/${link.revokedToken}/open`, { code: link.code })).statusCode).toBe(410);
    expect((await publicCall(t, 'GET', `/api/public/shared/${link.revokedToken}`)).statusCode).toBe(410);
  });
});
