import { useQuery } from '@tanstack/react-query';
import { createContext, use } from 'react';
import { ZSessionView, type TSessionView } from '../../shared/auth';
import { apiRequest } from './api';
import { isApiError } from './api-error';

export const sessionQueryKey = ['session'] as const;

/** `null` when signed out: a 401 here is an answer, not a failure. */
export async function fetchSession(): Promise<TSessionView | null> {
  try {
    return await apiRequest('/api/auth/session', ZSessionView, { sessionRequired: false });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 60_000 });
}

export const SessionContext = createContext<TSessionView | null>(null);

/** The signed-in session, for components rendered below the RequireSession guard. */
export function useCurrentSession(): TSessionView {
  const session = use(SessionContext);
  if (!session) throw new Error('useCurrentSession must be used below RequireSession');
  return session;
}
