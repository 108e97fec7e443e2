import type { FastifyRequest } from 'fastify';
import type { TStaleRevisionProblem } from '../../../shared/recovery-documents-api';
import { AppError } from '../../platform/http/errors';
import { localeFromHeader, messages } from '../../platform/http/messages';
import { fieldMessage } from './field-errors';

/**
 * A save or a validation that names an older revision than the draft's: someone saved meanwhile.
 * The 409 says when (`newerVersionAt`) so the screen can offer to reload.
 */
export class StaleRevisionError extends AppError {
  constructor(
    readonly newerVersionAt: Date,
    readonly currentRevision: number,
  ) {
    super(409, 'conflict');
  }
}

/** The 409 problem of a stale revision, with the newer save's date; any other error is thrown on. */
export function staleRevisionProblem(request: FastifyRequest, error: unknown): TStaleRevisionProblem {
  if (!(error instanceof StaleRevisionError)) throw error;
  const locale = localeFromHeader(request.headers['accept-language']);
  return {
    type: 'about:blank#conflict',
    title: messages[locale].conflict,
    status: 409,
    newerVersionAt: error.newerVersionAt.toISOString(),
    revision: error.currentRevision,
    errors: { revision: [fieldMessage(locale, 'staleRevision')] },
  };
}

export const PROBLEM_JSON = 'application/problem+json; charset=utf-8';
