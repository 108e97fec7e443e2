import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../support/test-app';
import { signInNamed } from '../../src/server/modules/portal/testing/fixtures';
import { call, documentsWorld } from '../../src/server/modules/recovery-documents/testing/world';
import { registerRecoveryDocumentRoutes } from '../../src/server/modules/recovery-documents/register';
import { registerRecoverySharingRoutes } from '../../src/server/modules/recovery-documents/sharing/register';
import type { TDocumentContent } from '../../src/shared/recovery-documents';
import type { TestSession } from '../support/sessions';
import { buildRecoveryDocument } from './recovery-documents';

export { call };

/** The real app with the document and sharing routes (registered here until the lead wires them into app.ts). */
export function createSharingTestApp(): Promise<TestApp> {
  return createTestApp({ appUrl: 'https://passerelle.exemple.test' }, (app) => {
    if (!app.hasRoute({ method: 'GET', url: '/api/recovery-documents/templates' })) registerRecoveryDocumentRoutes(app);
    if (!app.hasRoute({ method: 'GET', url: '/api/shared-with-me' })) registerRecoverySharingRoutes(app);
  });
}

/** A WRAP written like a person would, with every kind of block filled in the crisis plan. */
export const WRAP_CONTENT: TDocumentContent = {
  well_description: { description: "Quand je vais bien, je suis curieux et j'aime rire : je vois mes amis le samedi.", others_notice: ['Je chante en cuisinant'] },
  wellness_toolbox: { tools: ['Marcher le long de la mer', 'Appeler ma sœur Inès', 'Aller au GEM le mardi'] },
  when_well: { description: 'Calme, je parle posément ; je me lève vers 8 h.' },
  symptoms_others_take_over: { signs: ['Je ne me lève plus depuis 3 jours', 'Je ne mange plus'] },
  supporters: {
    supporters: [
      { name: 'Inès Morel', relation: 'Sœur', phone: '06 11 22 33 44', email: 'ines.morel@exemple.test', role: 'Décider avec l’équipe, garder le chat', agreed_on: '2026-09-15', do_not_involve: false, reason: null },
      { name: 'Paul Girard', relation: 'Ami', phone: '06 55 66 77 88', email: 'paul.girard@exemple.test', role: 'Me rendre visite', agreed_on: null, do_not_involve: false, reason: null },
      { name: 'Marc Dupuis', relation: 'Ancien voisin', phone: null, email: 'marc.dupuis@exemple.test', role: null, agreed_on: null, do_not_involve: true, reason: 'Il me met en colère' },
    ],
    disagreements: 'Ma sœur a le dernier mot.',
  },
  medications: {
    current: [{ name: 'Lithium', dose: '800 mg le soir', prescriber: 'Dr Martin', pharmacy: 'Pharmacie du Port' }],
    allergies: ['Pénicilline'],
    preferences: [
      { name: 'Olanzapine', preference: 'unacceptable', why: 'Je prends beaucoup de poids !' },
      { name: 'Loxapine', preference: 'acceptable', why: 'Seulement si je suis très agité' },
    ],
  },
  help_from_others: { please_do: ['Me parler calmement', 'Nourrir mon chat'], please_do_not: ['Appeler la police sans prévenir ma sœur'], if_danger: 'Je souhaite être accompagné aux urgences du CHS par ma sœur.' },
  post_crisis_plan: { how_i_want_to_feel: 'Reposé, et entouré sans être surveillé.' },
};

/**
 * The documents world (Lucas Morel and his account, his referent peer Sophie, another peer, a
 * coordinator, another organisation…) plus a partner contact (a CMP psychiatrist) and Lucas's
 * WRAP, validated, with Sophie invited as facilitator.
 */
export async function sharingWorld(t: TestApp) {
  const world = await documentsWorld(t);
  const partner = await signInNamed(t, ['partner_contact'], 'Dr Claire Martin', world.organizationId);
  const wrap = await buildRecoveryDocument(world.db, world.person, {
    kind: 'wrap',
    title: 'Mon plan WRAP',
    content: WRAP_CONTENT,
    facilitatorIds: [world.referent.user.id],
    authorId: world.lucas.user.id,
  });
  return { ...world, partner, wrap: wrap.document, wrapVersion: wrap.version };
}
export type SharingWorld = Awaited<ReturnType<typeof sharingWorld>>;

/** Three months from the test clock. */
export const inThreeMonths = (t: TestApp) => new Date(t.clock.now.getTime() + 91 * 24 * 60 * 60 * 1000).toISOString();

/** The owner shares through the API; returns the created share answer. */
export async function shareWith(t: TestApp, owner: TestSession, documentId: string, body: Record<string, unknown>) {
  const response = await call(t, owner, 'POST', `/api/recovery-documents/${documentId}/shares`, {
    versionNo: null,
    purpose: 'Préparer mon suivi au CMP',
    scopeSections: null,
    expiresAt: inThreeMonths(t),
    channel: 'portal',
    ...body,
  });
  if (response.statusCode !== 201) throw new Error(`share not created: ${response.statusCode} ${response.body}`);
  return response.json() as { share: { id: string; status: string }; link: string | null; accessCode: string | null };
}

/** A public request from one IP address (the rate limit counts per address). */
export function publicCall(t: TestApp, method: 'GET' | 'POST', url: string, payload?: unknown, ip = '203.0.113.7') {
  return t.app.inject({ method, url, remoteAddress: ip, headers: { 'accept-language': 'fr' }, ...(payload === undefined ? {} : { payload: payload as object }) });
}

const workFolder = () => mkdtempSync(join(tmpdir(), 'passerelle-pdf-'));

/** The text of a PDF, as poppler extracts it (non-breaking spaces folded into plain ones). */
export function pdfText(pdf: Buffer): string {
  const folder = workFolder();
  const file = join(folder, 'document.pdf');
  writeFileSync(file, pdf);
  execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, join(folder, 'document.txt')]);
  return readFileSync(join(folder, 'document.txt'), 'utf8');
}

export const folded = (text: string) => text.replace(/[\u00A0\u202F]/g, ' ').replace(/\s+/g, ' ');

/** Which fonts the PDF carries, and whether they are embedded (pdffonts' "emb" column). */
export function pdfFonts(pdf: Buffer): string {
  const folder = workFolder();
  const file = join(folder, 'document.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}

/**
 * Renders one page to PNG for a person to look at (the issue asks for it), into the folder named
 * by PDF_PREVIEW_DIR; without it, nothing is written. Returns the PNG path, or null.
 */
export function previewPage(pdf: Buffer, name: string, page = 1): string | null {
  const folder = process.env.PDF_PREVIEW_DIR;
  if (!folder) return null;
  const file = join(workFolder(), `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', String(page), '-l', String(page), '-singlefile', file, join(folder, `${name}-p${page}`)]);
  return join(folder, `${name}-p${page}.png`);
}
