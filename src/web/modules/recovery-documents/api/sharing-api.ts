import type { z } from 'zod';
import {
  ZCopyHolder,
  ZCopyHolderList,
  ZCrisisCardStatus,
  ZCrisisContent,
  ZDocumentViewPage,
  ZPublicStatus,
  ZShareCreated,
  ZShareList,
  ZSharedDocument,
  ZSharedWithMeList,
  ZShareRecipientCandidates,
  ZWrongCodeProblem,
  type ZCopyHolderInput,
  type ZShareCreateInput,
} from '../../../../shared/recovery-sharing';
import { apiRequest, apiSend } from '../../../app/api';
import { isApiError } from '../../../app/api-error';
import { postForBlob } from './blob-request';

export type TShareCreateInput = z.input<typeof ZShareCreateInput>;
export type TCopyHolderInput = z.input<typeof ZCopyHolderInput>;

export const sharingKeys = {
  shares: (documentId: string) => ['recovery-documents', 'document', documentId, 'shares'] as const,
  copies: (documentId: string) => ['recovery-documents', 'document', documentId, 'copies'] as const,
  views: (documentId: string, page: number) => ['recovery-documents', 'document', documentId, 'views', page] as const,
  crisisCard: (documentId: string) => ['recovery-documents', 'document', documentId, 'crisis-card'] as const,
  recipients: (documentId: string, query: string) => ['recovery-documents', 'document', documentId, 'recipients', query] as const,
  sharedWithMe: ['recovery-documents', 'shared-with-me'] as const,
  sharedWithMeItem: (shareId: string) => ['recovery-documents', 'shared-with-me', shareId] as const,
};

const id = (value: string) => encodeURIComponent(value);
const base = (documentId: string) => `/api/recovery-documents/${id(documentId)}`;

// The owner's shares ------------------------------------------------------------------------------

export const fetchShares = (documentId: string) => apiRequest(`${base(documentId)}/shares`, ZShareList);
export const createShare = (documentId: string, input: TShareCreateInput) => apiRequest(`${base(documentId)}/shares`, ZShareCreated, { method: 'POST', body: input });
export const revokeShare = (documentId: string, shareId: string) => apiSend(`${base(documentId)}/shares/${id(shareId)}/revoke`, { method: 'POST' });
export const withdrawalProofUrl = (documentId: string, shareId: string) => `${base(documentId)}/shares/${id(shareId)}/withdrawal-proof.pdf`;

/** Team members and partner contacts the person may share with, filtered by name. */
export const fetchShareRecipients = (documentId: string, query: string) => apiRequest(`${base(documentId)}/share-recipients`, ZShareRecipientCandidates, { query: { q: query } });

export const fetchCopies = (documentId: string) => apiRequest(`${base(documentId)}/copies`, ZCopyHolderList);
export const addCopy = (documentId: string, input: TCopyHolderInput) => apiRequest(`${base(documentId)}/copies`, ZCopyHolder, { method: 'POST', body: input });
export const removeCopy = (documentId: string, copyId: string) => apiSend(`${base(documentId)}/copies/${id(copyId)}`, { method: 'DELETE' });

export const VIEWS_PAGE_SIZE = 25;
export const fetchViews = (documentId: string, page: number) => apiRequest(`${base(documentId)}/views`, ZDocumentViewPage, { query: { page, pageSize: VIEWS_PAGE_SIZE } });

// Crisis card ---------------------------------------------------------------------------------------

export const fetchCrisisCard = (documentId: string) => apiRequest(`${base(documentId)}/crisis-card`, ZCrisisCardStatus);
export const withdrawCrisisCard = (documentId: string) => apiSend(`${base(documentId)}/crisis-card`, { method: 'DELETE' });

/** The card is a PDF answer to a POST (only hashes are kept, so each download is a new card, with a new code). */
export const generateCrisisCard = (documentId: string, sectionCodes: string[]) => postForBlob(`${base(documentId)}/crisis-card`, { sectionCodes });

// Shared with me (signed-in recipients) ------------------------------------------------------------------

export const fetchSharedWithMe = () => apiRequest('/api/shared-with-me', ZSharedWithMeList);
export const fetchSharedWithMeItem = (shareId: string) => apiRequest(`/api/shared-with-me/${id(shareId)}`, ZSharedDocument);
/** The shared sections only, as a PDF (a plain link: the session cookie goes with it). */
export const sharedWithMePdfUrl = (shareId: string) => `/api/shared-with-me/${id(shareId)}/pdf`;

// Public link and crisis card pages (no account) ------------------------------------------------------------

export const fetchPublicShareStatus = (token: string) => apiRequest(`/api/public/shared/${id(token)}`, ZPublicStatus, { sessionRequired: false });
export const openPublicShare = (token: string, code: string) =>
  apiRequest(`/api/public/shared/${id(token)}/open`, ZSharedDocument, { method: 'POST', body: { code }, sessionRequired: false });
export const fetchPublicCrisisStatus = (token: string) => apiRequest(`/api/public/crisis/${id(token)}`, ZPublicStatus, { sessionRequired: false });
export const openPublicCrisis = (token: string, code: string) =>
  apiRequest(`/api/public/crisis/${id(token)}/open`, ZCrisisContent, { method: 'POST', body: { code }, sessionRequired: false });

/** What a failed code answer means for the page: wrong (with tries left when known), gone, locked, too many. */
export type TCodeFailure = { kind: 'wrong'; remaining: number | null } | { kind: 'gone' } | { kind: 'locked' } | { kind: 'tooMany' } | { kind: 'other' };

export function codeFailureFrom(error: unknown): TCodeFailure {
  if (!isApiError(error)) return { kind: 'other' };
  if (error.status === 410) return { kind: 'gone' };
  if (error.status === 423) return { kind: 'locked' };
  if (error.status === 429) return { kind: 'tooMany' };
  if (error.status === 400) {
    const problem = ZWrongCodeProblem.safeParse(error.body);
    return { kind: 'wrong', remaining: problem.success ? problem.data.remainingAttempts : null };
  }
  return { kind: 'other' };
}
