import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api-error';
import { codeFailureFrom } from '../api/sharing-api';

type TPhase = 'checking' | 'code' | 'gone' | 'locked' | 'open' | 'error';

/**
 * The public pages' steps: is the link still active, then the code, then the content. A 410 at
 * any step is "no longer active"; the last wrong code locks.
 */
export function useCodeOpening<T>(key: readonly unknown[], status: () => Promise<unknown>, open: (code: string) => Promise<T>) {
  const { t } = useTranslation('recoveryDocuments');
  const check = useQuery({ queryKey: key, queryFn: status, retry: false, staleTime: Infinity });
  const opening = useMutation({ mutationFn: open });
  const failure = opening.error ? codeFailureFrom(opening.error) : null;
  const checkGone = check.isError && isApiError(check.error) && (check.error.status === 410 || check.error.status === 404);
  const checkLocked = check.isError && isApiError(check.error) && check.error.status === 423;

  let phase: TPhase = 'code';
  if (opening.data) phase = 'open';
  else if (checkGone || failure?.kind === 'gone') phase = 'gone';
  else if (checkLocked || failure?.kind === 'locked' || (failure?.kind === 'wrong' && failure.remaining === 0)) phase = 'locked';
  else if (check.isPending) phase = 'checking';
  else if (check.isError) phase = 'error';

  let codeError: string | undefined;
  if (failure?.kind === 'wrong') {
    codeError = failure.remaining === null ? t('public.wrongCode') : `${t('public.wrongCode')} ${t('public.attemptsLeft', { count: failure.remaining })}`;
  } else if (failure?.kind === 'tooMany') codeError = t('public.tooMany');

  return {
    phase,
    content: opening.data,
    codeError,
    otherError: failure?.kind === 'other' ? opening.error : check.isError && phase === 'error' ? check.error : null,
    submit: (code: string) => opening.mutate(code),
    pending: opening.isPending,
  };
}
