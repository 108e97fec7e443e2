import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { ENROLMENT_REQUIRED_EVENT, SIGNED_OUT_EVENT } from './auth-events';
import { setPendingNotice } from './auth-notice';
import { paths } from './paths';
import { sessionQueryKey } from './session';

/**
 * Reacts to what the API client reports: a lost session sends the person to login (the session
 * guard keeps the page they were on), a missing 2FA to enrolment.
 */
export function AuthEventsListener() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  useEffect(() => {
    const onSignedOut = () => {
      if (queryClient.getQueryData(sessionQueryKey) === null) return;
      setPendingNotice('sessionExpired');
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      queryClient.setQueryData(sessionQueryKey, null);
    };
    const onEnrolmentRequired = () => {
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
      void navigate(paths.twoFactor, { replace: true });
    };
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    window.addEventListener(ENROLMENT_REQUIRED_EVENT, onEnrolmentRequired);
    return () => {
      window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
      window.removeEventListener(ENROLMENT_REQUIRED_EVENT, onEnrolmentRequired);
    };
  }, [queryClient, navigate]);

  return null;
}
