import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../access/actor';
import { unauthorized } from '../../http/errors';
import type { RouteAccess } from '../../access/route-access';

export const TAGS = ['auth'];

export const PUBLIC: RouteAccess = { kind: 'public' };
/** Reachable by a user who still owes 2FA enrolment: they must be able to enrol, read and leave. */
export const SESSION_BEFORE_TWO_FACTOR: RouteAccess = { kind: 'session', beforeTwoFactor: true };
export const SESSION: RouteAccess = { kind: 'session' };

/** The access hook already refused anonymous callers; this narrows the type for the handler. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}
