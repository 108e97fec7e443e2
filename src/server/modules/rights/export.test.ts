import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import { signInAs, type TestSession } from '../../../../tests/support/sessions';
import {
  auditTrail,
  buildAccompanimentRow,
  buildAppointmentRow,
  buildGoalRow,
  buildInterventionRow,
  buildNoteRow,
  buildOrganization,
  buildOutreachCaseRow,
  buildPortalMessageRow,
  buildRecontactConsentRow,
  buildRecontactPreferencesRow,
  buildRightsRequestRow,
  buildUser,
} from '../../../../tests/factories';
import { buildPerson, type PersonRow } from '../../../../tests/factories/persons';
import { buildRequest } from '../../../../tests/factories/requests';
import { outreachAttempts, persons } from '../../db/schema';
import { appendAuditEvent } from '../../platform/audit/append';
import { runInContext } from '../../platform/http/context';
import { buildPersonExport } from './export/build';
import { listRecordReaders } from './readers';

let t: TestApp;
let organizationId: string;
let coordinator: TestSession;
let referentPeer: TestSession;
let person: PersonRow;
const db = () => t.deps.database.db;
const DAY = 24 * 3600_000;
const ago = (days: number) => new Date(t.clock.now.getTime() - days * DAY);

beforeAll(async () => {
  t = await createTestApp();
  organizationId = (await buildOrganization(db(), { name: 'PTPR Provence (fictive)' })).id;
  coordinator = await signInAs(t, ['coordinator'], { organizationId });
  referentPeer = await signInAs(t, ['peer_worker'], { organizationId });
  const otherPeer = await buildUser(db(), { organizationId, roles: ['peer_worker'], name: 'Sacha Autrepair' });
  const personUser = await buildUser(db(), { organizationId, roles: ['person'], name: 'Maëlle (portail)' });

  person = await buildPerson(db(), {
    organizationId,
    firstName: 'Maëlle',
    lastName: 'Fictivelle',
    phone: '06 11 22 33 44',
    email: 'maelle@exemple.test',
    birthYear: 1987,
    referentIds: [referentPeer.user.id],
    createdAt: ago(300),
  });
  await db()
    .update(persons)
    .set({ structures: [{ type: 'gem', name: 'GEM Le Phare (fictif)' }], lastContactAt: ago(40) })
    .where(eq(persons.id, person.id));
  await buildRecontactConsentRow(db(), person, { collectedAt: ago(200), scope: 'Par téléphone uniquement' });
  await buildRequest(db(), { person, hopes: 'Rencontrer quelqu’un qui a vécu la même chose.', receivedAt: ago(290) });
  const accompaniment = await buildAccompanimentRow(db(), person, {
    status: 'closed',
    openedAt: ago(280),
    lastContactAt: ago(40),
    closedAt: ago(10),
    closingReason: 'unreachable',
    peerIds: [referentPeer.user.id, otherPeer.id],
  });
  await buildGoalRow(db(), accompaniment, 'Reprendre le chemin du GEM deux fois par semaine');
  await buildInterventionRow(db(), accompaniment, { occurredAt: ago(100), durationMinutes: 90, type: 'home_visit', place: 'Domicile, Aubagne', peerIds: [referentPeer.user.id] });
  await buildNoteRow(db(), accompaniment, { authorId: referentPeer.user.id, body: 'Échange autour du projet de formation.', confidentiality: 'shared_with_person', writtenAt: ago(100) });
  await buildNoteRow(db(), accompaniment, { authorId: otherPeer.id, body: 'Note personnelle de Sacha : penser à rappeler.', confidentiality: 'private', writtenAt: ago(90) });
  await buildAppointmentRow(db(), accompaniment, { startsAt: ago(60), status: 'missed', place: 'Local de la PTPR' });
  await buildPortalMessageRow(db(), accompaniment, { authorId: personUser.id, body: 'Merci pour hier, à bientôt.', sentAt: ago(95) });
  const outreach = await buildOutreachCaseRow(db(), accompaniment, { flaggedAt: ago(30), status: 'unreachable', outcomeNote: 'Courrier porte ouverte envoyé.' });
  await db().insert(outreachAttempts).values({ organizationId, caseId: outreach.id, at: ago(25), channel: 'phone', result: 'no_answer', note: 'Répondeur.', byUserId: referentPeer.user.id });
  await buildRecontactPreferencesRow(db(), person, { allowedChannels: ['phone', 'letter'], wishes: 'Pas avant 10 h.' });
  await buildRightsRequestRow(db(), person, { type: 'access', receivedAt: ago(2), identityCheck: 'Reconnue par sa pair référente' });
  // A read by the referent peer, and a system entry (no actor) that is no reader.
  await t.app.inject({ method: 'GET', url: `/api/persons/${person.id}`, headers: referentPeer.headers });
  await appendAuditEvent(db(), { organizationId, actorUserId: null, occurredAt: t.clock.now }, { action: 'anonymisation.checked', resourceType: 'person', resourceId: person.id });
  t.clock.advance(60_000);
});
afterAll(async () => t.close());

