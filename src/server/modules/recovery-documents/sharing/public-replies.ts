import type { FastifyReply, FastifyRequest } from 'fastify';
import { SHARING_FIELD_MESSAGES } from '../../../../shared/recovery-sharing';
import type { FastifyInstance } from 'fastify';
import { hit, rateLimitKey, type RateLimitRule } from '../../../platform/auth/rate-limit';
import { tooManyRequests } from '../../../platform/http/errors';
import { localeFromHeader } from '../../../platform/http/messages';

/**
 * Answers of the public pages (outside link, crisis card). Their bodies carry more than a key of
 * the platform's messages (the 410 message, the attempts left), so they are sent from here,
 * after the transaction that counted the attempt has committed.
 */
export function sendGone(request: FastifyRequest, reply: FastifyReply, what: 'shareInactive' | 'cardInactive') {
  const message = SHARING_FIELD_MESSAGES[localeFromHeader(request.headers['accept-language'])][what];
  return reply
    .status(410)
    .type('application/problem+json; charset=utf-8')
    .send({ type: `about:blank#${what}`, title: message, status: 410 as const, message });
}

export function sendWrongCode(request: FastifyRequest, reply: FastifyReply, remainingAttempts: number) {
  const locale = localeFromHeader(request.headers['accept-language']);
  const wrong = SHARING_FIELD_MESSAGES[locale].wrongCode;
  const left =
    locale === 'fr'
      ? `Il vous reste ${remainingAttempts} essai${remainingAttempts > 1 ? 's' : ''}.`
      : `${remainingAttempts} attempt${remainingAttempts > 1 ? 's' : ''} left.`;
  return reply
    .status(400)
    .type('application/problem+json; charset=utf-8')
    .send({ type: 'about:blank#wrongCode', title: wrong, status: 400 as const, remainingAttempts, errors: { code: [`${wrong} ${left}`] } });
}

/** Codes tried per IP address: a person who mistypes a few times is fine, a robot trying codes is not. */
export const CODE_TRIES_PER_IP: RateLimitRule = { limit: 20, windowMs: 15 * 60 * 1000 };
/** Status checks per IP address (the page asks once when it opens). */
export const STATUS_CHECKS_PER_IP: RateLimitRule = { limit: 60, windowMs: 15 * 60 * 1000 };

/** Counts one request of this IP against the rule; past it, 429 with Retry-After. */
export async function limitPerIp(app: FastifyInstance, request: FastifyRequest, purpose: string, rule: RateLimitRule): Promise<void> {
  const { deps } = app;
  const result = await hit(deps.database.db, rateLimitKey(deps.config.sessionSecret, purpose, request.ip), rule.limit, rule.windowMs, deps.clock());
  if (!result.allowed) throw tooManyRequests(result.retryAfterSeconds);
}
