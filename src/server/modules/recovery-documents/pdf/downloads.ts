import { actorOf } from '../../../platform/tenancy/scope';
import type { ServiceContext } from '../../../platform/http/context';
import { loadVersion, roleOn } from '../records';
import { loadDocumentForSharing, personNameOf } from '../sharing/access';
import { loadMyShare } from '../sharing/recipient';
import { sectionsInScope } from '../sharing/sections';
import { auditSharedRead } from '../sharing/shared-content';
import type { DocumentPdfModel } from './document-pdf';

/** A file name without accents or spaces: "plan-wrap-v2.pdf". */
export function pdfFileName(title: string, versionNo: number): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${slug || 'document'}-v${versionNo}.pdf`;
}

/**
 * What the owner or an invited facilitator prints: the whole version. Audited as a download
 * before the file is made (the caller renders after the transaction).
 */
export async function versionPdfModel(ctx: ServiceContext, documentId: string, versionNo: number): Promise<DocumentPdfModel> {
  const actor = actorOf(ctx);
  const record = await loadDocumentForSharing(ctx, actor, 'recovery_document.download', documentId);
  const version = await loadVersion(ctx, documentId, versionNo);
  await ctx.audit({
    action: 'recovery_document.downloaded',
    resourceType: 'recovery_document',
    resourceId: record.id,
    context: { versionNo: version.versionNo, via: roleOn(actor, record) },
  });
  return {
    title: record.title,
    definition: version.template.definition,
    ownerName: await personNameOf(ctx, record.personId),
    versionNo: version.versionNo,
    status: version.status,
    validatedAt: version.validatedAt,
    sections: sectionsInScope(version.template.definition, version.content, null),
    generatedAt: ctx.now,
  };
}

/** What a recipient prints: the sections in scope only, with the share's purpose and end date. */
export async function sharedPdfModel(ctx: ServiceContext, shareId: string): Promise<DocumentPdfModel> {
  const { loaded, version } = await loadMyShare(ctx, shareId);
  await auditSharedRead(ctx, loaded.share, version.versionNo, 'share', 'downloaded');
  return {
    title: loaded.document.title,
    definition: version.template.definition,
    ownerName: loaded.ownerName,
    versionNo: version.versionNo,
    status: version.status,
    validatedAt: version.validatedAt,
    sections: sectionsInScope(version.template.definition, version.content, loaded.share.scopeSections),
    sharedWith: {
      label: loaded.share.recipientLabel,
      purpose: loaded.share.purpose,
      wholeDocument: loaded.share.scopeSections === null,
      expiresAt: loaded.share.expiresAt,
    },
    generatedAt: ctx.now,
  };
}
