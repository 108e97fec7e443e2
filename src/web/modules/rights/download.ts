import { ApiError, ZProblem } from '../../app/api-error';
import { announce, SIGNED_OUT_EVENT } from '../../app/auth-events';
import { currentLocale, i18next } from '../../app/i18n';

/**
 * Downloads a file the API serves with the session cookie (a person's export), so an error comes
 * back as a message on the page rather than as a downloaded error file. The browser saves it under
 * the server's file name.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', headers: { 'accept-language': currentLocale() } });
  } catch {
    throw new ApiError({ status: 0, title: i18next.t('errors.network') });
  }
  if (!response.ok) {
    if (response.status === 401) announce(SIGNED_OUT_EVENT);
    const problem = ZProblem.safeParse(await response.json().catch(() => null));
    throw new ApiError(problem.success ? { ...problem.data, status: response.status } : { status: response.status, title: i18next.t('errors.unexpected') });
  }
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the browser's download; the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
