import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../../tests/support/test-app';
import { call, createSharingTestApp, folded, WRAP_CONTENT, pdfFonts, pdfText, previewPage, shareWith, sharingWorld, type SharingWorld } from '../../../../../tests/factories/recovery-sharing';
import { auditEvents } from '../../../platform/audit/schema';
import { typesetFrench } from './typography';
import { sectionsContent } from './sections';
import { sectionsInScope } from '../sharing/sections';
import { BUILT_IN_TEMPLATES } from '../templates';

let t: TestApp;
let w: SharingWorld;

beforeAll(async () => {
  t = await createSharingTestApp();
  w = await sharingWorld(t);
});
afterAll(async () => t.close());

describe('French typography', () => {
  it('puts non-breaking spaces before high punctuation and inside guillemets, and typographic apostrophes, leaving times and addresses alone', () => {
    expect(typesetFrench("J'aime : la mer ; le vent ! Pourquoi ? « oui »")).toBe('J’aime\u00A0: la mer\u00A0; le vent\u00A0! Pourquoi\u00A0? «\u00A0oui\u00A0»');
    expect(typesetFrench('Rendez-vous à 10:30, voir https://exemple.test/a?b=1')).toBe('Rendez-vous à 10:30, voir https://exemple.test/a?b=1');
    expect(typesetFrench('Vraiment? Oui!')).toBe('Vraiment\u00A0? Oui\u00A0!');
    expect(typesetFrench(typesetFrench('« déjà » : fait ?'))).toBe(typesetFrench('« déjà » : fait ?'));
  });
});

describe('what the renderer is given', () => {
  it('typesets every text of the sections: non-breaking spaces, apostrophes, checklists and yes/no cells', () => {
    const definition = BUILT_IN_TEMPLATES.wrap;
    const printed = JSON.stringify(sectionsContent(sectionsInScope(definition, WRAP_CONTENT, ['medications', 'supporters', 'well_description']), new Map()));
    expect(printed).toContain('poids\u00A0!');
    expect(printed).toContain('j’aime rire\u00A0: je vois');
    expect(printed).toContain('Ne pas impliquer\u00A0: ');
    expect(printed).toContain('"canvas"');
  });
});

describe('document PDF', () => {
  it('the owner downloads a version: title, version and validation date, headings, lists and tables, the notice on every page; embedded fonts; audited', async () => {
    const response = await call(t, w.lucas, 'GET', `/api/recovery-documents/${w.wrap.id}/versions/1/pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="mon-plan-wrap-v1.pdf"');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    const text = folded(pdfText(pdf));
    expect(text).toContain('Mon plan WRAP');
    expect(text).toContain('Document de Lucas Morel');
    expect(text).toContain('Version 1 — validée le 1er octobre 2026');
    expect(text).toContain('Ma boîte à outils bien-être');
    expect(text).toContain('Marcher le long de la mer');
    expect(text).toContain('Les personnes que je choisis');
    // The supporters table has too many columns for a portrait page: one framed record per person.
    expect(text).toContain('Inès Morel Lien avec moi : Sœur Téléphone : 06 11 22 33 44');
    expect(text).toContain('A donné son accord le : 15 septembre 2026');
    expect(text).toContain('Ne pas impliquer : Oui');
    // A narrow table stays a table: header row, then the rows.
    expect(text).toMatch(/Médicament\s+Dose\s+Prescrit par\s+Pharmacie\s+Lithium\s+800 mg le soir/);
    expect(text).toContain('Je ne veux pas');
    expect(text).toContain('Je prends beaucoup de poids !');
    expect(text).toContain('j’aime rire');
    expect(text).toMatch(/Page 1 sur \d+/);
    const pages = Number(text.match(/Page 1 sur (\d+)/)?.[1]);
    expect(text.split('Ce document exprime des souhaits et des préférences, pas des ordres.').length - 1).toBeGreaterThanOrEqual(pages);

    // The typographic apostrophe reaches the file (poppler prints non-breaking spaces as plain ones: see the next test).
    expect(pdfText(pdf)).not.toContain("j'aime");

    const fonts = pdfFonts(pdf);
    expect(fonts).toContain('Roboto');
    for (const line of fonts.split('\n').slice(2).filter(Boolean)) expect(line).toMatch(/\byes\b/);

    const [entry] = await w.db.select().from(auditEvents).where(eq(auditEvents.action, 'recovery_document.downloaded'));
    expect(entry?.context).toEqual({ versionNo: 1, via: 'owner' });
    expect(entry?.resourceId).toBe(w.wrap.id);

    previewPage(pdf, 'wrap-document', 1);
    previewPage(pdf, 'wrap-document', 2);
  });

  it('a recipient downloads only the sections in scope, with the share’s purpose; audited via share', async () => {
    const { share } = await shareWith(t, w.lucas, w.wrap.id, { recipient: { kind: 'user', userId: w.partner.user.id }, scopeSections: ['supporters', 'medications'], channel: 'pdf' });
    const response = await call(t, w.partner, 'GET', `/api/shared-with-me/${share.id}/pdf`);
    expect(response.statusCode).toBe(200);
    const text = folded(pdfText(response.rawPayload));
    expect(text).toContain('Partagé avec : Dr Claire Martin');
    expect(text).toContain('Pour : Préparer mon suivi au CMP');
    expect(text).toContain('Mes médicaments');
    expect(text).toContain('Lithium');
    expect(text).not.toContain('Marcher le long de la mer');
    expect(text).not.toContain('Ma boîte à outils');
    previewPage(response.rawPayload, 'wrap-shared', 1);

    const entries = await w.db.select().from(auditEvents).where(eq(auditEvents.action, 'recovery_document.downloaded'));
    expect(entries.map((entry) => entry.context)).toContainEqual({ versionNo: 1, via: 'share', shareId: share.id });
  });

  it('the proof of withdrawal names the document, the recipient, the purpose, the dates and the version', async () => {
    const { share } = await shareWith(t, w.lucas, w.wrap.id, {
      recipient: { kind: 'external', email: 'cmp.gap@exemple.test', label: 'Dr Martin, CMP de Gap' },
      channel: 'link',
      versionNo: 1,
      scopeSections: ['supporters'],
      purpose: 'Préparer une éventuelle hospitalisation',
    });
    t.clock.advance(3_600_000);
    await call(t, w.lucas, 'POST', `/api/recovery-documents/${w.wrap.id}/shares/${share.id}/revoke`);
    const response = await call(t, w.lucas, 'GET', `/api/recovery-documents/${w.wrap.id}/shares/${share.id}/withdrawal-proof.pdf`);
    expect(response.statusCode).toBe(200);
    const text = folded(pdfText(response.rawPayload));
    expect(text).toContain('Preuve de retrait d’un partage');
    expect(text).toContain('Titre : Mon plan WRAP');
    expect(text).toContain('Destinataire : Dr Martin, CMP de Gap');
    expect(text).toContain('Objet du partage : Préparer une éventuelle hospitalisation');
    expect(text).toContain('Version partagée : version 1');
    expect(text).toContain('Parties partagées : Les personnes que je choisis');
    expect(text).toContain('Accordé le : 23 novembre 2026 à 10:00');
    expect(text).toContain('Retiré le : 23 novembre 2026 à 11:00');
    expect(text).toContain('Fin prévue le : 22 février 2027');
    previewPage(response.rawPayload, 'withdrawal-proof', 1);
  });
});
