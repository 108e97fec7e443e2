import type { z } from 'zod';
import { ZPageQuery } from '../../../shared/pagination';
import {
  ZDuplicateList,
  ZPersonDetail,
  ZPersonPage,
  type TConsentInput,
  type TPersonCreateInput,
  type TPersonUpdateInput,
  type ZDuplicateQuery,
  type ZPersonListQuery,
  type ZPersonMergeInput,
} from '../../../shared/persons';
import { apiRequest } from '../../app/api';

export type TPersonListQuery = z.output<typeof ZPersonListQuery>;
export type TDuplicateQuery = z.output<typeof ZDuplicateQuery>;
export type TDuplicate = z.output<typeof ZDuplicateList>['duplicates'][number];
export const PAGE_SIZE = ZPageQuery.shape.pageSize.parse(undefined);

/** One key prefix per list, so a write can refresh every page of it at once. */
export const personKeys = {
  all: ['persons'] as const,
  list: (query: TPersonListQuery) => ['persons', 'list', query] as const,
  detail: (id: string) => ['persons', 'detail', id] as const,
};

const personPath = (id: string) => `/api/persons/${encodeURIComponent(id)}`;

export const fetchPersons = (query: TPersonListQuery, signal?: AbortSignal) =>
  apiRequest('/api/persons', ZPersonPage, { query, signal });

export const fetchPerson = (id: string) => apiRequest(personPath(id), ZPersonDetail);

export const fetchDuplicates = (query: TDuplicateQuery) => apiRequest('/api/persons/duplicates', ZDuplicateList, { query });

export const createPerson = (body: TPersonCreateInput) => apiRequest('/api/persons', ZPersonDetail, { method: 'POST', body });

export const updatePerson = (id: string, body: TPersonUpdateInput) =>
  apiRequest(personPath(id), ZPersonDetail, { method: 'PATCH', body });

export const recordConsent = (id: string, body: TConsentInput) =>
  apiRequest(`${personPath(id)}/consents`, ZPersonDetail, { method: 'POST', body });

export const withdrawConsent = (id: string, consentId: string, withdrawnHow: string) =>
  apiRequest(`${personPath(id)}/consents/${encodeURIComponent(consentId)}/withdraw`, ZPersonDetail, {
    method: 'POST',
    body: { withdrawnHow },
  });

export const mergePerson = (id: string, body: z.input<typeof ZPersonMergeInput>) =>
  apiRequest(`${personPath(id)}/merge`, ZPersonDetail, { method: 'POST', body });
