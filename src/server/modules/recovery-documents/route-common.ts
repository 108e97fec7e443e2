import type { ServiceContext } from '../../platform/http/context';
import { actorOf } from '../../platform/tenancy/scope';
import { presentDetail } from './presenters';
import { loadDocumentFor, loadDocumentRecord } from './records';

export const RECOVERY_DOCUMENT_TAGS = ['recovery-documents'];
/** Any signed-in user reaches these routes; each document is then judged by the policy (404 for whoever may not read it). */
export const SIGNED_IN = { access: { kind: 'session' } } as const;
/** The person's own documents (role person). */
export const OWN_DOCUMENTS = { access: { kind: 'action', action: 'recovery_documents.own' } } as const;

/** The document as its reader sees it: every version shown is audited as viewed. */
export async function readDetail(ctx: ServiceContext, documentId: string) {
  const actor = actorOf(ctx);
  return presentDetail(ctx, actor, await loadDocumentFor(ctx, actor, 'recovery_document.read', documentId), { audited: true });
}

/** The page sent back after a write: what the writer just did (not audited as a read). */
export async function detailAfterWrite(ctx: ServiceContext, documentId: string) {
  return presentDetail(ctx, actorOf(ctx), await loadDocumentRecord(ctx, documentId), { audited: false });
}
