import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrail, buildInvitation } from '../../../../tests/factories';
import { buildPerson } from '../../../../tests/factories/persons';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { signIn, type TestSession } from '../../../../tests/support/sessions';
import { invitations, mailOutbox, persons, userRoles, users } from '../../db/schema';
import { personAccounts } from './schema';
import { acceptInvitation, invitationTokenSentTo, portalWorld, signInAsPerson } from './testing/fixtures';

let t: TestApp;
let world: Awaited<ReturnType<typeof portalWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  world = await portalWorld(t);
});
afterAll(async () => t.close());

const invite = (session: TestSession, personId: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/persons/${personId}/portal-invitation`, headers: { ...session.headers, ...headers } });
const status = (session: TestSession, personId: string) =>
  t.app.inject({ method: 'GET', url: `/api/persons/${personId}/portal-account`, headers: session.headers });

describe('inviting a person to their personal space', () => {
  it('a referent peer worker invites: the mail goes to the record’s address, the invitation is tied to the record', async () => {
    const { referent, person, organizationId } = world;
    const response = await invite(referent, person.id);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ status: 'invited', email: person.email, invitedAt: t.clock.now.toISOString(), policies: { invite: true } });

    const [invitation] = await world.db.select().from(invitations).where(eq(invitations.email, person.email ?? ''));
    expect(invitation).toMatchObject({ organizationId, roles: ['person'], name: 'Lucas Morel', invitedBy: referent.user.id });
    const [mail] = await world.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, person.email ?? ''));
    expect(mail?.textBody).toContain('vous accompagne vous propose un espace personnel');
    expect(mail?.textBody).not.toContain('administrateur');

    const trail = await auditTrail(world.db, organizationId);
    expect(trail.find((row) => row.action === 'portal.invitation.issued')).toMatchObject({
      actorUserId: referent.user.id,
      resourceType: 'invitation',
      resourceId: invitation?.id,
      context: { personId: person.id },
    });
    expect((await status(referent, person.id)).json()).toMatchObject({ status: 'invited' });
  });

  it('refuses a peer who does not follow the person, a volunteer, a trainer and another organisation (404)', async () => {
    for (const session of [world.otherPeer, world.volunteer, world.trainer, world.foreignCoordinator]) {
      expect((await invite(session, world.person.id)).statusCode).toBe(404);
      expect((await status(session, world.person.id)).statusCode).toBe(404);
    }
  });

  it('refuses an address that already opens another account (409), without sending anything', async () => {
    const sharing = await buildPerson(world.db, { organizationId: world.organizationId, firstName: 'Partage', email: world.trainer.user.email, referentIds: [world.referent.user.id] });
    const response = await invite(world.referent, sharing.id);
    expect(response.statusCode).toBe(409);
    expect(response.json().type).toBe('about:blank#emailTaken');
    expect(await world.db.select().from(invitations).where(eq(invitations.email, world.trainer.user.email))).toEqual([]);
  });

  it('a coordinator invites any person of the organisation', async () => {
    const other = await buildPerson(world.db, { organizationId: world.organizationId, firstName: 'Inès', email: 'ines.portail@exemple.test' });
    expect((await invite(world.coordinator, other.id)).statusCode).toBe(201);
  });

  it('needs an address on the record (400, French or English) and refuses a second account (409)', async () => {
    const withoutEmail = await buildPerson(world.db, { organizationId: world.organizationId, firstName: 'Sans', referentIds: [world.referent.user.id] });
    const french = await invite(world.referent, withoutEmail.id);
    expect(french.statusCode).toBe(400);
    expect(french.json().errors.email[0]).toContain('n’a pas d’adresse e-mail');
    const english = await invite(world.referent, withoutEmail.id, { 'accept-language': 'en' });
    expect(english.json().errors.email[0]).toContain('has no email address');

    const withAccount = await buildPerson(world.db, { organizationId: world.organizationId, firstName: 'Déjà', email: 'deja.inscrite@exemple.test', referentIds: [world.referent.user.id] });
    await signInAsPerson(t, withAccount);
    const again = await invite(world.referent, withAccount.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().errors.person[0]).toContain('déjà un compte');
    expect((await status(world.referent, withAccount.id)).json()).toMatchObject({ status: 'active', policies: { invite: false } });
  });
});

describe('accepting the invitation', () => {
  it('creates the account and links it to the record in the same transaction; the person lands on their own space without 2FA', async () => {
    const person = await buildPerson(world.db, { organizationId: world.organizationId, firstName: 'Nina', lastName: 'Durand', email: 'nina.durand@exemple.test', referentIds: [world.referent.user.id] });
    expect((await invite(world.referent, person.id)).statusCode).toBe(201);
    const token = await invitationTokenSentTo(world.db, world.organizationId, 'nina.durand@exemple.test');
    expect((await acceptInvitation(t, token, 'une-phrase-de-passe-solide')).statusCode).toBe(204);

    const [user] = await world.db.select().from(users).where(eq(users.email, 'nina.durand@exemple.test'));
    const [link] = await world.db.select().from(personAccounts).where(eq(personAccounts.personId, person.id));
    expect(link).toMatchObject({ userId: user?.id, organizationId: world.organizationId, invitedBy: world.referent.user.id });
    const roles = await world.db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, user?.id ?? ''));
    expect(roles.map((row) => row.role)).toEqual(['person']);
    const trail = await auditTrail(world.db, world.organizationId);
    expect(trail.at(-1)).toMatchObject({ action: 'person.portal_account.linked', actorUserId: user?.id, resourceType: 'person', resourceId: person.id });

    const session = await signIn(t, { id: user?.id ?? '', organizationId: world.organizationId, email: 'nina.durand@exemple.test', password: 'une-phrase-de-passe-solide', roles: ['person'], totpSecret: null });
    const home = await t.app.inject({ method: 'GET', url: '/api/portal/home', headers: session.headers });
    expect(home.statusCode).toBe(200);
    expect(home.json().person).toEqual({ firstName: 'Nina' });
    expect((await status(world.referent, person.id)).json()).toMatchObject({ status: 'active' });
  });

  it('an invitation whose address was corrected on the record since is void: nothing is created (404)', async () => {
    const person = await buildPerson(world.db, { organizationId: world.organizationId, firstName: 'Omar', email: 'omar.ancien@exemple.test', referentIds: [world.referent.user.id] });
    await invite(world.referent, person.id);
    const token = await invitationTokenSentTo(world.db, world.organizationId, 'omar.ancien@exemple.test');
    await world.db.update(persons).set({ email: 'omar.nouveau@exemple.test' }).where(eq(persons.id, person.id));

    expect((await acceptInvitation(t, token)).statusCode).toBe(404);
    expect(await world.db.select().from(users).where(eq(users.email, 'omar.ancien@exemple.test'))).toEqual([]);
    expect(await world.db.select().from(personAccounts).where(eq(personAccounts.personId, person.id))).toEqual([]);
  });

  it('an administrator’s invitation with the person role links nothing: that account reaches no record (404)', async () => {
    const { token } = await buildInvitation(world.db, { organizationId: world.organizationId, email: 'sans.fiche@exemple.test', roles: ['person'], now: t.clock.now });
    expect((await acceptInvitation(t, token, 'une-phrase-de-passe-solide')).statusCode).toBe(204);
    const [user] = await world.db.select().from(users).where(eq(users.email, 'sans.fiche@exemple.test'));
    const session = await signIn(t, { id: user?.id ?? '', organizationId: world.organizationId, email: 'sans.fiche@exemple.test', password: 'une-phrase-de-passe-solide', roles: ['person'], totpSecret: null });
    expect((await t.app.inject({ method: 'GET', url: '/api/portal/home', headers: session.headers })).statusCode).toBe(404);
  });
});

describe('merging two records', () => {
  const merge = (keptId: string, duplicateId: string) =>
    t.app.inject({ method: 'POST', url: `/api/persons/${keptId}/merge`, headers: world.coordinator.headers, payload: { version: 1, duplicateId, duplicateVersion: 1 } });

  it('the account follows the kept record; two records with an account each cannot be merged (409)', async () => {
    const kept = await buildPerson(world.db, { organizationId: world.organizationId, firstName: 'Rémi', lastName: 'Garnier' });
    const duplicate = await buildPerson(world.db, { organizationId: world.organizationId, firstName: 'Remi', lastName: 'Garnier' });
    const session = await signInAsPerson(t, duplicate);
    expect((await merge(kept.id, duplicate.id)).statusCode).toBe(200);
    const [link] = await world.db.select().from(personAccounts).where(eq(personAccounts.userId, session.user.id));
    expect(link?.personId).toBe(kept.id);

    const third = await buildPerson(world.db, { organizationId: world.organizationId, firstName: 'Rémi', lastName: 'Garnier', birthYear: 1985 });
    await signInAsPerson(t, third);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/persons/${kept.id}/merge`,
      headers: world.coordinator.headers,
      payload: { version: 2, duplicateId: third.id, duplicateVersion: 1 },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors.duplicateId[0]).toContain('ne peuvent pas être fusionnées');
  });
});
