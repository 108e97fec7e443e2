import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../../tests/support/test-app';
import { buildRecoveryDocument } from '../../../../../tests/factories/recovery-documents';
import { call, createSharingTestApp, folded, pdfText, previewPage, publicCall, sharingWorld, WRAP_CONTENT, type SharingWorld } from '../../../../../tests/factories/recovery-sharing';
import { auditEvents } from '../../../platform/audit/schema';
import { mailOutbox } from '../../../platform/mail/schema';
import { crisisCards, recoveryDocuments, recoveryDocumentVersions } from '../schema';

let t: TestApp;
let w: SharingWorld;

beforeEach(async () => {
  t = await createSharingTestApp();
  w = await sharingWorld(t);
});
afterEach(async () => t.close());

/** Makes the card and reads back, from the PDF's text, the address and the code printed on it. */
async function makeCard(sectionCodes: string[], documentId = w.wrap.id) {
  const response = await call(t, w.lucas, 'POST', `/api/recovery-documents/${documentId}/crisis-card`, { sectionCodes });
  if (response.statusCode !== 200) throw new Error(`card not made: ${response.statusCode} ${response.body}`);
  const text = folded(pdfText(response.rawPayload));
  // Letter spacing and line breaks put spaces in the extracted code and address: read them without.
  const compact = text.replace(/\s+/g, '');
  const token = compact.match(/\/urgence\/([A-Za-z0-9_-]{43})/)?.[1];
  const code = compact.match(/Coded’urgence([A-Z2-9]{8})/)?.[1];
  if (!token || !code) throw new Error(`no address or code on the card: ${text}`);
  return { pdf: response.rawPayload, text, token, code };
}

