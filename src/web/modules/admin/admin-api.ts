import type { z } from 'zod';
import {
  ZAuditPage,
  ZInvitationPage,
  ZInvitationSummary,
  ZOrganizationPage,
  ZOrganizationSummary,
  ZOutboxMessageDetail,
  ZOutboxPage,
  ZUserDetail,
  ZUserPage,
  type ZAuditQuery,
  type ZInvitationCreateInput,
  type ZOrganizationCreateInput,
  type ZUserListQuery,
  type ZUserUpdateInput,
} from '../../../shared/admin';
import type { TPageQuery } from '../../../shared/pagination';
import { apiRequest, apiSend } from '../../app/api';

export type TUserListQuery = z.output<typeof ZUserListQuery>;
export type TAuditQuery = z.output<typeof ZAuditQuery>;
export type TUserDetail = z.output<typeof ZUserDetail>;
export const PAGE_SIZE = 25;

/** One key prefix per list, so a write can invalidate every page of it at once. */
export const adminKeys = {
  users: (query: TUserListQuery) => ['admin', 'users', query] as const,
  usersAll: ['admin', 'users'] as const,
  user: (id: string) => ['admin', 'user', id] as const,
  invitations: (page: number) => ['admin', 'invitations', page] as const,
  invitationsAll: ['admin', 'invitations'] as const,
  audit: (query: TAuditQuery) => ['admin', 'audit', query] as const,
  outbox: (page: number) => ['admin', 'outbox', page] as const,
  outboxMessage: (id: string) => ['admin', 'outbox-message', id] as const,
  organizations: (page: number) => ['admin', 'organizations', page] as const,
  organizationsAll: ['admin', 'organizations'] as const,
};

export const fetchUsers = (query: TUserListQuery, signal?: AbortSignal) =>
  apiRequest('/api/admin/users', ZUserPage, { query, signal });

export const fetchUser = (id: string) => apiRequest(`/api/admin/users/${encodeURIComponent(id)}`, ZUserDetail);

export const updateUser = (id: string, body: z.input<typeof ZUserUpdateInput>) =>
  apiRequest(`/api/admin/users/${encodeURIComponent(id)}`, ZUserDetail, { method: 'PATCH', body });

export const fetchInvitations = (query: TPageQuery) =>
  apiRequest('/api/admin/invitations', ZInvitationPage, { query });

export const createInvitation = (body: z.input<typeof ZInvitationCreateInput>) =>
  apiRequest('/api/admin/invitations', ZInvitationSummary, { method: 'POST', body });

export const revokeInvitation = (id: string) =>
  apiSend(`/api/admin/invitations/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const fetchAudit = (query: TAuditQuery, signal?: AbortSignal) =>
  apiRequest('/api/admin/audit', ZAuditPage, { query, signal });

export const fetchOutbox = (query: TPageQuery) => apiRequest('/api/admin/outbox', ZOutboxPage, { query });

export const fetchOutboxMessage = (id: string) =>
  apiRequest(`/api/admin/outbox/${encodeURIComponent(id)}`, ZOutboxMessageDetail);

export const fetchOrganizations = (query: TPageQuery) =>
  apiRequest('/api/admin/organizations', ZOrganizationPage, { query });

export const createOrganization = (body: z.input<typeof ZOrganizationCreateInput>) =>
  apiRequest('/api/admin/organizations', ZOrganizationSummary, { method: 'POST', body });
