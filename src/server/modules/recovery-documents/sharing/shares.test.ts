import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../../tests/support/test-app';
import { call, createSharingTestApp, inThreeMonths, publicCall, shareWith, sharingWorld, type SharingWorld } from '../../../../../tests/factories/recovery-sharing';
import { auditEvents } from '../../../platform/audit/schema';
import { mailOutbox } from '../../../platform/mail/schema';
import { documentShares } from '../schema';

let t: TestApp;
let w: SharingWorld;

beforeEach(async () => {
  t = await createSharingTestApp();
  w = await sharingWorld(t);
});
afterEach(async () => t.close());

const tokenOf = (link: string | null) => {
  const token = link?.split('/partage/')[1];
  if (!token) throw new Error('no token in the link');
  return token;
};

const mailsTo = (address: string) => w.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, address));

describe('creating a share', () => {
  it('shares the crisis plan with a partner contact for 3 months; the recipient reads only those sections, audited', async () => {
    const created = await shareWith(t, w.lucas, w.wrap.id, {
      recipient: { kind: 'user', userId: w.partner.user.id },
      scopeSections: ['supporters', 'medications'],
    });
    expect(created.share.status).toBe('active');
    expect(created.link).toBeNull();
    expect(created.accessCode).toBeNull();

    const list = await call(t, w.partner, 'GET', '/api/shared-with-me');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({ shareId: created.share.id, documentId: w.wrap.id, ownerName: 'Lucas Morel', scopeSections: ['supporters', 'medications'], versionNo: null }),
    ]);

    const read = await call(t, w.partner, 'GET', `/api/shared-with-me/${created.share.id}`);
    expect(read.statusCode).toBe(200);
    const body = read.json();
    expect(body.sections.map((section: { code: string }) => section.code)).toEqual(['supporters', 'medications']);
    expect(body.versionNo).toBe(1);
    expect(body.sections[1].content.allergies).toEqual(['Pénicilline']);
    expect(JSON.stringify(body)).not.toContain('Marcher le long de la mer');

    const [entry] = await w.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'recovery_document.viewed'), eq(auditEvents.resourceId, w.wrap.id)));
    expect(entry?.actorUserId).toBe(w.partner.user.id);
    expect(entry?.context).toEqual({ versionNo: 1, via: 'share', shareId: created.share.id });
  });

  it('refuses an expiry in the past, a share to oneself, an unknown section, a draft version, a person or another organisation as recipient (400, French)', async () => {
    const base = { versionNo: null, purpose: 'Suivi', scopeSections: null, expiresAt: inThreeMonths(t), channel: 'portal', recipient: { kind: 'user', userId: w.partner.user.id } };
    const post = (body: Record<string, unknown>) => call(t, w.lucas, 'POST', `/api/recovery-documents/${w.wrap.id}/shares`, { ...base, ...body });

    const past = await post({ expiresAt: new Date(t.clock.now.getTime() - 60_000).toISOString() });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors).toEqual({ expiresAt: ['La date de fin doit être dans le futur.'] });

    const self = await post({ recipient: { kind: 'user', userId: w.lucas.user.id } });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors).toEqual({ 'recipient.userId': ['Vous ne pouvez pas partager un document avec vous-même.'] });

    const selfByMail = await post({ recipient: { kind: 'external', email: w.lucas.user.email.toUpperCase(), label: 'Moi' }, channel: 'link' });
    expect(selfByMail.statusCode).toBe(400);
    expect(selfByMail.json().errors['recipient.email']).toBeDefined();

    const unknownSection = await post({ scopeSections: ['supporters', 'not_a_section'] });
    expect(unknownSection.statusCode).toBe(400);
    expect(unknownSection.json().errors).toEqual({ 'scopeSections.1': ['Cette partie n’existe pas dans ce document.'] });

    const noVersion = await post({ versionNo: 7 });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().errors.versionNo).toBeDefined();

    const otherPerson = await post({ recipient: { kind: 'user', userId: w.nadia.user.id } });
    expect(otherPerson.statusCode).toBe(400);
    expect(otherPerson.json().errors['recipient.userId']).toEqual(['Ce destinataire n’est pas un membre actif de l’organisation ou d’une structure partenaire.']);

    const foreign = await post({ recipient: { kind: 'user', userId: w.foreignCoordinator.user.id } });
    expect(foreign.statusCode).toBe(400);

    const portalForOutside = await post({ recipient: { kind: 'external', email: 'cmp@exemple.test', label: 'CMP' }, channel: 'portal' });
    expect(portalForOutside.statusCode).toBe(400);
    expect(portalForOutside.json().errors.channel).toBeDefined();

    const malformed = await post({ expiresAt: 'demain', purpose: '' });
    expect(malformed.statusCode).toBe(400);
    expect(Object.keys(malformed.json().errors).sort()).toEqual(['expiresAt', 'purpose']);

    expect(await w.db.select().from(documentShares)).toHaveLength(0);
  });

  it('lists the team and partner contacts to share with, never the owner or other persons', async () => {
    const response = await call(t, w.lucas, 'GET', `/api/recovery-documents/${w.wrap.id}/share-recipients`);
    expect(response.statusCode).toBe(200);
    const names = response.json().items.map((item: { name: string }) => item.name);
    expect(names).toEqual(expect.arrayContaining(['Dr Claire Martin', 'Sophie Aubert', 'Karim Belkacem']));
    expect(names).not.toContain('Lucas Morel');
    expect(names).not.toContain('Nadia Benali');
    const filtered = await call(t, w.lucas, 'GET', `/api/recovery-documents/${w.wrap.id}/share-recipients?q=claire`);
    expect(filtered.json().items).toEqual([expect.objectContaining({ name: 'Dr Claire Martin', kind: 'partner' })]);
  });
});

