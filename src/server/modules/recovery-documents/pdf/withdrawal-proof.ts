import { eq } from 'drizzle-orm';
import { users } from '../../../platform/auth/schema';
import type { ServiceContext } from '../../../platform/http/context';
import type { DocumentRecord } from '../policy';
import { findVersion } from '../records';
import { personNameOf } from '../sharing/access';
import { sharingConflict } from '../sharing/field-errors';
import { loadShareOf } from '../sharing/owner-shares';
import { versionNumbersOf } from '../sharing/present';
import { fieldLine, footer, fr, noticeBox, styles } from './layout';
import { renderPdf } from './printer';
import { frenchDateTime, frenchDay } from './typography';

export type WithdrawalProofModel = {
  documentTitle: string;
  documentKindTitle: string;
  ownerName: string;
  recipientLabel: string;
  recipientDetail: string;
  purpose: string;
  version: string;
  scope: string;
  grantedAt: Date;
  expiresAt: Date;
  revokedAt: Date;
  revokedBy: string | null;
  shareId: string;
  generatedAt: Date;
};

/** The facts of a withdrawn share, as the proof states them. A share still in force has no proof (409). */
export async function withdrawalProofModel(ctx: ServiceContext, record: DocumentRecord, shareId: string): Promise<WithdrawalProofModel> {
  const share = await loadShareOf(ctx, record, shareId);
  if (!share.revokedAt) throw sharingConflict(ctx.locale, 'shareId', 'notRevoked');
  const versionNo = share.versionId ? (await versionNumbersOf(ctx, [share])).get(share.versionId) ?? null : null;
  const template = (await findVersion(ctx, record.id, versionNo ?? 'active')) ?? (await findVersion(ctx, record.id, 'draft'));
  const sectionTitles = new Map(template?.template.definition.sections.map((section) => [section.code, section.title]) ?? []);
  const [revoker] = share.revokedBy ? await ctx.tx.select({ name: users.name }).from(users).where(eq(users.id, share.revokedBy)) : [];
  return {
    documentTitle: record.title,
    documentKindTitle: template?.template.definition.title ?? record.kind,
    ownerName: await personNameOf(ctx, record.personId),
    recipientLabel: share.recipientLabel,
    recipientDetail: share.recipientKind === 'external' ? `personne extérieure, par lien à usage unique (${share.recipientEmail ?? ''})` : 'utilisateur de Passerelle',
    purpose: share.purpose,
    version: versionNo === null ? 'toujours la version active du document' : `version ${versionNo}`,
    scope: share.scopeSections === null ? 'le document entier' : share.scopeSections.map((code) => sectionTitles.get(code) ?? code).join(', '),
    grantedAt: share.grantedAt,
    expiresAt: share.expiresAt,
    revokedAt: share.revokedAt,
    revokedBy: revoker?.name ?? null,
    shareId: share.id,
    generatedAt: ctx.now,
  };
}

/** The proof of withdrawal: what was shared, with whom, why, from when to when, and when it was withdrawn. */
export function renderWithdrawalProof(model: WithdrawalProofModel): Promise<Buffer> {
  return renderPdf({
    info: { title: 'Preuve de retrait d’un partage', creator: 'Passerelle' },
    pageSize: 'A4',
    pageMargins: [40, 56, 40, 56],
    styles: styles(),
    footer,
    content: [
      { text: fr('Preuve de retrait d’un partage'), style: 'title' },
      { text: fr(`Délivrée le ${frenchDateTime(model.generatedAt)} par Passerelle`), style: 'subtitle', margin: [0, 0, 0, 12] },
      {
        text: fr(
          `${model.ownerName} a retiré le partage décrit ci-dessous le ${frenchDateTime(model.revokedAt)}. Depuis ce moment, le destinataire ne peut plus lire ce document par Passerelle.`,
        ),
        margin: [0, 0, 0, 10],
      },
      { text: 'Le document', style: 'section' },
      fieldLine('Titre', model.documentTitle),
      fieldLine('Type', model.documentKindTitle),
      fieldLine('Personne', model.ownerName),
      fieldLine('Version partagée', model.version),
      fieldLine('Parties partagées', model.scope),
      { text: 'Le partage', style: 'section', margin: [0, 12, 0, 4] },
      fieldLine('Destinataire', model.recipientLabel),
      fieldLine('Accès', model.recipientDetail),
      fieldLine('Objet du partage', model.purpose),
      fieldLine('Accordé le', frenchDateTime(model.grantedAt)),
      fieldLine('Fin prévue le', frenchDay(model.expiresAt)),
      fieldLine('Retiré le', frenchDateTime(model.revokedAt)),
      ...(model.revokedBy ? [fieldLine('Retiré par', model.revokedBy)] : []),
      fieldLine('Référence du partage', model.shareId),
      noticeBox(
        'Le retrait arrête l’accès électronique. Une copie papier ou un PDF déjà remis ne peut pas être rappelé : demandez à la personne qui la garde de la détruire si vous le souhaitez.',
      ),
    ],
  });
}