const get = (session: TestSession, url: string) => t.app.inject({ method: 'GET', url, headers: session.headers });

describe('GET /api/persons/:id/export.json', () => {
  it('holds everything about the person, private notes of other authors included, and who read the record', async () => {
    const response = await get(coordinator, `/api/persons/${person.id}/export.json`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="dossier-${person.id}.json"`);
    const data = response.json();
    expect(data.organization.name).toBe('PTPR Provence (fictive)');
    expect(data.person).toMatchObject({ firstName: 'Maëlle', lastName: 'Fictivelle', phone: '06 11 22 33 44', email: 'maelle@exemple.test', birthYear: 1987, anonymisedAt: null });
    expect(data.person.structures).toEqual([{ type: 'gem', name: 'GEM Le Phare (fictif)' }]);
    expect(data.referents).toEqual([{ id: referentPeer.user.id, name: 'Camille Test' }]);
    expect(data.consents).toEqual([expect.objectContaining({ purpose: 'recontact', scope: 'Par téléphone uniquement', withdrawnAt: null })]);
    expect(data.requests).toHaveLength(1);
    expect(data.requests[0]).toMatchObject({ hopes: 'Rencontrer quelqu’un qui a vécu la même chose.', events: [{ fromStatus: null, toStatus: 'new' }] });

    const [accompaniment] = data.accompaniments;
    expect(accompaniment).toMatchObject({ status: 'closed', closingReason: 'unreachable' });
    expect(accompaniment.peers.map((peer: { name: string }) => peer.name).sort()).toEqual(['Camille Test', 'Sacha Autrepair']);
    expect(accompaniment.goals.map((goal: { wording: string }) => goal.wording)).toEqual(['Reprendre le chemin du GEM deux fois par semaine']);
    expect(accompaniment.interventions).toEqual([
      expect.objectContaining({ type: 'home_visit', durationMinutes: 90, place: 'Domicile, Aubagne', peers: ['Camille Test'] }),
    ]);
    expect(accompaniment.notes.map((note: { confidentiality: string; author: { name: string }; body: string }) => [note.confidentiality, note.author.name, note.body])).toEqual([
      ['shared_with_person', 'Camille Test', 'Échange autour du projet de formation.'],
      ['private', 'Sacha Autrepair', 'Note personnelle de Sacha : penser à rappeler.'],
    ]);
    expect(accompaniment.appointments).toEqual([expect.objectContaining({ status: 'missed', place: 'Local de la PTPR' })]);
    expect(accompaniment.messages).toEqual([expect.objectContaining({ body: 'Merci pour hier, à bientôt.', author: expect.objectContaining({ name: 'Maëlle (portail)' }) })]);
    expect(accompaniment.statusEvents[0]).toMatchObject({ fromStatus: null, toStatus: 'active' });

    expect(data.outreachCases).toEqual([
      expect.objectContaining({ status: 'unreachable', outcomeNote: 'Courrier porte ouverte envoyé.', attempts: [expect.objectContaining({ channel: 'phone', note: 'Répondeur.', byName: 'Camille Test' })] }),
    ]);
    expect(data.recontactPreferences).toMatchObject({ allowedChannels: ['phone', 'letter'], wishes: 'Pas avant 10 h.', doNotContact: false });
    expect(data.rightsRequests).toEqual([expect.objectContaining({ type: 'access', identityCheck: 'Reconnue par sa pair référente', answeredAt: null })]);

    // Newest first: this export itself, then the referent's read; the system entry is not a reader.
    expect(data.readers.map((reader: { reader: { id: string }; kind: string; action: string }) => [reader.reader.id, reader.kind, reader.action])).toEqual([
      [coordinator.user.id, 'export', 'person.exported'],
      [referentPeer.user.id, 'read', 'person.read'],
    ]);
    expect(data.readers[1]).toMatchObject({ reader: { name: 'Camille Test' }, roles: ['peer_worker'] });

    const exported = (await auditTrail(db(), organizationId)).filter((entry) => entry.action === 'person.exported');
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({ actorUserId: coordinator.user.id, resourceType: 'person', resourceId: person.id, context: { format: 'json' } });
  });

  it('is a pure service function other modules can call (no audit, same content)', async () => {
    const before = (await auditTrail(db(), organizationId)).length;
    const data = await runInContext({ db: db(), actor: null, organizationId, now: t.clock.now, locale: 'fr' }, (ctx) => buildPersonExport(ctx, person.id));
    expect(data.person.id).toBe(person.id);
    expect(data.accompaniments[0]?.notes).toHaveLength(2);
    expect((await auditTrail(db(), organizationId)).length).toBe(before);
    const otherOrganization = (await buildOrganization(db())).id;
    await expect(runInContext({ db: db(), actor: null, organizationId: otherOrganization, now: t.clock.now, locale: 'fr' }, (ctx) => buildPersonExport(ctx, person.id))).rejects.toMatchObject({
      status: 404,
    });
  });
});

/** Text shown by a PDFKit document: its content streams inflated, the hex strings of TJ operators decoded. */
function pdfText(pdf: Buffer): string {
  const text: string[] = [];
  let from = 0;
  for (;;) {
    const start = pdf.indexOf('>>\nstream\n', from);
    if (start < 0) break;
    const bodyStart = start + '>>\nstream\n'.length;
    const end = pdf.indexOf('\nendstream', bodyStart);
    if (end < 0) break;
    const body = pdf.subarray(bodyStart, end);
    from = end + '\nendstream'.length;
    let content: string;
    try {
      content = inflateSync(body).toString('latin1');
    } catch {
      continue;
    }
    for (const operator of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const parts = [...(operator[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => Buffer.from(hex[1] ?? '', 'hex').toString('latin1'));
      text.push(parts.join(''));
    }
  }
  return text.join('\n');
}

describe('GET /api/persons/:id/export.pdf', () => {
  it('is a valid A4 PDF in plain French with every section, dates in French', async () => {
    const response = await get(coordinator, `/api/persons/${person.id}/export.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="dossier-${person.id}.pdf"`);
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');

    const text = pdfText(pdf);
    for (const expected of [
      'Dossier de Maëlle Fictivelle',
      '1. Votre identité et votre situation',
      'Fictivelle',
      '06 11 22 33 44',
      'GEM Le Phare (fictif)',
      '4. Vos accompagnements',
      'Note personnelle de Sacha : penser à rappeler.',
      'Visite à domicile, 1 h 30',
      'Reprendre le chemin du GEM deux fois par semaine',
      '5. Si nous perdons le contact',
      '7. Qui a consulté votre dossier',
      'novembre 2026',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/page 1 sur \d+/);
    const exported = (await auditTrail(db(), organizationId)).filter((entry) => entry.action === 'person.exported');
    expect(exported.at(-1)?.context).toEqual({ format: 'pdf' });
  });
});

describe('GET /api/persons/:id/readers', () => {
  it('lists who accessed the record with name, roles and date, newest first, paginated; reading it is audited', async () => {
    const response = await get(coordinator, `/api/persons/${person.id}/readers?pageSize=2`);
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page).toMatchObject({ page: 1, pageSize: 2 });
    expect(page.items[0]).toMatchObject({ reader: { id: coordinator.user.id }, roles: ['coordinator'], action: 'person.readers.read', kind: 'read', at: t.clock.now.toISOString() });
    const all = await runInContext({ db: db(), actor: null, organizationId, now: t.clock.now, locale: 'fr' }, (ctx) => listRecordReaders(ctx, person.id));
    expect(all.total).toBe(page.total);
    expect(all.items.every((item) => item.reader.id !== '')).toBe(true);
    expect(all.items.map((item) => item.kind)).toEqual(['read', 'export', 'export', 'read']);
  });
});
