import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../tests/support/test-app';
import { auditTrail } from '../../../../tests/factories';
import { buildRecoveryDocumentSatellites } from '../../../../tests/factories/recovery-documents';
import { crisisCards, documentShares, recoveryDocumentChanges, recoveryDocuments, recoveryDocumentVersions } from './schema';
import { call, createDocumentsTestApp, documentsWorld, startDocument, type DocumentsWorld } from './testing/world';

let t: TestApp;
let world: DocumentsWorld;
beforeAll(async () => {
  t = await createDocumentsTestApp();
  world = await documentsWorld(t);
});
afterAll(async () => t.close());

const sectionUrl = (id: string, code: string) => `/api/recovery-documents/${id}/draft/sections/${code}`;
const supporter = { name: 'Inès Morel', relation: 'Sœur', phone: '06 12 34 56 78', email: null, role: 'Prévenir mon médecin', agreed_on: '2026-11-01', do_not_involve: false, reason: null };

describe('autosave', () => {
  it('saves one section at a time, the revision goes up, progress is shown', async () => {
    const { document } = await startDocument(t, world.lucas);
    const first = await call(t, world.lucas, 'PUT', sectionUrl(document.id, 'well_description'), { revision: 1, content: { description: 'Calme et curieux', others_notice: ['Je ris souvent'] } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ revision: 2, updatedAt: t.clock.now.toISOString() });
    t.clock.advance(60_000);
    const second = await call(t, world.lucas, 'PUT', sectionUrl(document.id, 'supporters'), { revision: 2, content: { supporters: [supporter], disagreements: '' } });
    expect(second.json().revision).toBe(3);
    const detail = (await call(t, world.lucas, 'GET', `/api/recovery-documents/${document.id}`)).json();
    expect(detail.draft).toMatchObject({ versionNo: 1, revision: 3, updatedBy: { id: world.lucas.user.id } });
    expect(detail.draft.content.supporters.supporters[0]).toEqual(supporter);
    // WRAP: parts 1 to 6, the 9 sections of the crisis plan, the post-crisis plan.
    expect(detail.progress).toEqual({ filled: 2, total: 16 });
  });

  it('a save over a newer revision → 409 with the newer save’s date; nothing is overwritten', async () => {
    const { document } = await startDocument(t, world.lucas);
    await call(t, world.lucas, 'PUT', `/api/recovery-documents/${document.id}/facilitators`, { userIds: [world.referent.user.id] });
    const savedAt = new Date(t.clock.now.getTime() + 5 * 60_000);
    t.clock.set(savedAt);
    expect((await call(t, world.referent, 'PUT', sectionUrl(document.id, 'triggers'), { revision: 1, content: { triggers: ['Le bruit'] }, inPresenceOfPerson: true })).statusCode).toBe(200);
    t.clock.advance(60_000);
    const stale = await call(t, world.lucas, 'PUT', sectionUrl(document.id, 'triggers'), { revision: 1, content: { triggers: ['Autre chose'] } });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json()).toMatchObject({ status: 409, newerVersionAt: savedAt.toISOString(), revision: 2 });
    expect(stale.json().errors.revision[0]).toMatch(/entre-temps/);
    const draft = (await call(t, world.lucas, 'GET', `/api/recovery-documents/${document.id}`)).json().draft;
    expect(draft.content.triggers).toEqual({ triggers: ['Le bruit'] });
    // Validating over a newer revision is refused the same way.
    const validation = await call(t, world.lucas, 'POST', `/api/recovery-documents/${document.id}/validate`, { revision: 1 });
    expect(validation.statusCode).toBe(409);
    expect(validation.json().newerVersionAt).toBe(savedAt.toISOString());
  });

  it('bad input → 400 with French messages naming each field, and nothing half-saved', async () => {
    const { document } = await startDocument(t, world.lucas);
    const url = sectionUrl(document.id, 'supporters');
    const bad = await call(t, world.lucas, 'PUT', url, {
      revision: 1,
      content: { supporters: [{ ...supporter, phone: 612, nickname: 'x', do_not_involve: 'oui' }], disagreements: ['pas un texte'], favourite: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    const zodFailure = bad.json().errors;
    expect(Object.keys(zodFailure).some((field) => field.startsWith('content'))).toBe(true);

    const semantic = await call(t, world.lucas, 'PUT', url, {
      revision: 1,
      content: { supporters: [{ ...supporter, nickname: 'Nini', do_not_involve: 'oui' }], disagreements: ['pas un texte'], favourite: 'x' },
    });
    expect(semantic.statusCode).toBe(400);
    expect(semantic.json().errors).toEqual({
      'content.supporters.0.nickname': ['Cette colonne n’existe pas dans ce tableau.'],
      'content.supporters.0.do_not_involve': ['Cette case attend oui ou non.'],
      'content.disagreements': ['Cette rubrique attend un texte.'],
      'content.favourite': ['Cette rubrique n’existe pas dans cette partie.'],
    });
    const listAsText = await call(t, world.lucas, 'PUT', sectionUrl(document.id, 'triggers'), { revision: 1, content: { triggers: 'Le bruit' } });
    expect(listAsText.json().errors).toEqual({ 'content.triggers': ['Cette rubrique attend une liste de lignes.'] });
    const unknownSection = await call(t, world.lucas, 'PUT', sectionUrl(document.id, 'my_music'), { revision: 1, content: {} });
    expect(unknownSection.statusCode).toBe(400);
    expect(unknownSection.json().errors).toEqual({ sectionCode: ['Cette partie n’existe pas dans ce document.'] });

    const [version] = await world.db.select().from(recoveryDocumentVersions).where(eq(recoveryDocumentVersions.documentId, document.id));
    expect(version).toMatchObject({ revision: 1, content: {} });
    expect(await world.db.select().from(recoveryDocumentChanges).where(eq(recoveryDocumentChanges.documentId, document.id))).toEqual([]);
  });

  it('a facilitator saves only with the person present; a peer who is not a facilitator cannot be invited', async () => {
    const { document } = await startDocument(t, world.lucas);
    const facilitatorsUrl = `/api/recovery-documents/${document.id}/facilitators`;
    const wrong = await call(t, world.lucas, 'PUT', facilitatorsUrl, { userIds: [world.referent.user.id, world.coordinator.user.id, world.foreignPeer.user.id] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual({
      'userIds.1': ['Cette personne n’est pas un pair de l’organisation.'],
      'userIds.2': ['Cette personne n’est pas un pair de l’organisation.'],
    });
    expect((await call(t, world.lucas, 'GET', `/api/recovery-documents/${document.id}`)).json().facilitators).toEqual([]);
    const invited = await call(t, world.lucas, 'PUT', facilitatorsUrl, { userIds: [world.referent.user.id] });
    expect(invited.json().facilitators).toEqual([{ userId: world.referent.user.id, name: 'Sophie Aubert', grantedAt: t.clock.now.toISOString() }]);
    const absent = await call(t, world.referent, 'PUT', sectionUrl(document.id, 'triggers'), { revision: 1, content: { triggers: ['Le bruit'] } });
    expect(absent.statusCode).toBe(400);
    expect(absent.json().errors.inPresenceOfPerson[0]).toMatch(/avec la personne/);
  });

  it('the person sees the peers they may invite: those who follow them', async () => {
    const candidates = await call(t, world.lucas, 'GET', '/api/recovery-documents/facilitator-candidates');
    expect(candidates.json().items).toEqual([{ id: world.referent.user.id, name: 'Sophie Aubert' }]);
  });
});

describe('validate, review, versions, compare, attribution', () => {
  it('walks a document through two versions', async () => {
    const { document } = await startDocument(t, world.lucas);
    const base = `/api/recovery-documents/${document.id}`;
    await call(t, world.lucas, 'PUT', `${base}/facilitators`, { userIds: [world.referent.user.id] });

    const empty = await call(t, world.lucas, 'POST', `${base}/validate`, { revision: 1 });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors.draft[0]).toMatch(/vide/);

    await call(t, world.lucas, 'PUT', sectionUrl(document.id, 'wellness_toolbox'), { revision: 1, content: { tools: ['Musique'] } });
    t.clock.advance(3600_000);
    await call(t, world.referent, 'PUT', sectionUrl(document.id, 'triggers'), { revision: 2, content: { triggers: ['Le bruit'], action_plan: [{ action: 'Sortir marcher', who: 'Moi', when: 'Tout de suite' }] }, inPresenceOfPerson: true });

    expect((await call(t, world.referent, 'POST', `${base}/validate`, { revision: 3 })).statusCode).toBe(403);
    const pastDate = await call(t, world.lucas, 'POST', `${base}/validate`, { revision: 3, reviewDueOn: '2026-11-23' });
    expect(pastDate.statusCode).toBe(400);
    expect(pastDate.json().errors.reviewDueOn[0]).toMatch(/après aujourd’hui/);

    const validated = await call(t, world.lucas, 'POST', `${base}/validate`, { revision: 3 });
    expect(validated.statusCode).toBe(200);
    const v1 = validated.json();
    expect(v1.document).toMatchObject({ status: 'active', reviewDueOn: '2027-05-23', activeVersionNo: 1, hasDraft: false });
    expect(v1.active).toMatchObject({ versionNo: 1, validatedAt: t.clock.now.toISOString(), validatedBy: { id: world.lucas.user.id } });
    expect(v1.draft).toBeNull();
    expect(v1.policies).toMatchObject({ edit: false, review: true });
    expect((await call(t, world.lucas, 'PUT', sectionUrl(document.id, 'triggers'), { revision: 3, content: {} })).statusCode).toBe(409);

    t.clock.advance(3600_000);
    const review = await call(t, world.lucas, 'POST', `${base}/review`, {});
    expect(review.statusCode).toBe(201);
    expect(review.json().draft).toMatchObject({ versionNo: 2, revision: 1, content: v1.active.content });
    expect((await call(t, world.lucas, 'POST', `${base}/review`, {})).statusCode).toBe(409);
    await call(t, world.lucas, 'PUT', sectionUrl(document.id, 'wellness_toolbox'), { revision: 1, content: { tools: ['Musique', 'Le GEM le mardi'] } });
    await call(t, world.lucas, 'PUT', sectionUrl(document.id, 'triggers'), { revision: 2, content: {} });
    await call(t, world.lucas, 'PUT', sectionUrl(document.id, 'inactivation'), { revision: 3, content: { signs: ['Je dors 7 heures'] } });
    const second = await call(t, world.lucas, 'POST', `${base}/validate`, { revision: 4, reviewDueOn: '2027-01-15' });
    expect(second.json().document).toMatchObject({ reviewDueOn: '2027-01-15', activeVersionNo: 2 });
    expect(second.json().versions.map((version: { versionNo: number; status: string }) => [version.versionNo, version.status])).toEqual([
      [2, 'validated'],
      [1, 'superseded'],
    ]);

    const old = await call(t, world.referent, 'GET', `${base}/versions/1`);
    expect(old.json()).toMatchObject({ versionNo: 1, status: 'superseded', myRole: 'facilitator', content: { wellness_toolbox: { tools: ['Musique'] } } });
    expect((await call(t, world.lucas, 'GET', `${base}/versions/3`)).statusCode).toBe(404);

    const comparison = await call(t, world.lucas, 'GET', `${base}/compare?from=1&to=2`);
    const statuses = Object.fromEntries(comparison.json().sections.map((section: { code: string; status: string }) => [section.code, section.status]));
    expect(statuses).toMatchObject({ wellness_toolbox: 'changed', triggers: 'removed', inactivation: 'added', well_description: 'unchanged', supporters: 'unchanged' });
    expect(comparison.json().sections.find((section: { code: string }) => section.code === 'triggers')).toMatchObject({ title: 'Mes déclencheurs', to: null });

    const changes = (await call(t, world.lucas, 'GET', `${base}/changes`)).json().items;
    expect(changes.map((change: { versionNo: number; asRole: string; inPresenceOfPerson: boolean; sectionCodes: string[]; user: { id: string } }) => [
      change.versionNo,
      change.user.id,
      change.asRole,
      change.inPresenceOfPerson,
      change.sectionCodes,
    ])).toEqual([
      [2, world.lucas.user.id, 'owner', false, ['inactivation']],
      [2, world.lucas.user.id, 'owner', false, ['triggers']],
      [2, world.lucas.user.id, 'owner', false, ['wellness_toolbox']],
      [1, world.referent.user.id, 'facilitator', true, ['triggers']],
      [1, world.lucas.user.id, 'owner', false, ['wellness_toolbox']],
    ]);
    const trail = (await auditTrail(world.db, world.organizationId)).filter((entry) => entry.resourceId === document.id);
    expect(trail.filter((entry) => entry.action === 'recovery_document.validated').map((entry) => entry.context.versionNo)).toEqual([1, 2]);
    expect(trail.find((entry) => entry.action === 'recovery_document.section_saved' && entry.actorUserId === world.referent.user.id)?.context).toMatchObject({ asRole: 'facilitator', inPresenceOfPerson: true });
  });
});

describe('settings and withdrawal', () => {
  it('PATCH: title, visibility, review date; nothing to change or a past date → 400', async () => {
    const { document } = await startDocument(t, world.lucas, 'dap');
    const url = `/api/recovery-documents/${document.id}`;
    const patched = await call(t, world.lucas, 'PATCH', url, { title: 'Mes directives', visibleToTeam: true, reviewDueOn: '2027-03-01' });
    expect(patched.json().document).toMatchObject({ title: 'Mes directives', visibleToTeam: true, reviewDueOn: '2027-03-01' });
    expect((await call(t, world.lucas, 'PATCH', url, {})).json().errors._[0]).toMatch(/au moins une modification/);
    expect((await call(t, world.lucas, 'PATCH', url, { reviewDueOn: '2020-01-01' })).statusCode).toBe(400);
    expect((await call(t, world.lucas, 'PATCH', url, { reviewDueOn: null })).json().document.reviewDueOn).toBeNull();
  });

  it('withdraw: every share revoked and the crisis card withdrawn in the same transaction; the document is the owner’s alone', async () => {
    const { document } = await startDocument(t, world.lucas);
    const url = `/api/recovery-documents/${document.id}`;
    await call(t, world.lucas, 'PUT', sectionUrl(document.id, 'supporters'), { revision: 1, content: { supporters: [supporter] } });
    await call(t, world.lucas, 'PUT', `${url}/facilitators`, { userIds: [world.referent.user.id] });
    await call(t, world.lucas, 'PATCH', url, { visibleToTeam: true });
    const [version] = await world.db.select().from(recoveryDocumentVersions).where(eq(recoveryDocumentVersions.documentId, document.id));
    if (!version) throw new Error('no version');
    const [row] = await world.db.select().from(recoveryDocuments).where(eq(recoveryDocuments.id, document.id));
    if (!row) throw new Error('no document');
    await buildRecoveryDocumentSatellites(world.db, { document: row, version }, world.lucas.user.id);

    expect((await call(t, world.referent, 'POST', `${url}/withdraw`)).statusCode).toBe(403);
    const withdrawn = await call(t, world.lucas, 'POST', `${url}/withdraw`);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().document.status).toBe('withdrawn');
    const shares = await world.db.select().from(documentShares).where(eq(documentShares.documentId, document.id));
    expect(shares.every((share) => share.revokedAt?.getTime() === t.clock.now.getTime() && share.revokedBy === world.lucas.user.id)).toBe(true);
    const cards = await world.db.select().from(crisisCards).where(eq(crisisCards.documentId, document.id));
    expect(cards.every((card) => card.withdrawnAt !== null)).toBe(true);

    expect((await call(t, world.lucas, 'GET', url)).statusCode).toBe(200);
    expect((await call(t, world.referent, 'GET', url)).statusCode).toBe(404);
    const staffList = (await call(t, world.coordinator, 'GET', `/api/persons/${world.person.id}/recovery-documents`)).json().items;
    expect(staffList.some((item: { id: string }) => item.id === document.id)).toBe(false);
    expect((await call(t, world.lucas, 'PUT', sectionUrl(document.id, 'supporters'), { revision: 2, content: {} })).statusCode).toBe(409);
    expect((await call(t, world.lucas, 'POST', `${url}/withdraw`)).statusCode).toBe(409);
    const entry = (await auditTrail(world.db, world.organizationId)).findLast((event) => event.action === 'recovery_document.withdrawn');
    expect(entry).toMatchObject({ resourceId: document.id, context: { revokedShares: 1, withdrawnCrisisCards: 1 } });
  });
});
