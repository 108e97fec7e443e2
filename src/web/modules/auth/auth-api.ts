import type { z } from 'zod';
import {
  ZInvitationView,
  ZLoginResult,
  ZSessionView,
  ZTwoFactorSetup,
  type ZInvitationAcceptInput,
  type ZLoginInput,
  type ZPasswordChangeInput,
  type ZPasswordResetInput,
} from '../../../shared/auth';
import { apiRequest, apiSend } from '../../app/api';

type Input<S extends z.ZodType> = z.input<S>;
/** Public calls: a 401 there means "wrong code or password", never "session lost". */
const publicCall = { sessionRequired: false } as const;

export const login = (body: Input<typeof ZLoginInput>) =>
  apiRequest('/api/auth/login', ZLoginResult, { method: 'POST', body, ...publicCall });

export const loginWithTotp = (code: string) =>
  apiRequest('/api/auth/login/totp', ZLoginResult, { method: 'POST', body: { code }, ...publicCall });

export const loginWithRecoveryCode = (code: string) =>
  apiRequest('/api/auth/login/recovery', ZLoginResult, { method: 'POST', body: { code }, ...publicCall });

export const requestPasswordReset = (email: string) =>
  apiSend('/api/auth/password/forgot', { method: 'POST', body: { email }, ...publicCall });

export const resetPassword = (body: Input<typeof ZPasswordResetInput>) =>
  apiSend('/api/auth/password/reset', { method: 'POST', body, ...publicCall });

export const fetchInvitation = (token: string) =>
  apiRequest(`/api/auth/invitations/${encodeURIComponent(token)}`, ZInvitationView, publicCall);

export const acceptInvitation = (body: Input<typeof ZInvitationAcceptInput>) =>
  apiSend('/api/auth/invitations/accept', { method: 'POST', body, ...publicCall });

export const startTwoFactorSetup = (password: string) =>
  apiRequest('/api/auth/two-factor/setup', ZTwoFactorSetup, { method: 'POST', body: { password } });

export const confirmTwoFactor = (code: string) =>
  apiRequest('/api/auth/two-factor/confirm', ZSessionView, { method: 'POST', body: { code } });

export const changePassword = (body: Input<typeof ZPasswordChangeInput>) =>
  apiSend('/api/auth/password/change', { method: 'POST', body });
