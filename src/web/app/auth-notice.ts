import { z } from 'zod';

export const ZNotice = z.enum(['sessionExpired', 'signedOut', 'invitationAccepted', 'passwordReset']);
export type TNotice = z.infer<typeof ZNotice>;

/**
 * A message for the next login page, set just before the session guard sends the person there
 * (the guard's redirect cannot know why the session ended).
 */
let pending: TNotice | null = null;

export function setPendingNotice(notice: TNotice): void {
  pending = notice;
}

export function peekPendingNotice(): TNotice | null {
  return pending;
}

export function clearPendingNotice(): void {
  pending = null;
}

/** Reads a notice passed as router state (`navigate('/connexion', { state: { notice } })`). */
export function noticeFromState(state: unknown): TNotice | null {
  const parsed = z.object({ notice: ZNotice }).safeParse(state);
  return parsed.success ? parsed.data.notice : null;
}
