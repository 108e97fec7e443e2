import { z } from 'zod';
import { CSRF_COOKIE, CSRF_HEADER } from '../../shared/auth';
import { ApiError, ZProblem } from './api-error';
import { announce, ENROLMENT_REQUIRED_EVENT, SIGNED_OUT_EVENT } from './auth-events';
import { currentLocale, i18next } from './i18n';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type QueryValue = string | number | boolean | undefined | null;

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Public calls (login, reset…) answer 401 for wrong credentials: that is not a lost session. */
  sessionRequired?: boolean;
}

/** 401s that judge what was typed (a password, a code), not the session. */
const ANSWER_CODES = new Set([
  'invalidCredentials',
  'invalidTotp',
  'invalidRecoveryCode',
  'wrongPassword',
  'totpRequired',
]);

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** The server sets the CSRF cookie on any /api response; a first write in a fresh tab asks for it. */
async function csrfToken(): Promise<string | null> {
  const existing = readCookie(CSRF_COOKIE);
  if (existing) return existing;
  await fetch('/api/health', { credentials: 'same-origin' }).catch(() => undefined);
  return readCookie(CSRF_COOKIE);
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function toApiError(response: Response): Promise<ApiError> {
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes('json')) {
    const body: unknown = await response.json().catch(() => null);
    const parsed = ZProblem.safeParse(body);
    if (parsed.success) {
      return new ApiError({ ...parsed.data, status: response.status, body });
    }
  }
  return new ApiError({ status: response.status, title: i18next.t('errors.unexpected') });
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLocale() };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = await csrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, title: i18next.t('errors.network') });
  }
  if (response.ok) return response;
  const error = await toApiError(response);
  if (error.status === 401 && options.sessionRequired !== false && !ANSWER_CODES.has(error.code)) {
    announce(SIGNED_OUT_EVENT);
  }
  if (error.status === 403 && error.type.endsWith('#enrolmentRequired')) announce(ENROLMENT_REQUIRED_EVENT);
  throw error;
}

/** Calls the API and checks the answer against its shared contract. */
export async function apiRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const response = await send(path, options);
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    console.error(`Unexpected answer from ${path}`, parsed.error.issues);
    throw new ApiError({ status: response.status, title: i18next.t('errors.badResponse') });
  }
  return parsed.data;
}

/** For answers without a body (204, 202). */
export async function apiSend(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}
