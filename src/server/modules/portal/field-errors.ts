import { PORTAL_FIELD_MESSAGES, type TPortalFieldMessage } from '../../../shared/portal';
import { AppError, badRequest } from '../../platform/http/errors';
import type { Locale } from '../../platform/http/messages';

/** A 400 on one field, worded in the caller's language (same shape as schema errors). */
export function invalidField(locale: Locale, field: string, key: TPortalFieldMessage): AppError {
  return badRequest('validation', { [field]: [PORTAL_FIELD_MESSAGES[locale][key]] });
}

/** A 409 that says why: the record's state forbids the change (an account exists, the accompaniment is closed…). */
export function conflictOn(locale: Locale, field: string, key: TPortalFieldMessage): AppError {
  return new AppError(409, 'conflict', { [field]: [PORTAL_FIELD_MESSAGES[locale][key]] });
}
