import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type FieldErrors, type MessageKey } from './errors';
import { localeFromHeader, messages, type Locale } from './messages';

const zodLocales = { fr: z.locales.fr(), en: z.locales.en() };

type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldErrors;
};

function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  key: MessageKey,
  fields?: FieldErrors,
  headers?: Record<string, string>,
) {
  const locale = localeFromHeader(request.headers['accept-language']);
  const problem: Problem = {
    type: `about:blank#${key}`,
    title: messages[locale][key],
    status,
    instance: request.url.split('?')[0],
  };
  if (fields && Object.keys(fields).length > 0) problem.errors = fields;
  if (headers) reply.headers(headers);
  return reply.status(status).type('application/problem+json; charset=utf-8').send(problem);
}

/** Zod issues re-worded in the caller's language, keyed by field path ("address.city"). */
function localizedFieldErrors(
  validation: { keyword: string; instancePath: string; params: Record<string, unknown>; message?: string }[],
  locale: Locale,
): FieldErrors {
  const fields: FieldErrors = {};
  for (const item of validation) {
    const path = item.instancePath.replace(/^\//, '').split('/').filter(Boolean);
    const field = path.length > 0 ? path.join('.') : '_';
    const issue = { ...item.params, code: item.keyword, path, input: item.params.input };
    const text = fieldMessage(item, issue, locale);
    if (issue.code === 'unrecognized_keys' && Array.isArray(item.params.keys)) {
      for (const key of item.params.keys) {
        const unknownField = [...path, String(key)].join('.');
        (fields[unknownField] ??= []).push(locale === 'fr' ? 'Champ non autorisé.' : 'Field not allowed.');
      }
      continue;
    }
    (fields[field] ??= []).push(text);
  }
  return fields;
}

/**
 * The message for one field: a rule's own text (`refine`) as its author wrote it; a pattern
 * failure in plain words (the person filling the form should never read a regular expression);
 * anything else re-worded by zod in the caller's language.
 */
function fieldMessage(
  item: { keyword: string; params: Record<string, unknown>; message?: string },
  issue: Record<string, unknown>,
  locale: Locale,
): string {
  if (item.keyword === 'custom' && item.message) return item.message;
  if (item.keyword === 'invalid_format' && item.params.format === 'regex') {
    return locale === 'fr' ? 'Format invalide.' : 'Invalid format.';
  }
  // The type provider flattened the issue into params; zod's locale maps read the same fields back.
  const produced = zodLocales[locale].localeError(issue as never);
  return typeof produced === 'string' ? produced : (produced?.message ?? item.message ?? '');
}

/** Every failure becomes RFC 9457 problem+json; an unexpected one is logged and answered 500. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(request, reply, error.status, error.key, error.fields, error.headers);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const locale = localeFromHeader(request.headers['accept-language']);
      return sendProblem(request, reply, 400, 'validation', localizedFieldErrors(error.validation, locale));
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(request, reply, 400, 'malformedJson');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(request, reply, 413, 'payloadTooLarge');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(request, reply, 415, 'unsupportedMediaType');
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendProblem(request, reply, 400, 'malformedJson');
    }
    if (error.statusCode === 429) return sendProblem(request, reply, 429, 'tooManyRequests');
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(request, reply, error.statusCode, 'validation');
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: { message: error.message, route: request.routeOptions.url } }, 'response serialization');
    } else {
      request.log.error({ err: error }, 'unexpected error');
    }
    return sendProblem(request, reply, 500, 'internal');
  });
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, 404, 'routeNotFound'));
}
