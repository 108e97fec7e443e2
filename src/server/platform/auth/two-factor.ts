import QRCode from 'qrcode';
import type { z } from 'zod';
import type { TSessionView, ZTwoFactorSetup } from '../../../shared/auth';
import type { Actor } from '../access/actor';
import { badRequest, conflict } from '../http/errors';
import { messages } from '../http/messages';
import { auditAfterAuth, keepCookies, type AuthExchange } from './auth-exchange';
import { asAppError, authErrorCode } from './auth-errors';
import { withPasswordCheck } from './auth-limits';
import { findAccountById } from './account-lookup';
import { loadSessionView } from './session-view';

/**
 * First half of enrolment: after the password is confirmed, better-auth stores a new secret (not
 * yet active) and ten recovery codes; the user scans the QR code and proves it with `confirm`.
 */
export async function startTwoFactorSetup(
  exchange: AuthExchange,
  actor: Actor,
  password: string,
): Promise<z.infer<typeof ZTwoFactorSetup>> {
  let result;
  try {
    result = await withPasswordCheck(exchange, actor.userId, () =>
      exchange.app.auth.api.enableTwoFactor({ body: { password }, headers: exchange.headers }),
    );
  } catch (error) {
    switch (authErrorCode(error)) {
      case 'INVALID_PASSWORD':
        throw badRequest('wrongPassword', { password: [messages[exchange.locale].wrongPassword] });
      case 'TOTP_ALREADY_ENABLED':
        throw conflict('twoFactorAlreadyEnabled');
      default:
        throw asAppError(error);
    }
  }
  if (result.method !== 'totp') throw new Error('TOTP enrolment expected');
  return {
    totpUri: result.totpURI,
    qrCodeDataUrl: await QRCode.toDataURL(result.totpURI, { errorCorrectionLevel: 'M', margin: 2, width: 240 }),
    recoveryCodes: result.backupCodes,
  };
}

/**
 * Second half: a right code turns 2FA on. better-auth replaces the session by a new one (the old
 * token was issued before 2FA), so the route must forward the new cookie.
 */
export async function confirmTwoFactor(exchange: AuthExchange, actor: Actor, code: string): Promise<TSessionView> {
  const before = await findAccountById(exchange.db, actor.userId);
  let result;
  try {
    result = await exchange.app.auth.api.verifyTOTP({ body: { code }, headers: exchange.headers, returnHeaders: true });
  } catch (error) {
    switch (authErrorCode(error)) {
      case 'INVALID_CODE':
        throw badRequest('invalidTotp', { code: [messages[exchange.locale].invalidTotp] });
      case 'TOTP_NOT_ENABLED':
        throw badRequest('twoFactorSetupMissing');
      default:
        throw asAppError(error);
    }
  }
  keepCookies(exchange, result.headers);
  if (before && !before.twoFactorEnabled) {
    await auditAfterAuth(
      exchange.db,
      { organizationId: actor.organizationId, actorUserId: actor.userId, occurredAt: exchange.now },
      { action: 'auth.two_factor.enabled', resourceType: 'user', resourceId: actor.userId, context: { method: 'totp' } },
    );
  }
  return loadSessionView(exchange.db, actor.userId);
}
