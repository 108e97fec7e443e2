import type { z } from 'zod';
import {
  ZChangeList,
  ZComparison,
  ZDocumentDetail,
  ZDocumentList,
  ZFacilitatorCandidates,
  ZSectionSaveResult,
  ZStaffDocumentList,
  ZTemplateList,
  ZVersionDetail,
  type ZDocumentCreateInput,
  type ZDocumentPatchInput,
  type ZSectionSaveInput,
  type ZValidateInput,
} from '../../../../shared/recovery-documents-api';
import { apiRequest, apiSend } from '../../../app/api';

export type TDocumentCreateInput = z.input<typeof ZDocumentCreateInput>;
export type TDocumentPatchInput = z.input<typeof ZDocumentPatchInput>;
export type TSectionSaveInput = z.input<typeof ZSectionSaveInput>;
export type TValidateInput = z.input<typeof ZValidateInput>;
export type TStaffDocumentItem = z.output<typeof ZStaffDocumentList>['items'][number];

/** One prefix per document, so a save or a share refreshes every view of that document. */
export const documentKeys = {
  all: ['recovery-documents'] as const,
  templates: ['recovery-documents', 'templates'] as const,
  mine: ['recovery-documents', 'mine'] as const,
  ofPerson: (personId: string) => ['recovery-documents', 'person', personId] as const,
  document: (documentId: string) => ['recovery-documents', 'document', documentId] as const,
  detail: (documentId: string) => ['recovery-documents', 'document', documentId, 'detail'] as const,
  version: (documentId: string, versionNo: number) => ['recovery-documents', 'document', documentId, 'version', versionNo] as const,
  compare: (documentId: string, from: number, to: number) => ['recovery-documents', 'document', documentId, 'compare', from, to] as const,
  changes: (documentId: string) => ['recovery-documents', 'document', documentId, 'changes'] as const,
  facilitatorCandidates: ['recovery-documents', 'facilitator-candidates'] as const,
};

const id = (value: string) => encodeURIComponent(value);
const base = (documentId: string) => `/api/recovery-documents/${id(documentId)}`;

export const fetchTemplates = () => apiRequest('/api/recovery-documents/templates', ZTemplateList);
export const fetchMyDocuments = () => apiRequest('/api/recovery-documents', ZDocumentList);
export const fetchPersonDocuments = (personId: string) => apiRequest(`/api/persons/${id(personId)}/recovery-documents`, ZStaffDocumentList);
export const createDocument = (input: TDocumentCreateInput) => apiRequest('/api/recovery-documents', ZDocumentDetail, { method: 'POST', body: input });
export const fetchDocument = (documentId: string) => apiRequest(base(documentId), ZDocumentDetail);
// Writes whose answer the screens do not read: they refresh the document's queries instead.
export const patchDocument = (documentId: string, input: TDocumentPatchInput) => apiSend(base(documentId), { method: 'PATCH', body: input });

export const saveSection = (documentId: string, sectionCode: string, input: TSectionSaveInput) =>
  apiRequest(`${base(documentId)}/draft/sections/${id(sectionCode)}`, ZSectionSaveResult, { method: 'PUT', body: input });

export const validateDocument = (documentId: string, input: TValidateInput) => apiSend(`${base(documentId)}/validate`, { method: 'POST', body: input });
export const startReview = (documentId: string, inPresenceOfPerson?: boolean) =>
  apiSend(`${base(documentId)}/review`, { method: 'POST', body: inPresenceOfPerson === undefined ? {} : { inPresenceOfPerson } });
export const withdrawDocument = (documentId: string) => apiSend(`${base(documentId)}/withdraw`, { method: 'POST' });

export const fetchVersion = (documentId: string, versionNo: number) => apiRequest(`${base(documentId)}/versions/${versionNo}`, ZVersionDetail);
export const fetchComparison = (documentId: string, from: number, to: number) => apiRequest(`${base(documentId)}/compare`, ZComparison, { query: { from, to } });
export const fetchChanges = (documentId: string) => apiRequest(`${base(documentId)}/changes`, ZChangeList);

export const fetchFacilitatorCandidates = () => apiRequest('/api/recovery-documents/facilitator-candidates', ZFacilitatorCandidates);
export const setFacilitators = (documentId: string, userIds: string[]) =>
  apiSend(`${base(documentId)}/facilitators`, { method: 'PUT', body: { userIds } });

/** A version's PDF: a plain link, the session cookie goes with it. */
export const versionPdfUrl = (documentId: string, versionNo: number) => `${base(documentId)}/versions/${versionNo}/pdf`;
