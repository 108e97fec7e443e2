import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZSessionView } from '../../shared/auth';
import { apiRequest } from './api';
import { applyLocale, type TLocale } from './i18n';
import { sessionQueryKey, useSession } from './session';

/**
 * Switches the interface language at once, remembers it on this device and, when signed in,
 * saves it on the account so mails and other devices follow.
 */
export function useChangeLocale() {
  const queryClient = useQueryClient();
  const session = useSession();
  const signedIn = Boolean(session.data);
  const mutation = useMutation({
    mutationFn: (locale: TLocale) =>
      apiRequest('/api/auth/me', ZSessionView, { method: 'PATCH', body: { locale } }),
    onSuccess: (updated) => queryClient.setQueryData(sessionQueryKey, updated),
  });
  const change = async (locale: TLocale) => {
    await applyLocale(locale, { remember: true });
    if (signedIn) mutation.mutate(locale);
  };
  return { change, saving: mutation.isPending, saved: mutation.isSuccess, error: mutation.error };
}
