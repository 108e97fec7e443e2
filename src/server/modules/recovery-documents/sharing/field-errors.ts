import { SHARING_FIELD_MESSAGES, type TSharingFieldMessage } from '../../../../shared/recovery-sharing';
import { AppError, badRequest } from '../../../platform/http/errors';
import type { Locale } from '../../../platform/http/messages';

/** A 400 on one field, worded in the caller's language (same shape as schema errors). */
export function invalidSharingField(locale: Locale, field: string, key: TSharingFieldMessage): AppError {
  return badRequest('validation', { [field]: [SHARING_FIELD_MESSAGES[locale][key]] });
}

/** A 409 that says why: the record's state forbids the request (proof of a share not withdrawn…). */
export function sharingConflict(locale: Locale, field: string, key: TSharingFieldMessage): AppError {
  return new AppError(409, 'conflict', { [field]: [SHARING_FIELD_MESSAGES[locale][key]] });
}
