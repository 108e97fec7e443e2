import { z } from 'zod';
import {
  ZContinuitySettings,
  ZOutreachCaseDetail,
  ZOutreachCasePage,
  ZRecontactPreferences,
  type TContinuitySettings,
  type TOutreachAttemptInput,
  type TOutreachCloseInput,
  type TRecontactPreferencesInput,
  type ZOutreachQueueQuery,
} from '../../../shared/continuity';
import { apiRequest } from '../../app/api';

export type TOutreachQueueQuery = z.output<typeof ZOutreachQueueQuery>;

export const outreachKeys = {
  all: ['outreach'] as const,
  queues: ['outreach', 'queue'] as const,
  queue: (query: TOutreachQueueQuery) => ['outreach', 'queue', query] as const,
  detail: (id: string) => ['outreach', 'case', id] as const,
  settings: ['continuity', 'settings'] as const,
  preferences: (personId: string) => ['persons', 'detail', personId, 'recontact-preferences'] as const,
};

const casePath = (id: string, rest = '') => `/api/outreach/cases/${encodeURIComponent(id)}${rest}`;
const preferencesPath = (personId: string) => `/api/persons/${encodeURIComponent(personId)}/recontact-preferences`;

export const fetchQueue = (query: TOutreachQueueQuery, signal?: AbortSignal) => apiRequest('/api/outreach/cases', ZOutreachCasePage, { query, signal });
const ZDetection = z.object({ flagged: z.number().int() });
/** Runs the rupture detection now for the organisation (coordinators); it also runs every night. */
export const detectRupturesNow = () => apiRequest('/api/outreach/detection', ZDetection, { method: 'POST' });
export const fetchCase = (id: string) => apiRequest(casePath(id), ZOutreachCaseDetail);
export const logAttempt = (id: string, body: TOutreachAttemptInput) => apiRequest(casePath(id, '/attempts'), ZOutreachCaseDetail, { method: 'POST', body });
export const closeCase = (id: string, body: TOutreachCloseInput) => apiRequest(casePath(id, '/close'), ZOutreachCaseDetail, { method: 'POST', body });

export const fetchPreferences = (personId: string) => apiRequest(preferencesPath(personId), ZRecontactPreferences);
export const savePreferences = (personId: string, body: TRecontactPreferencesInput) =>
  apiRequest(preferencesPath(personId), ZRecontactPreferences, { method: 'PUT', body });

export const fetchSettings = () => apiRequest('/api/continuity/settings', ZContinuitySettings);
export const saveSettings = (body: TContinuitySettings) => apiRequest('/api/continuity/settings', ZContinuitySettings, { method: 'PUT', body });