describe('revocation and expiry', () => {
  it('revokes at once: the recipient gets 404, the owner sees "revoked" and downloads the proof of withdrawal', async () => {
    const { share } = await shareWith(t, w.lucas, w.wrap.id, { recipient: { kind: 'user', userId: w.partner.user.id } });
    expect((await call(t, w.lucas, 'GET', `/api/recovery-documents/${w.wrap.id}/shares/${share.id}/withdrawal-proof.pdf`)).statusCode).toBe(409);

    const revoked = await call(t, w.lucas, 'POST', `/api/recovery-documents/${w.wrap.id}/shares/${share.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().status).toBe('revoked');

    expect((await call(t, w.partner, 'GET', `/api/shared-with-me/${share.id}`)).statusCode).toBe(404);
    expect((await call(t, w.partner, 'GET', '/api/shared-with-me')).json().items).toEqual([]);

    const list = await call(t, w.lucas, 'GET', `/api/recovery-documents/${w.wrap.id}/shares`);
    expect(list.json().items).toEqual([expect.objectContaining({ id: share.id, status: 'revoked', revokedAt: t.clock.now.toISOString() })]);

    const proof = await call(t, w.lucas, 'GET', `/api/recovery-documents/${w.wrap.id}/shares/${share.id}/withdrawal-proof.pdf`);
    expect(proof.statusCode).toBe(200);
    expect(proof.headers['content-type']).toBe('application/pdf');
    expect(proof.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('an expired share answers 404 to its recipient and shows "expired" to the owner', async () => {
    const { share } = await shareWith(t, w.lucas, w.wrap.id, {
      recipient: { kind: 'user', userId: w.partner.user.id },
      expiresAt: new Date(t.clock.now.getTime() + 3_600_000).toISOString(),
    });
    expect((await call(t, w.partner, 'GET', `/api/shared-with-me/${share.id}`)).statusCode).toBe(200);
    // Two hours later (sessions still valid): the share ended an hour ago.
    t.clock.advance(2 * 3_600_000);
    expect((await call(t, w.partner, 'GET', `/api/shared-with-me/${share.id}`)).statusCode).toBe(404);
    expect((await call(t, w.partner, 'GET', `/api/shared-with-me/${share.id}/pdf`)).statusCode).toBe(404);
    expect((await call(t, w.lucas, 'GET', `/api/recovery-documents/${w.wrap.id}/shares`)).json().items[0].status).toBe('expired');
  });
});

describe('outside link with an access code', () => {
  it('gives the link and the code once, keeps only hashes, mails the link without the code', async () => {
    const created = await shareWith(t, w.lucas, w.wrap.id, {
      recipient: { kind: 'external', email: 'cmp.gap@exemple.test', label: 'Dr Martin, CMP de Gap' },
      channel: 'link',
      scopeSections: ['supporters'],
    });
    expect(created.link).toMatch(/^https:\/\/passerelle\.exemple\.test\/partage\/[A-Za-z0-9_-]{43}$/);
    expect(created.accessCode).toMatch(/^[A-Z2-9]{8}$/);
    const token = tokenOf(created.link);

    const [row] = await w.db.select().from(documentShares).where(eq(documentShares.id, created.share.id));
    expect(row?.linkTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.linkTokenHash).not.toContain(token);
    expect(row?.accessCodeHash).not.toContain(created.accessCode);

    const [mail] = await mailsTo('cmp.gap@exemple.test');
    expect(mail?.textBody).toContain(created.link);
    expect(mail?.textBody).not.toContain(created.accessCode);

    expect((await call(t, w.lucas, 'GET', `/api/recovery-documents/${w.wrap.id}/shares`)).json().items[0]).not.toHaveProperty('accessCode');
  });

  it('opens once with the right code (spaces and case do not matter), audited via link; then 410', async () => {
    const created = await shareWith(t, w.lucas, w.wrap.id, {
      recipient: { kind: 'external', email: 'cmp.gap@exemple.test', label: 'Dr Martin, CMP de Gap' },
      channel: 'link',
      scopeSections: ['supporters'],
    });
    const token = tokenOf(created.link);
    expect((await publicCall(t, 'GET', `/api/public/shared/${token}`)).json()).toEqual({ status: 'active' });

    const code = created.accessCode ?? '';
    const opened = await publicCall(t, 'POST', `/api/public/shared/${token}/open`, { code: `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}` });
    expect(opened.statusCode).toBe(200);
    expect(opened.json().sections.map((section: { code: string }) => section.code)).toEqual(['supporters']);

    const [entry] = await w.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'recovery_document.viewed'), eq(auditEvents.resourceId, w.wrap.id)));
    expect(entry?.actorUserId).toBeNull();
    expect(entry?.context).toEqual({ versionNo: 1, via: 'link', shareId: created.share.id });

    const again = await publicCall(t, 'POST', `/api/public/shared/${token}/open`, { code });
    expect(again.statusCode).toBe(410);
    expect(again.json().message).toBe('Ce partage n’est plus actif');
    expect((await publicCall(t, 'GET', `/api/public/shared/${token}`)).statusCode).toBe(410);
  });

  it('counts wrong codes (400 with the attempts left); the 10th locks the link and tells the person', async () => {
    const created = await shareWith(t, w.lucas, w.wrap.id, { recipient: { kind: 'external', email: 'cmp.gap@exemple.test', label: 'CMP de Gap' }, channel: 'link' });
    const token = tokenOf(created.link);
    for (let attempt = 1; attempt <= 9; attempt += 1) {
      const wrong = await publicCall(t, 'POST', `/api/public/shared/${token}/open`, { code: 'ZZZZZZZZ' }, `198.51.100.${attempt}`);
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().remainingAttempts).toBe(10 - attempt);
      if (attempt === 1) expect(wrong.json().errors.code).toEqual(['Code incorrect. Il vous reste 9 essais.']);
    }
    const tenth = await publicCall(t, 'POST', `/api/public/shared/${token}/open`, { code: 'ZZZZZZZZ' }, '198.51.100.10');
    expect(tenth.statusCode).toBe(410);
    // Locked: even the right code no longer opens it.
    expect((await publicCall(t, 'POST', `/api/public/shared/${token}/open`, { code: created.accessCode }, '198.51.100.11')).statusCode).toBe(410);

    const shares = (await call(t, w.lucas, 'GET', `/api/recovery-documents/${w.wrap.id}/shares`)).json().items;
    expect(shares[0]).toMatchObject({ status: 'locked', failedAttempts: 10 });
    const [told] = await mailsTo(w.lucas.user.email);
    expect(told?.template).toBe('document_share_locked');
    expect(told?.textBody).toContain('CMP de Gap');
  });

  it('limits code tries per IP address (429)', async () => {
    const created = await shareWith(t, w.lucas, w.wrap.id, { recipient: { kind: 'external', email: 'cmp.gap@exemple.test', label: 'CMP' }, channel: 'link' });
    const other = await shareWith(t, w.lucas, w.wrap.id, { recipient: { kind: 'external', email: 'cmp.nice@exemple.test', label: 'CMP 2' }, channel: 'link' });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 21; attempt += 1) {
      const token = tokenOf(attempt % 2 === 0 ? created.link : other.link);
      statuses.push((await publicCall(t, 'POST', `/api/public/shared/${token}/open`, { code: 'ZZZZZZZZ' }, '192.0.2.50')).statusCode);
    }
    expect(statuses.slice(0, 18).every((status) => status === 400)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('a revoked or expired link answers 410 with the French message; an unknown token too', async () => {
    const created = await shareWith(t, w.lucas, w.wrap.id, { recipient: { kind: 'external', email: 'cmp.gap@exemple.test', label: 'CMP' }, channel: 'link' });
    const expiring = await shareWith(t, w.lucas, w.wrap.id, { recipient: { kind: 'external', email: 'cmp.nice@exemple.test', label: 'CMP 2' }, channel: 'link', expiresAt: new Date(t.clock.now.getTime() + 3_600_000).toISOString() });
    await call(t, w.lucas, 'POST', `/api/recovery-documents/${w.wrap.id}/shares/${created.share.id}/revoke`);
    t.clock.advance(2 * 3_600_000);
    for (const link of [created.link, expiring.link]) {
      const status = await publicCall(t, 'GET', `/api/public/shared/${tokenOf(link)}`);
      expect(status.statusCode).toBe(410);
      expect(status.json()).toMatchObject({ status: 410, message: 'Ce partage n’est plus actif' });
      expect((await publicCall(t, 'POST', `/api/public/shared/${tokenOf(link)}/open`, { code: created.accessCode })).statusCode).toBe(410);
    }
    expect((await publicCall(t, 'GET', `/api/public/shared/${'A'.repeat(43)}`)).statusCode).toBe(410);
    expect((await publicCall(t, 'GET', '/api/public/shared/trop-court')).statusCode).toBe(400);
  });
});

describe('who saw my plan, copies', () => {
  it('lists every view and download from the audit, newest first: who, which version, how', async () => {
    const toPartner = await shareWith(t, w.lucas, w.wrap.id, { recipient: { kind: 'user', userId: w.partner.user.id }, scopeSections: ['supporters'] });
    const outside = await shareWith(t, w.lucas, w.wrap.id, { recipient: { kind: 'external', email: 'cmp.gap@exemple.test', label: 'Dr Martin, CMP de Gap' }, channel: 'link' });
    await call(t, w.partner, 'GET', `/api/shared-with-me/${toPartner.share.id}`);
    t.clock.advance(60_000);
    await publicCall(t, 'POST', `/api/public/shared/${tokenOf(outside.link)}/open`, { code: outside.accessCode });
    t.clock.advance(60_000);
    await call(t, w.referent, 'GET', `/api/recovery-documents/${w.wrap.id}/versions/1/pdf`);

    const views = await call(t, w.lucas, 'GET', `/api/recovery-documents/${w.wrap.id}/views?pageSize=2`);
    expect(views.statusCode).toBe(200);
    const page = views.json();
    expect(page.total).toBe(3);
    expect(page.items).toEqual([
      expect.objectContaining({ kind: 'downloaded', who: { kind: 'user', label: 'Sophie Aubert' }, versionNo: 1, via: 'facilitator', shareId: null }),
      expect.objectContaining({ kind: 'viewed', who: { kind: 'external_link', label: 'Dr Martin, CMP de Gap' }, versionNo: 1, via: 'link', shareId: outside.share.id }),
    ]);
    const second = (await call(t, w.lucas, 'GET', `/api/recovery-documents/${w.wrap.id}/views?pageSize=2&page=2`)).json();
    expect(second.items).toEqual([expect.objectContaining({ who: { kind: 'user', label: 'Dr Claire Martin' }, via: 'share', shareId: toPartner.share.id })]);
  });

  it('records, lists and deletes paper copies; a date in the future is refused', async () => {
    const url = `/api/recovery-documents/${w.wrap.id}/copies`;
    const added = await call(t, w.lucas, 'POST', url, { holder: 'Ma sœur Inès', kind: 'paper', givenOn: '2026-11-20', versionNo: 1, note: 'Dans son classeur' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ holder: 'Ma sœur Inès', kind: 'paper', givenOn: '2026-11-20', versionNo: 1 });
    const future = await call(t, w.lucas, 'POST', url, { holder: 'CMP', kind: 'pdf', givenOn: '2027-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual({ givenOn: ['La date de remise ne peut pas être dans le futur.'] });
    expect((await call(t, w.lucas, 'GET', url)).json().items).toHaveLength(1);
    expect((await call(t, w.lucas, 'DELETE', `${url}/${added.json().id}`)).statusCode).toBe(204);
    expect((await call(t, w.lucas, 'DELETE', `${url}/${added.json().id}`)).statusCode).toBe(404);
    expect((await call(t, w.lucas, 'GET', url)).json().items).toEqual([]);
  });
});
