import type { z } from 'zod';
import { ZPageQuery, type TPageQuery } from '../../../shared/pagination';
import {
  ZReferralStatusPage,
  ZReferralStatusView,
  ZRequestDetail,
  ZRequestPage,
  type TReferralDecisionInput,
  type TReferralInput,
  type TStatusChangeInput,
  type ZTriageQuery,
} from '../../../shared/requests';
import { apiRequest } from '../../app/api';

export type TTriageQuery = z.output<typeof ZTriageQuery>;
export type TRequestSummary = z.output<typeof ZRequestPage>['items'][number];
export type TReferralStatus = z.output<typeof ZReferralStatusView>;
export const PAGE_SIZE = ZPageQuery.shape.pageSize.parse(undefined);

/** One key prefix per list, so a write can refresh every page of it at once. */
export const requestKeys = {
  all: ['requests'] as const,
  queue: (query: TTriageQuery) => ['requests', 'queue', query] as const,
  detail: (id: string) => ['requests', 'detail', id] as const,
  referralsAll: ['referrals'] as const,
  referrals: (query: TPageQuery) => ['referrals', query] as const,
};

const requestPath = (id: string) => `/api/requests/${encodeURIComponent(id)}`;

export const fetchQueue = (query: TTriageQuery, signal?: AbortSignal) =>
  apiRequest('/api/requests', ZRequestPage, { query, signal });

export const fetchRequest = (id: string) => apiRequest(requestPath(id), ZRequestDetail);

export const changeRequestStatus = (id: string, body: TStatusChangeInput) =>
  apiRequest(`${requestPath(id)}/status`, ZRequestDetail, { method: 'POST', body });

export const decideReferral = (id: string, body: TReferralDecisionInput) =>
  apiRequest(`${requestPath(id)}/decision`, ZRequestDetail, { method: 'POST', body });

export const createReferral = (body: TReferralInput) =>
  apiRequest('/api/referrals', ZReferralStatusView, { method: 'POST', body });

export const fetchOwnReferrals = (query: TPageQuery, signal?: AbortSignal) =>
  apiRequest('/api/referrals', ZReferralStatusPage, { query, signal });
