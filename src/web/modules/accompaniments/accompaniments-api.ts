import type { z } from 'zod';
import {
  ZAccompanimentDetail,
  ZAccompanimentList,
  ZAccompanimentPage,
  ZAppointment,
  ZAppointmentList,
  ZGoal,
  ZIntervention,
  ZInterventionPage,
  ZNote,
  ZNotePage,
  ZPeerChoices,
  type TAccompanimentCloseInput,
  type TAccompanimentOpenInput,
  type TAccompanimentPeersInput,
  type TAppointmentInput,
  type TAppointmentUpdateInput,
  type TGoalInput,
  type TGoalUpdateInput,
  type TInterventionInput,
  type TNoteInput,
  type TNoteUpdateInput,
  type ZAccompanimentListQuery,
} from '../../../shared/accompaniments';
import { ZPortalAccount, ZStaffMessage, ZStaffMessagePage, ZStaffUnreadList } from '../../../shared/portal';
import { apiRequest } from '../../app/api';

export type TAccompanimentListQuery = z.output<typeof ZAccompanimentListQuery>;

/** One key prefix per accompaniment, so a write refreshes everything shown about it at once. */
export const accompanimentKeys = {
  all: ['accompaniments'] as const,
  lists: ['accompaniments', 'list'] as const,
  list: (query: TAccompanimentListQuery) => ['accompaniments', 'list', query] as const,
  detail: (id: string) => ['accompaniments', 'detail', id] as const,
  interventionsAll: (id: string) => ['accompaniments', 'detail', id, 'interventions'] as const,
  interventions: (id: string, page: number) => ['accompaniments', 'detail', id, 'interventions', page] as const,
  notesAll: (id: string) => ['accompaniments', 'detail', id, 'notes'] as const,
  notes: (id: string, page: number) => ['accompaniments', 'detail', id, 'notes', page] as const,
  upcoming: (id: string) => ['accompaniments', 'detail', id, 'upcoming'] as const,
  toConfirm: (id: string) => ['accompaniments', 'detail', id, 'to-confirm'] as const,
  messages: (id: string) => ['accompaniments', 'detail', id, 'messages'] as const,
  unread: ['accompaniments', 'unread'] as const,
  /** The same key as the person record's own accompaniments list, so both refresh together. */
  ofPerson: (personId: string) => ['persons', 'detail', personId, 'accompaniments'] as const,
  portalAccount: (personId: string) => ['persons', 'detail', personId, 'portal-account'] as const,
};

const path = (id: string, rest = '') => `/api/accompaniments/${encodeURIComponent(id)}${rest}`;

export const fetchAccompaniments = (query: TAccompanimentListQuery, signal?: AbortSignal) =>
  apiRequest('/api/accompaniments', ZAccompanimentPage, { query, signal });
/** Active peer workers and volunteers of the organisation (coordinators choosing peers). */
export const fetchPeerChoices = () => apiRequest('/api/accompaniments/peer-choices', ZPeerChoices);
export const fetchAccompaniment = (id: string) => apiRequest(path(id), ZAccompanimentDetail);
export const fetchPersonAccompaniments = (personId: string) =>
  apiRequest(`/api/persons/${encodeURIComponent(personId)}/accompaniments`, ZAccompanimentList);

export const openAccompaniment = (body: TAccompanimentOpenInput) =>
  apiRequest('/api/accompaniments', ZAccompanimentDetail, { method: 'POST', body });
export const changePeers = (id: string, body: TAccompanimentPeersInput) =>
  apiRequest(path(id, '/peers'), ZAccompanimentDetail, { method: 'PATCH', body });
export const closeAccompaniment = (id: string, body: TAccompanimentCloseInput) =>
  apiRequest(path(id, '/close'), ZAccompanimentDetail, { method: 'POST', body });

export const addGoal = (id: string, body: TGoalInput) => apiRequest(path(id, '/goals'), ZGoal, { method: 'POST', body });
export const updateGoal = (id: string, goalId: string, body: TGoalUpdateInput) =>
  apiRequest(path(id, `/goals/${encodeURIComponent(goalId)}`), ZGoal, { method: 'PATCH', body });

export const recordIntervention = (id: string, body: TInterventionInput) =>
  apiRequest(path(id, '/interventions'), ZIntervention, { method: 'POST', body });
export const fetchInterventions = (id: string, page: number, pageSize: number) =>
  apiRequest(path(id, '/interventions'), ZInterventionPage, { query: { page, pageSize } });

export const fetchNotes = (id: string, page: number, pageSize: number) =>
  apiRequest(path(id, '/notes'), ZNotePage, { query: { page, pageSize } });
export const addNote = (id: string, body: TNoteInput) => apiRequest(path(id, '/notes'), ZNote, { method: 'POST', body });
export const updateNote = (id: string, noteId: string, body: TNoteUpdateInput) =>
  apiRequest(path(id, `/notes/${encodeURIComponent(noteId)}`), ZNote, { method: 'PATCH', body });

export const fetchUpcomingAppointments = (id: string) => apiRequest(path(id, '/appointments/upcoming'), ZAppointmentList);
export const fetchAppointmentsToConfirm = (id: string) => apiRequest(path(id, '/appointments/to-confirm'), ZAppointmentList);
export const planAppointment = (id: string, body: TAppointmentInput) =>
  apiRequest(path(id, '/appointments'), ZAppointment, { method: 'POST', body });
export const updateAppointment = (id: string, appointmentId: string, body: TAppointmentUpdateInput) =>
  apiRequest(path(id, `/appointments/${encodeURIComponent(appointmentId)}`), ZAppointment, { method: 'PATCH', body });

export const fetchMessages = (id: string, page: number) =>
  apiRequest(path(id, '/portal-messages'), ZStaffMessagePage, { query: { page, pageSize: 30 } });
export const sendMessage = (id: string, body: string) =>
  apiRequest(path(id, '/portal-messages'), ZStaffMessage, { method: 'POST', body: { body } });
export const fetchUnreadMessages = () => apiRequest('/api/portal-messages/unread', ZStaffUnreadList);
export const fetchPortalAccount = (personId: string) =>
  apiRequest(`/api/persons/${encodeURIComponent(personId)}/portal-account`, ZPortalAccount);
