import { APIError } from 'better-auth/api';
import { AppError, badRequest, conflict, forbidden, tooManyRequests, unauthorized } from '../http/errors';

/** The machine code of a better-auth failure ("INVALID_CODE"…), or null for any other error. */
export function authErrorCode(error: unknown): string | null {
  if (!(error instanceof APIError)) return null;
  const code: unknown = error.body?.code;
  return typeof code === 'string' ? code : String(error.status);
}

/**
 * A better-auth failure no use case expected, turned into our typed errors so that it is never
 * answered 500 nor with better-auth's English text; anything else is rethrown as is.
 */
export function asAppError(error: unknown): unknown {
  if (error instanceof AppError || !(error instanceof APIError)) return error;
  switch (error.statusCode) {
    case 400:
      return badRequest();
    case 401:
      return unauthorized();
    case 403:
      return forbidden();
    case 409:
      return conflict();
    case 429:
      return tooManyRequests(60);
    default:
      return error;
  }
}
