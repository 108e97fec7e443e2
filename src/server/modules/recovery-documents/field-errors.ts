import { RECOVERY_DOCUMENT_FIELD_MESSAGES, type TRecoveryDocumentFieldMessage } from '../../../shared/recovery-documents-api';
import { AppError, badRequest, type FieldErrors } from '../../platform/http/errors';
import type { Locale } from '../../platform/http/messages';

export const fieldMessage = (locale: Locale, key: TRecoveryDocumentFieldMessage): string => RECOVERY_DOCUMENT_FIELD_MESSAGES[locale][key];

/** A 400 on one field, worded in the caller's language (same shape as schema errors). */
export function invalidField(locale: Locale, field: string, key: TRecoveryDocumentFieldMessage): AppError {
  return badRequest('validation', { [field]: [fieldMessage(locale, key)] });
}

/** A 400 carrying several field messages at once. */
export const invalidFields = (fields: FieldErrors): AppError => badRequest('validation', fields);

/** A 409 that says why: the document's state forbids the change (withdrawn, no draft, a review already open…). */
export function conflictOn(locale: Locale, field: string, key: TRecoveryDocumentFieldMessage): AppError {
  return new AppError(409, 'conflict', { [field]: [fieldMessage(locale, key)] });
}
