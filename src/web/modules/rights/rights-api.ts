import type { z } from 'zod';
import type { TPageQuery } from '../../../shared/pagination';
import {
  ZAnonymisationProposal,
  ZAnonymisationProposalPage,
  ZAnonymisationResult,
  ZRecordReaderPage,
  ZRightsRequest,
  ZRightsRequestPage,
  type TRightsRequestInput,
  type TRightsRequestUpdate,
  type ZAnonymisationProposalQuery,
  type ZRightsRequestQuery,
} from '../../../shared/rights';
import { apiRequest } from '../../app/api';

export type TRightsRequestQuery = z.output<typeof ZRightsRequestQuery>;
export type TProposalQuery = z.output<typeof ZAnonymisationProposalQuery>;
export type TProposal = z.output<typeof ZAnonymisationProposal>;

export const rightsKeys = {
  requests: ['rights', 'requests'] as const,
  requestList: (query: TRightsRequestQuery) => ['rights', 'requests', query] as const,
  proposals: ['rights', 'proposals'] as const,
  proposalList: (query: TProposalQuery) => ['rights', 'proposals', query] as const,
  readers: (personId: string, page: number) => ['persons', 'detail', personId, 'readers', page] as const,
};

const personPath = (id: string, rest: string) => `/api/persons/${encodeURIComponent(id)}${rest}`;

export const fetchRightsRequests = (query: TRightsRequestQuery, signal?: AbortSignal) =>
  apiRequest('/api/rights-requests', ZRightsRequestPage, { query, signal });
export const createRightsRequest = (body: TRightsRequestInput) => apiRequest('/api/rights-requests', ZRightsRequest, { method: 'POST', body });
export const updateRightsRequest = (id: string, body: TRightsRequestUpdate) =>
  apiRequest(`/api/rights-requests/${encodeURIComponent(id)}`, ZRightsRequest, { method: 'PATCH', body });

export const fetchProposals = (query: TProposalQuery, signal?: AbortSignal) =>
  apiRequest('/api/anonymisation-proposals', ZAnonymisationProposalPage, { query, signal });
export const confirmProposal = (id: string, reason: string | undefined) =>
  apiRequest(`/api/anonymisation-proposals/${encodeURIComponent(id)}/confirm`, ZAnonymisationResult, {
    method: 'POST',
    body: reason ? { reason } : {},
  });
export const rejectProposal = (id: string, reason: string) =>
  apiRequest(`/api/anonymisation-proposals/${encodeURIComponent(id)}/reject`, ZAnonymisationProposal, { method: 'POST', body: { reason } });

export const fetchReaders = (personId: string, query: TPageQuery) => apiRequest(personPath(personId, '/readers'), ZRecordReaderPage, { query });
export const anonymisePerson = (personId: string, reason: string) =>
  apiRequest(personPath(personId, '/anonymise'), ZAnonymisationResult, { method: 'POST', body: { reason } });
