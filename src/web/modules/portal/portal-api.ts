import type { z } from 'zod';
import { ZPortalAccount, ZPortalHome, ZPortalMessage, ZPortalMessagePage, ZPortalNotePage, ZStaffMessage, ZStaffMessagePage, ZStaffUnreadList } from '../../../shared/portal';
import { ZRecordReaderPage } from '../../../shared/rights';
import { apiRequest } from '../../app/api';

export type TPortalHome = z.output<typeof ZPortalHome>;

/** One key prefix for the portal, so a sent message can refresh the home's counters too. */
export const portalKeys = {
  all: ['portal'] as const,
  home: ['portal', 'home'] as const,
  notes: (page: number, pageSize: number) => ['portal', 'notes', page, pageSize] as const,
  readers: (page: number, pageSize: number) => ['portal', 'readers', page, pageSize] as const,
  thread: (accompanimentId: string) => ['portal', 'thread', accompanimentId] as const,
  staffThread: (accompanimentId: string) => ['portal-staff', 'thread', accompanimentId] as const,
  staffUnread: ['portal-staff', 'unread'] as const,
  account: (personId: string) => ['portal-staff', 'account', personId] as const,
};

export const MESSAGES_PAGE_SIZE = 30;

/** Where the person's browser downloads their data (a plain link: the session cookie goes with it). */
export const EXPORT_URL = '/api/portal/export';

const id = (value: string) => encodeURIComponent(value);

export const fetchPortalHome = () => apiRequest('/api/portal/home', ZPortalHome);

export const fetchSharedNotes = (page: number, pageSize: number) =>
  apiRequest('/api/portal/notes', ZPortalNotePage, { query: { page, pageSize } });

export const fetchReaders = (page: number, pageSize: number) =>
  apiRequest('/api/portal/readers', ZRecordReaderPage, { query: { page, pageSize } });

export const fetchThread = (accompanimentId: string, page: number) =>
  apiRequest(`/api/portal/accompaniments/${id(accompanimentId)}/messages`, ZPortalMessagePage, { query: { page, pageSize: MESSAGES_PAGE_SIZE } });

export const sendMessage = (accompanimentId: string, body: string) =>
  apiRequest(`/api/portal/accompaniments/${id(accompanimentId)}/messages`, ZPortalMessage, { method: 'POST', body: { body } });

// Staff side: for the person and accompaniment pages (mounted there by their modules).

export const fetchPortalAccount = (personId: string) => apiRequest(`/api/persons/${id(personId)}/portal-account`, ZPortalAccount);

export const invitePerson = (personId: string) =>
  apiRequest(`/api/persons/${id(personId)}/portal-invitation`, ZPortalAccount, { method: 'POST' });

export const fetchStaffThread = (accompanimentId: string, page: number) =>
  apiRequest(`/api/accompaniments/${id(accompanimentId)}/portal-messages`, ZStaffMessagePage, { query: { page, pageSize: MESSAGES_PAGE_SIZE } });

export const answerPerson = (accompanimentId: string, body: string) =>
  apiRequest(`/api/accompaniments/${id(accompanimentId)}/portal-messages`, ZStaffMessage, { method: 'POST', body: { body } });

export const fetchStaffUnread = () => apiRequest('/api/portal-messages/unread', ZStaffUnreadList);
