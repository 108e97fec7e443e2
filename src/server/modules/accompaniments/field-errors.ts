import { ACCOMPANIMENT_FIELD_MESSAGES, type TAccompanimentFieldMessage } from '../../../shared/accompaniments';
import { AppError, badRequest } from '../../platform/http/errors';
import type { Locale } from '../../platform/http/messages';

/** A 400 on one field, worded in the caller's language (same shape as schema errors). */
export function invalidField(locale: Locale, field: string, key: TAccompanimentFieldMessage): AppError {
  return badRequest('validation', { [field]: [ACCOMPANIMENT_FIELD_MESSAGES[locale][key]] });
}

/** A 409 that says why: the record's state forbids the change (closed accompaniment, already open…). */
export function conflictOn(locale: Locale, field: string, key: TAccompanimentFieldMessage): AppError {
  return new AppError(409, 'conflict', { [field]: [ACCOMPANIMENT_FIELD_MESSAGES[locale][key]] });
}
