import { z } from 'zod';
import { ZRole } from './roles';

/** Spaces around a pasted address and capitals are forgiven before the format is checked. */
export const ZEmail = z.string().trim().toLowerCase().pipe(z.email().max(254));
/** 12 characters at least (ANSSI guidance for password-only factors); 2FA covers the rest. */
export const ZNewPassword = z.string().min(12).max(128);
const ZTotpCode = z.string().regex(/^\d{6}$/);

export const ZSessionView = z.object({
  user: z.object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    locale: z.enum(['fr', 'en']),
    roles: z.array(ZRole),
    isPlatformAdmin: z.boolean(),
    twoFactorEnabled: z.boolean(),
    /** A role that reads health data without 2FA yet: the app shows enrolment and nothing else. */
    mustEnrolTwoFactor: z.boolean(),
  }),
  organization: z.object({ id: z.uuid(), name: z.string() }),
});
export type TSessionView = z.infer<typeof ZSessionView>;

export const ZLoginInput = z.strictObject({ email: ZEmail, password: z.string().min(1).max(128) });
export const ZLoginResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed_in'), session: ZSessionView }),
  z.object({ status: z.literal('totp_required') }),
]);
export type TLoginResult = z.infer<typeof ZLoginResult>;

export const ZTotpInput = z.strictObject({ code: ZTotpCode });
export const ZRecoveryCodeInput = z.strictObject({ code: z.string().min(6).max(32) });

export const ZTwoFactorSetupInput = z.strictObject({ password: z.string().min(1).max(128) });
export const ZTwoFactorSetup = z.object({
  totpUri: z.string(),
  /** The same URI as a QR code image (data: URL), for the authenticator app. */
  qrCodeDataUrl: z.string(),
  /** Ten single-use recovery codes, shown once. */
  recoveryCodes: z.array(z.string()).length(10),
});
export const ZTwoFactorConfirmInput = ZTotpInput;

export const ZPasswordChangeInput = z.strictObject({ currentPassword: z.string().min(1).max(128), newPassword: ZNewPassword });
export const ZPasswordForgotInput = z.strictObject({ email: ZEmail });
export const ZPasswordResetInput = z.strictObject({ token: z.string().min(16).max(256), newPassword: ZNewPassword });

export const ZInvitationView = z.object({ email: z.string(), name: z.string(), organizationName: z.string() });
export const ZInvitationAcceptInput = z.strictObject({ token: z.string().min(16).max(256), password: ZNewPassword });

export const ZAccountUpdateInput = z.strictObject({ locale: z.enum(['fr', 'en']) });

/** Cookie-authenticated writes carry this header, equal to the `passerelle.csrf` cookie. */
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_COOKIE = 'passerelle.csrf';
