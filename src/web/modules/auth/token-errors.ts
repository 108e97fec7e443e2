import { isApiError } from '../../app/api-error';

/** The link itself is the problem (expired, used, revoked, malformed): not something to retype. */
export function isTokenProblem(error: unknown): boolean {
  if (!isApiError(error)) return false;
  return error.status === 404 || error.code === 'invalidToken' || 'token' in error.errors;
}
