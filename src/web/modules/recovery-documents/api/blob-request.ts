import { CSRF_COOKIE, CSRF_HEADER } from '../../../../shared/auth';
import { ApiError, ZProblem } from '../../../app/api-error';
import { currentLocale, i18next } from '../../../app/i18n';

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/**
 * A write answered by a file (the crisis card's PDF): the shared client reads JSON only. Same
 * double-submit CSRF token and same problem+json errors as the shared client (app/api.ts).
 */
export async function postForBlob(path: string, body: unknown): Promise<Blob> {
  if (!readCookie(CSRF_COOKIE)) await fetch('/api/health', { credentials: 'same-origin' }).catch(() => undefined);
  const token = readCookie(CSRF_COOKIE);
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/pdf, application/problem+json', 'accept-language': currentLocale(), ...(token ? { [CSRF_HEADER]: token } : {}) },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, title: i18next.t('errors.network') });
  }
  if (response.ok) return response.blob();
  const parsed = ZProblem.safeParse(await response.json().catch(() => null));
  throw new ApiError(parsed.success ? { ...parsed.data, status: response.status } : { status: response.status, title: i18next.t('errors.unexpected') });
}

/** Hands a file to the browser's download, under a given name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