describe('crisis card', () => {
  it('prints a wallet-size card (85.6 × 54 mm, front and back) with the name, the QR address and the emergency code', async () => {
    const card = await makeCard(['supporters', 'medications']);
    expect(card.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(card.text).toContain('CARTE DE CRISE');
    expect(card.text).toContain('Lucas Morel');
    expect(card.text).toContain('https://passerelle.exemple.test/urgence/');
    expect(card.text).toContain('Les personnes que je choisis · Mes médicaments');
    expect(card.text).toContain('pas des ordres');
    const pages = card.pdf.toString('latin1').match(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g) ?? [];
    expect(pages).toHaveLength(2);
    for (const box of pages) {
      const [, width, height] = box.match(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/) ?? [];
      expect(Number(width)).toBeCloseTo(242.65, 0);
      expect(Number(height)).toBeCloseTo(153.07, 0);
    }
    previewPage(card.pdf, 'crisis-card-front', 1);
    previewPage(card.pdf, 'crisis-card-back', 2);

    const [stored] = await w.db.select().from(crisisCards).where(eq(crisisCards.documentId, w.wrap.id));
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.codeHash).not.toContain(card.code);

    const status = await call(t, w.lucas, 'GET', `/api/recovery-documents/${w.wrap.id}/crisis-card`);
    expect(status.json().card).toMatchObject({ status: 'active', sections: [{ code: 'supporters', title: 'Les personnes que je choisis' }, { code: 'medications', title: 'Mes médicaments' }] });
    expect(status.json().eligibleSections.map((section: { code: string }) => section.code)).toContain('symptoms_others_take_over');
    expect(status.json().eligibleSections.map((section: { code: string }) => section.code)).not.toContain('wellness_toolbox');
  });

  it('opens with the emergency code: only the chosen sections of the CURRENT active version, audited and notified', async () => {
    const card = await makeCard(['supporters', 'medications']);
    expect((await publicCall(t, 'GET', `/api/public/crisis/${card.token}`)).json()).toEqual({ status: 'active' });

    // A review validated since the card was made: the card reads the new active version.
    await w.db.update(recoveryDocumentVersions).set({ status: 'superseded' }).where(eq(recoveryDocumentVersions.id, w.wrapVersion.id));
    const [v2] = await w.db
      .insert(recoveryDocumentVersions)
      .values({
        organizationId: w.organizationId,
        documentId: w.wrap.id,
        versionNo: 2,
        templateId: w.wrapVersion.templateId,
        status: 'validated',
        content: { ...WRAP_CONTENT, medications: { allergies: ['Pénicilline', 'Arachide'] } },
        validatedAt: t.clock.now,
      })
      .returning();
    await w.db.update(recoveryDocuments).set({ activeVersionId: v2?.id }).where(eq(recoveryDocuments.id, w.wrap.id));

    const wrong = await publicCall(t, 'POST', `/api/public/crisis/${card.token}/open`, { code: 'AAAA AAAA' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().remainingAttempts).toBe(9);

    const opened = await publicCall(t, 'POST', `/api/public/crisis/${card.token}/open`, { code: card.code });
    expect(opened.statusCode).toBe(200);
    const body = opened.json();
    expect(body).toMatchObject({ ownerName: 'Lucas Morel', versionNo: 2 });
    expect(body.sections.map((section: { code: string }) => section.code)).toEqual(['supporters', 'medications']);
    expect(body.sections[1].content.allergies).toEqual(['Pénicilline', 'Arachide']);
    expect(JSON.stringify(body)).not.toContain('Marcher le long de la mer');

    const [entry] = await w.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'recovery_document.viewed'), eq(auditEvents.resourceId, w.wrap.id)));
    expect(entry?.actorUserId).toBeNull();
    const [stored] = await w.db.select().from(crisisCards).where(eq(crisisCards.documentId, w.wrap.id));
    expect(entry?.context).toEqual({ versionNo: 2, via: 'crisis_card', cardId: stored?.id });
    expect(stored?.failedAttempts).toBe(0);

    const notified = await w.db.select({ to: mailOutbox.toAddress, text: mailOutbox.textBody }).from(mailOutbox).where(eq(mailOutbox.template, 'crisis_card_opened'));
    expect(notified.map((mail) => mail.to).sort()).toEqual([w.lucas.user.email, w.referent.user.email, 'ines.morel@exemple.test', 'paul.girard@exemple.test'].sort());
    for (const mail of notified) expect(mail.text).not.toContain('Lithium');

    const views = (await call(t, w.lucas, 'GET', `/api/recovery-documents/${w.wrap.id}/views`)).json();
    expect(views.items[0]).toMatchObject({ who: { kind: 'crisis_card', label: 'Carte de crise' }, versionNo: 2, via: 'crisis_card' });
  });

  it('regenerating withdraws the previous card; withdrawing stops the QR code (410); 10 wrong codes lock it', async () => {
    const first = await makeCard(['supporters']);
    const second = await makeCard(['supporters', 'help_from_others']);
    const gone = await publicCall(t, 'POST', `/api/public/crisis/${first.token}/open`, { code: first.code });
    expect(gone.statusCode).toBe(410);
    expect(gone.json().message).toBe('Cette carte de crise n’est plus active');
    expect((await publicCall(t, 'GET', `/api/public/crisis/${first.token}`)).statusCode).toBe(410);

    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const response = await publicCall(t, 'POST', `/api/public/crisis/${second.token}/open`, { code: 'ZZZZZZZZ' }, `198.51.100.${attempt}`);
      expect(response.statusCode).toBe(attempt < 10 ? 400 : 410);
    }
    expect((await publicCall(t, 'POST', `/api/public/crisis/${second.token}/open`, { code: second.code }, '198.51.100.99')).statusCode).toBe(410);
    expect((await call(t, w.lucas, 'GET', `/api/recovery-documents/${w.wrap.id}/crisis-card`)).json().card.status).toBe('locked');
    const [told] = await w.db.select().from(mailOutbox).where(eq(mailOutbox.template, 'crisis_card_locked'));
    expect(told?.toAddress).toBe(w.lucas.user.email);

    expect((await call(t, w.lucas, 'DELETE', `/api/recovery-documents/${w.wrap.id}/crisis-card`)).statusCode).toBe(204);
    expect((await call(t, w.lucas, 'GET', `/api/recovery-documents/${w.wrap.id}/crisis-card`)).json().card).toBeNull();
    const again = await call(t, w.lucas, 'DELETE', `/api/recovery-documents/${w.wrap.id}/crisis-card`);
    expect(again.statusCode).toBe(409);
  });

  it('refuses sections not meant for emergencies, a DAP, a document without a validated version (400, French)', async () => {
    const notEligible = await call(t, w.lucas, 'POST', `/api/recovery-documents/${w.wrap.id}/crisis-card`, { sectionCodes: ['supporters', 'wellness_toolbox'] });
    expect(notEligible.statusCode).toBe(400);
    expect(notEligible.json().errors).toEqual({ 'sectionCodes.1': ['Cette partie ne peut pas figurer sur la carte de crise.'] });

    const dap = await buildRecoveryDocument(w.db, w.person, { kind: 'dap' });
    const onDap = await call(t, w.lucas, 'POST', `/api/recovery-documents/${dap.document.id}/crisis-card`, { sectionCodes: ['trusted_person'] });
    expect(onDap.statusCode).toBe(400);
    expect(onDap.json().errors).toEqual({ sectionCodes: ['La carte de crise existe pour un plan WRAP ou un plan de crise conjoint.'] });

    const draft = await buildRecoveryDocument(w.db, w.person, { kind: 'pcc', state: 'draft' });
    const onDraft = await call(t, w.lucas, 'POST', `/api/recovery-documents/${draft.document.id}/crisis-card`, { sectionCodes: ['contacts_to_call'] });
    expect(onDraft.statusCode).toBe(400);
    expect(onDraft.json().errors).toEqual({ sectionCodes: ['Ce document n’a pas encore de version validée.'] });

    expect((await call(t, w.lucas, 'POST', `/api/recovery-documents/${w.wrap.id}/crisis-card`, { sectionCodes: [] })).statusCode).toBe(400);
    expect(await w.db.select().from(crisisCards)).toHaveLength(0);
  });
});
