import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from './api';
import { setPendingNotice } from './auth-notice';
import { sessionQueryKey } from './session';

/** Ends the session; the session guard then shows the login page with a goodbye notice. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('/api/auth/logout', { method: 'POST', sessionRequired: false }),
    onSettled: () => {
      // Even if the call failed (session already gone), nothing of the previous person stays cached.
      setPendingNotice('signedOut');
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}
